#include "core/i18n/i18n.h"

#include "core/i18n/icu_text.h"
#include "passerelle/common/files.h"

#include <nlohmann/json.hpp>
#include <unicode/datefmt.h>
#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/timezone.h>

#include <algorithm>

namespace passerelle::i18n {

namespace {

constexpr double msPerDay = 86400000.0;

UDate toUDate(std::chrono::sys_days day) {
    return static_cast<double>(day.time_since_epoch().count()) * msPerDay;
}

// Calendar dates inside messages are days, not instants: format them in UTC so that the kiosk's
// zone never moves them to the day before.
void formatDatesInUtc(icu::MessageFormat& format) {
    int32_t count = 0;
    const icu::Format** formats = format.getFormats(count);
    if (formats == nullptr || count == 0) return;
    std::vector<std::unique_ptr<icu::Format>> copies;
    std::vector<const icu::Format*> pointers;
    bool anyDate = false;
    for (int32_t i = 0; i < count; ++i) {
        std::unique_ptr<icu::Format> copy(formats[i] ? formats[i]->clone() : nullptr);
        if (auto* date = dynamic_cast<icu::DateFormat*>(copy.get())) {
            date->setTimeZone(*icu::TimeZone::getGMT());
            anyDate = true;
        }
        pointers.push_back(copy.get());
        copies.push_back(std::move(copy));
    }
    if (anyDate) format.setFormats(pointers.data(), count);
}

icu::Formattable toFormattable(const MessageArg& arg) {
    return std::visit(
        [](const auto& v) -> icu::Formattable {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>)
                return icu::Formattable(toUnicode(v));
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return icu::Formattable(static_cast<int64_t>(v));
            else if constexpr (std::is_same_v<T, double>)
                return icu::Formattable(v);
            else
                return icu::Formattable(toUDate(v), icu::Formattable::kIsDate);
        },
        arg.value());
}

icu::DateFormat::EStyle toIcu(DateStyle style) {
    switch (style) {
    case DateStyle::Short:
        return icu::DateFormat::kShort;
    case DateStyle::Medium:
        return icu::DateFormat::kMedium;
    case DateStyle::Long:
        return icu::DateFormat::kLong;
    case DateStyle::Full:
        return icu::DateFormat::kFull;
    }
    return icu::DateFormat::kLong;
}

} // namespace

struct I18n::Compiled {
    std::unique_ptr<icu::MessageFormat> format; // null: neither the language nor English parses
    std::string plain;                          // the message formatted without arguments
};

I18n::I18n() = default;
I18n::~I18n() = default;

std::expected<LoadReport, std::string> I18n::load(const std::filesystem::path& localesDir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(localesDir, ec))
        return std::unexpected("the language folder " + localesDir.string() +
                               " is missing; reinstall Passerelle or fix its locales path");
    LoadReport report;
    std::map<std::string, Catalog, std::less<>> catalogs;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(localesDir, ec))
        if (entry.is_regular_file() && isCatalogFileName(entry.path()))
            files.push_back(entry.path());
    std::ranges::sort(files);
    for (const auto& file : files) {
        auto catalog = loadCatalog(file);
        if (!catalog) {
            report.warnings.push_back(catalog.error() + " (this language is not offered)");
            continue;
        }
        for (auto& warning : catalog->warnings)
            report.warnings.push_back(warning);
        catalogs.emplace(catalog->code, std::move(*catalog));
    }
    if (!catalogs.contains(fallbackLanguage))
        return std::unexpected("the English language file " + (localesDir / "en.json").string() +
                               " is missing or damaged; English is needed as the fallback "
                               "language: restore it from the release");

    std::vector<std::string> order;
    if (auto index = readFile(localesDir / "languages.json", 1u << 20)) {
        auto doc = nlohmann::json::parse(*index, nullptr, false);
        if (doc.is_object() && doc.contains("order") && doc["order"].is_array()) {
            for (const auto& code : doc["order"])
                if (code.is_string() && catalogs.contains(code.get<std::string>()) &&
                    std::ranges::find(order, code.get<std::string>()) == order.end())
                    order.push_back(code.get<std::string>());
        } else {
            report.warnings.push_back("languages.json has no \"order\" list; languages are "
                                      "shown in alphabetical order of their codes");
        }
    }
    for (const auto& [code, catalog] : catalogs)
        if (std::ranges::find(order, code) == order.end()) order.push_back(code);

    catalogs_ = std::move(catalogs);
    order_ = std::move(order);
    language_.clear();
    setLanguage(fallbackLanguage);
    cache_.clear();
    return report;
}

bool I18n::setLanguage(std::string_view code) {
    if (!catalogs_.contains(code)) return false;
    if (language_ != code) {
        language_ = std::string(code);
        cache_.clear();
    }
    rtl_ = icu::Locale(icuLocale().c_str()).isRightToLeft();
    return true;
}

const Catalog* I18n::catalog(std::string_view code) const {
    auto it = catalogs_.find(code);
    return it == catalogs_.end() ? nullptr : &it->second;
}

const std::string& I18n::icuLocale() const {
    static const std::string english(fallbackLanguage);
    const Catalog* current = catalog(language_);
    return current ? current->icuLocale : english;
}

bool I18n::isRightToLeft() const {
    return rtl_;
}

