#include "core/identity/local_settings.h"

#include "passerelle/common/files.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace passerelle {

namespace {
bool isHttpUrl(const std::string& url) {
    for (std::string_view scheme : {"https://", "http://"})
        if (url.starts_with(scheme) && url.size() > scheme.size() &&
            url.find_first_of(" \t\r\n\"'<>\\") == std::string::npos)
            return true;
    return false;
}
} // namespace

LocalSettings LocalSettings::from(const KioskConfig& config) {
    LocalSettings s;
    s.idleTimeoutSeconds = config.idleTimeoutSeconds;
    s.defaultLanguage = config.defaultLanguage;
    s.offeredLanguages = config.offeredLanguages;
    s.cityUrl = config.cityUrl;
    return s;
}

void LocalSettings::applyTo(KioskConfig& config) const {
    config.idleTimeoutSeconds = idleTimeoutSeconds;
    config.defaultLanguage = defaultLanguage;
    config.offeredLanguages = offeredLanguages;
    config.cityUrl = cityUrl;
}

std::string LocalSettings::problem() const {
    if (idleTimeoutSeconds < kMinIdleSeconds || idleTimeoutSeconds > kMaxIdleSeconds)
        return "staff.settings_bad_idle|" + std::to_string(kMinIdleSeconds) + "|" +
               std::to_string(kMaxIdleSeconds);
    if (offeredLanguages.empty()) return "staff.settings_no_language";
    if (std::find(offeredLanguages.begin(), offeredLanguages.end(), defaultLanguage) ==
        offeredLanguages.end())
        return "staff.settings_default_not_offered";
    if (cityUrl.size() > 200 || !isHttpUrl(cityUrl)) return "staff.settings_bad_url";
    return {};
}

std::string LocalSettings::toJson() const {
    nlohmann::json doc;
    doc["idle_timeout_seconds"] = idleTimeoutSeconds;
    doc["default_language"] = defaultLanguage;
    doc["offered_languages"] = offeredLanguages;
    doc["city_url"] = cityUrl;
    return doc.dump(2) + "\n";
}

std::expected<std::optional<LocalSettings>, std::string>
LocalSettings::load(const std::filesystem::path& dataDir) {
    const auto file = dataDir / kFileName;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return std::optional<LocalSettings>{};
    auto text = readFile(file, 64 * 1024);
    if (!text) return std::unexpected("cannot read " + file.string() + ": " + text.error());
    auto doc = nlohmann::json::parse(*text, nullptr, false);
    const char* bad = "the staff settings in ";
    if (doc.is_discarded() || !doc.is_object())
        return std::unexpected(bad + file.string() + " are not valid JSON; config.json is used");
    LocalSettings s;
    try {
        s.idleTimeoutSeconds = doc.at("idle_timeout_seconds").get<int>();
        s.defaultLanguage = doc.at("default_language").get<std::string>();
        s.offeredLanguages = doc.at("offered_languages").get<std::vector<std::string>>();
        s.cityUrl = doc.at("city_url").get<std::string>();
    } catch (const std::exception&) {
        return std::unexpected(bad + file.string() +
                               " miss a field or have a wrong type; config.json is used");
    }
    if (auto p = s.problem(); !p.empty())
        return std::unexpected(bad + file.string() + " are out of range (" + p +
                               "); config.json is used");
    return std::optional<LocalSettings>(std::move(s));
}

std::expected<void, std::string> LocalSettings::save(const std::filesystem::path& dataDir) const {
    return writeFileAtomic(dataDir / kFileName, toJson(), 0644);
}

} // namespace passerelle
