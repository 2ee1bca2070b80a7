#pragma once
// The kiosk's languages: message catalogs from locales/, ICU MessageFormat (plural, select),
// dates, times and numbers in the resident's locale. No UI code: screens get plain UTF-8 strings
// in logical order and hand them to ui/text to be shaped, reordered and drawn.
//
// Not thread-safe: use it from the UI thread (formatters are cached per language).
#include "core/i18n/catalog.h"
#include "core/i18n/message_arg.h"

#include <chrono>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::i18n {

struct LanguageInfo {
    std::string code;       // "ar"
    std::string nativeName; // the language's name in its own script: "العربية"
    bool rtl = false;       // written right to left (from ICU's locale data)
};

struct LoadReport {
    std::vector<std::string> warnings; // catalogs or entries that were skipped, for the staff log
};

enum class DateStyle {
    Short,
    Medium,
    Long,
    Full
};                                      // en: 3/14/26, Mar 14, 2026, March 14, 2026, ...
enum class TimeStyle { Short, Medium }; // en: 2:30 PM, 2:30:00 PM

class I18n {
  public:
    static constexpr std::string_view fallbackLanguage = "en";

    I18n();
    ~I18n();
    I18n(const I18n&) = delete;
    I18n& operator=(const I18n&) = delete;

    // Loads every <code>.json catalog in the folder (and the optional languages.json that orders
    // them). Fails only when English, the fallback, cannot be loaded; a broken other catalog is
    // skipped and reported. Selects English.
    std::expected<LoadReport, std::string> load(const std::filesystem::path& localesDir);

    // Switches language; returns false (and keeps the current one) for a language not loaded.
    bool setLanguage(std::string_view code);
    const std::string& language() const { return language_; }
    bool isRightToLeft() const;
    const std::string& icuLocale() const; // locale the formatters use, e.g. "fr" or "ar-u-nu-latn"

    // The message for `key` in the current language, falling back to English and then to the key
    // itself, so a screen never shows a blank. Messages with arguments: use format().
    std::string text(std::string_view key) const;
    // ICU MessageFormat with named arguments: format("idle.body", {{"seconds", 20}}).
    std::string format(std::string_view key, std::initializer_list<NamedArg> args) const;
    std::string format(std::string_view key, std::span<const NamedArg> args) const;
    bool hasKey(std::string_view key) const; // in the current language or in English

    std::string formatDate(std::chrono::sys_days day, DateStyle style = DateStyle::Long) const;
    // Time of day in the kiosk's time zone (the system's, or the one set with setTimeZone).
    std::string formatTime(std::chrono::sys_seconds instant,
                           TimeStyle style = TimeStyle::Short) const;
    std::string formatNumber(double value, int maxFractionDigits = 2) const;
    std::string formatInteger(std::int64_t value) const;
    // IANA zone id, e.g. "Europe/Paris"; empty = the system's zone. Returns false if unknown.
    bool setTimeZone(std::string_view ianaId);

    // Loaded languages in display order (languages.json, then the rest by code).
    std::vector<LanguageInfo> languages() const;
    // Every language's native name in one string: pass it as extra text when building fonts so
    // the language list can always be drawn ("العربية" needs Arabic glyphs on an English screen).
    std::string nativeNamesText() const;
    // The catalog of a language (nullptr if not loaded), e.g. for checks and tools.
    const Catalog* catalog(std::string_view code) const;

  private:
    struct Compiled;
    const Compiled* compiled(std::string_view key) const;

    std::map<std::string, Catalog, std::less<>> catalogs_;
    std::vector<std::string> order_;
    std::string language_{fallbackLanguage};
    bool rtl_ = false; // of language_, asked every frame
    std::string timeZone_;
    mutable std::map<std::string, std::unique_ptr<Compiled>, std::less<>>
        cache_; // current language
};

} // namespace passerelle::i18n