bool I18n::hasKey(std::string_view key) const {
    for (std::string_view code : {std::string_view(language_), fallbackLanguage})
        if (const Catalog* c = catalog(code); c && c->messages.contains(key)) return true;
    return false;
}

const I18n::Compiled* I18n::compiled(std::string_view key) const {
    if (auto it = cache_.find(key); it != cache_.end()) return it->second.get();
    auto entry = std::make_unique<Compiled>();
    // The current language first, then English (with English plural rules).
    for (std::string_view code : {std::string_view(language_), fallbackLanguage}) {
        const Catalog* c = catalog(code);
        if (c == nullptr) continue;
        auto message = c->messages.find(key);
        if (message == c->messages.end()) continue;
        UErrorCode status = U_ZERO_ERROR;
        UParseError where{};
        auto format = std::make_unique<icu::MessageFormat>(
            toUnicode(message->second), icu::Locale(c->icuLocale.c_str()), where, status);
        if (U_FAILURE(status)) continue;
        formatDatesInUtc(*format);
        icu::UnicodeString out;
        status = U_ZERO_ERROR;
        format->format(nullptr, nullptr, 0, out, status);
        entry->plain = U_SUCCESS(status) ? toUtf8(out) : message->second;
        entry->format = std::move(format);
        break;
    }
    if (!entry->format) entry->plain = std::string(key);
    return cache_.emplace(std::string(key), std::move(entry)).first->second.get();
}

std::string I18n::text(std::string_view key) const {
    return compiled(key)->plain;
}

std::string I18n::format(std::string_view key, std::initializer_list<NamedArg> args) const {
    return format(key, std::span<const NamedArg>(args.begin(), args.size()));
}

std::string I18n::format(std::string_view key, std::span<const NamedArg> args) const {
    const Compiled* entry = compiled(key);
    if (!entry->format) return entry->plain;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(args.size());
    values.reserve(args.size());
    for (const auto& arg : args) {
        names.push_back(toUnicode(arg.name));
        values.push_back(toFormattable(arg.value));
    }
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    entry->format->format(names.data(), values.data(), static_cast<int32_t>(args.size()), out,
                          status);
    // A wrong argument type is a programming error; show the unformatted text, never a blank.
    return U_SUCCESS(status) ? toUtf8(out) : entry->plain;
}

std::string I18n::formatDate(std::chrono::sys_days day, DateStyle style) const {
    std::unique_ptr<icu::DateFormat> format(
        icu::DateFormat::createDateInstance(toIcu(style), icu::Locale(icuLocale().c_str())));
    if (!format) return {};
    format->setTimeZone(*icu::TimeZone::getGMT());
    icu::UnicodeString out;
    format->format(toUDate(day), out);
    return toUtf8(out);
}

std::string I18n::formatTime(std::chrono::sys_seconds instant, TimeStyle style) const {
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createTimeInstance(
        style == TimeStyle::Short ? icu::DateFormat::kShort : icu::DateFormat::kMedium,
        icu::Locale(icuLocale().c_str())));
    if (!format) return {};
    if (!timeZone_.empty())
        format->adoptTimeZone(icu::TimeZone::createTimeZone(toUnicode(timeZone_)));
    icu::UnicodeString out;
    format->format(static_cast<double>(instant.time_since_epoch().count()) * 1000.0, out);
    return toUtf8(out);
}

bool I18n::setTimeZone(std::string_view ianaId) {
    if (ianaId.empty()) {
        timeZone_.clear();
        return true;
    }
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(toUnicode(ianaId)));
    if (*zone == icu::TimeZone::getUnknown()) return false;
    timeZone_ = std::string(ianaId);
    return true;
}

std::string I18n::formatNumber(double value, int maxFractionDigits) const {
    UErrorCode status = U_ZERO_ERROR;
    auto out = icu::number::NumberFormatter::withLocale(icu::Locale(icuLocale().c_str()))
                   .precision(icu::number::Precision::maxFraction(std::max(0, maxFractionDigits)))
                   .formatDouble(value, status)
                   .toString(status);
    return U_SUCCESS(status) ? toUtf8(out) : std::to_string(value);
}

std::string I18n::formatInteger(std::int64_t value) const {
    UErrorCode status = U_ZERO_ERROR;
    auto out = icu::number::NumberFormatter::withLocale(icu::Locale(icuLocale().c_str()))
                   .formatInt(value, status)
                   .toString(status);
    return U_SUCCESS(status) ? toUtf8(out) : std::to_string(value);
}

std::vector<LanguageInfo> I18n::languages() const {
    std::vector<LanguageInfo> out;
    for (const auto& code : order_) {
        const Catalog& c = catalogs_.at(code);
        icu::Locale locale(c.icuLocale.c_str());
        LanguageInfo info{code, {}, static_cast<bool>(locale.isRightToLeft())};
        if (auto name = c.messages.find("language.native_name"); name != c.messages.end()) {
            info.nativeName = name->second;
        } else { // ICU's name for it, capitalised as in a list: "français" -> "Français"
            icu::UnicodeString display;
            locale.getDisplayLanguage(locale, display);
            display.toTitle(nullptr, locale, U_TITLECASE_NO_LOWERCASE);
            info.nativeName = toUtf8(display);
        }
        out.push_back(std::move(info));
    }
    return out;
}

std::string I18n::nativeNamesText() const {
    std::string all;
    for (const auto& language : languages())
        all += language.nativeName + " ";
    return all;
}

} // namespace passerelle::i18n
