#pragma once
// Settings an admin changes from the staff panel (Settings tab): a local override of
// config.json kept in <dataDir>/settings.json (written atomically), applied on top of the
// configuration at every start. config.json itself is never rewritten by the kiosk: it comes from
// the city (or the installer), the override only narrows what staff may change.
#include "core/identity/kiosk_config.h"

#include <expected>
#include <filesystem>
#include <string>
#include <vector>

namespace passerelle {

struct LocalSettings {
    static constexpr const char* kFileName = "settings.json";
    static constexpr int kMinIdleSeconds = 20;
    static constexpr int kMaxIdleSeconds = 600;

    int idleTimeoutSeconds = 60;
    std::string defaultLanguage;
    std::vector<std::string> offeredLanguages;
    std::string cityUrl;

    static LocalSettings from(const KioskConfig& config);
    void applyTo(KioskConfig& config) const;

    // Problems in the panel's words, as message keys the UI translates ("" when fine):
    // staff.settings_bad_idle|MIN|MAX, staff.settings_no_language,
    // staff.settings_default_not_offered, staff.settings_bad_url.
    std::string problem() const;

    // Missing file: nullopt. A file that cannot be read or is invalid: an error (the kiosk then
    // keeps config.json as it is and tells staff).
    static std::expected<std::optional<LocalSettings>, std::string>
    load(const std::filesystem::path& dataDir);
    std::expected<void, std::string> save(const std::filesystem::path& dataDir) const;
    std::string toJson() const;

    bool operator==(const LocalSettings&) const = default;
};

} // namespace passerelle
