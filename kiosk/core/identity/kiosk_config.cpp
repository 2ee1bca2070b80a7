#include "core/identity/kiosk_config.h"

#include "core/store/stats.h"
#include "passerelle/common/files.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace passerelle {

namespace {

using nlohmann::json;

// Collects every problem so staff can fix the file in one go.
struct Problems {
    std::vector<std::string> lines;
    void add(const std::string& line) { lines.push_back(line); }
    std::string text() const {
        std::string out = "the kiosk configuration has problems:";
        for (const auto& line : lines)
            out += "\n- " + line;
        return out;
    }
};

std::optional<std::string> getString(const json& doc, const char* key, Problems& problems,
                                     bool required) {
    if (!doc.contains(key)) {
        if (required) problems.add(std::string(key) + ": missing");
        return std::nullopt;
    }
    if (!doc[key].is_string()) {
        problems.add(std::string(key) + ": must be text");
        return std::nullopt;
    }
    return doc[key].get<std::string>();
}

bool isLoopbackUrl(std::string_view url) {
    for (std::string_view host : {"http://127.0.0.1", "http://localhost", "http://[::1]"})
        if (url.starts_with(host) &&
            (url.size() == host.size() || url[host.size()] == ':' || url[host.size()] == '/'))
            return true;
    return false;
}

} // namespace

std::expected<KioskConfig, std::string> KioskConfig::parse(std::string_view text) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return std::unexpected("the kiosk configuration is not a valid JSON object");
    KioskConfig config;
    Problems problems;

    if (auto v = getString(doc, "kiosk_name", problems, true)) {
        if (v->empty() || v->size() > 80) problems.add("kiosk_name: must be 1-80 characters");
        config.kioskName = *v;
    }
    if (doc.contains("demo")) {
        if (doc["demo"].is_boolean())
            config.isDemo = doc["demo"].get<bool>();
        else
            problems.add("demo: must be true or false");
    }
    if (auto v = getString(doc, "city_url", problems, true)) {
        config.cityUrl = *v;
        if (!v->starts_with("https://") &&
            !(v->starts_with("http://") && (config.isDemo || isLoopbackUrl(*v))))
            problems.add("city_url: must start with https:// (plain http:// only for a demo or "
                         "this machine)");
    }
    if (auto v = getString(doc, "city_sealing_key", problems, true)) {
        auto key = parsePublicKey(*v);
        if (key)
            config.citySealingKey = *key;
        else
            problems.add("city_sealing_key: " + key.error());
    }
    if (!doc.contains("trusted_publishers") || !doc["trusted_publishers"].is_array() ||
        doc["trusted_publishers"].empty()) {
        problems.add("trusted_publishers: must list at least one publisher {\"name\", \"key\"}");
    } else {
        std::size_t index = 0;
        for (const auto& entry : doc["trusted_publishers"]) {
            const std::string where = "trusted_publishers[" + std::to_string(index++) + "]";
            if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string() ||
                !entry.contains("key") || !entry["key"].is_string()) {
                problems.add(where + ": must be {\"name\": text, \"key\": base64 Ed25519 key}");
                continue;
            }
            auto key = parsePublicKey(entry["key"].get<std::string>());
            if (!key) {
                problems.add(where + ".key: " + key.error());
                continue;
            }
            config.trustedPublishers.push_back({entry["name"].get<std::string>(), *key});
        }
    }
    if (auto v = getString(doc, "city_signing_key", problems, false)) {
        auto key = parsePublicKey(*v);
        if (key)
            config.citySigningKey = *key;
        else
            problems.add("city_signing_key: " + key.error());
    }
    if (auto v = getString(doc, "enrolment_code", problems, false)) {
        if (v->size() > 64) problems.add("enrolment_code: at most 64 characters");
        config.enrolmentCode = *v;
    }
    if (auto v = getString(doc, "default_language", problems, false)) {
        config.defaultLanguage = *v;
        if (auto ok = checkLanguageCode(*v); !ok) problems.add("default_language: " + ok.error());
    }
    if (doc.contains("offered_languages")) {
        config.offeredLanguages.clear();
        if (!doc["offered_languages"].is_array() || doc["offered_languages"].empty()) {
            problems.add("offered_languages: must be a non-empty list such as [\"fr\", \"ar\"]");
        } else {
            for (const auto& entry : doc["offered_languages"]) {
                if (!entry.is_string()) {
                    problems.add("offered_languages: every entry must be a language code");
                    continue;
                }
                auto code = entry.get<std::string>();
                if (auto ok = checkLanguageCode(code); !ok)
                    problems.add("offered_languages: " + ok.error());
                config.offeredLanguages.push_back(code);
            }
        }
    }
    if (std::find(config.offeredLanguages.begin(), config.offeredLanguages.end(),
                  config.defaultLanguage) == config.offeredLanguages.end())
        problems.add("default_language: '" + config.defaultLanguage +
                     "' must be one of offered_languages");

    auto readInt = [&](const char* key, int& target, int minimum, int maximum, const char* why) {
        if (!doc.contains(key)) return;
        if (!doc[key].is_number_integer()) {
            problems.add(std::string(key) + ": must be a whole number of seconds");
            return;
        }
        auto value = doc[key].get<long long>();
        if (value < minimum || value > maximum) {
            problems.add(std::string(key) + ": must be between " + std::to_string(minimum) +
                         " and " + std::to_string(maximum) + why);
            return;
        }
        target = static_cast<int>(value);
    };
    readInt("idle_timeout_seconds", config.idleTimeoutSeconds, 10, 3600, "");
    readInt("idle_countdown_seconds", config.idleCountdownSeconds, kMinimumCountdownSeconds, 600,
            " (never below 20 s: residents need time to say they are still there, WCAG 2.2.1)");
    if (doc.contains("assisted_time_factor")) {
        if (!doc["assisted_time_factor"].is_number() ||
            doc["assisted_time_factor"].get<double>() < 1.0 ||
            doc["assisted_time_factor"].get<double>() > 10.0)
            problems.add("assisted_time_factor: must be a number between 1 and 10");
        else
            config.assistedTimeFactor = doc["assisted_time_factor"].get<double>();
    }

    if (!problems.lines.empty()) return std::unexpected(problems.text());
    return config;
}

std::expected<KioskConfig, std::string> KioskConfig::load(const std::filesystem::path& path) {
    std::error_code ec;
    auto file = std::filesystem::is_directory(path, ec) ? path / kFileName : path;
    auto text = readFile(file, 1 << 20);
    if (!text)
        return std::unexpected("cannot read the kiosk configuration " + file.string() + ": " +
                               text.error());
    auto config = parse(*text);
    if (!config) return std::unexpected(file.string() + ": " + config.error());
    return config;
}

std::expected<KioskConfig, std::string> KioskConfig::demo(const std::filesystem::path& demoKeysDir,
                                                          const std::string& cityUrl) {
    auto sealing = readPublicKeyFile(demoKeysDir / "city-sealing.public", KeyKind::X25519Public);
    if (!sealing) return std::unexpected("demo city sealing key: " + sealing.error());
    auto signing = readPublicKeyFile(demoKeysDir / "city-signing.public", KeyKind::Ed25519Public);
    if (!signing) return std::unexpected("demo city signing key: " + signing.error());
    KioskConfig config;
    config.kioskName = "Passerelle demo kiosk";
    config.cityUrl = cityUrl;
    config.citySealingKey = *sealing;
    config.trustedPublishers.push_back({"Demo city (DEMO KEY)", *signing});
    config.citySigningKey = *signing;
    config.enrolmentCode = "DEMO-DEMO-DEMO"; // accepted by `passerelle-city --demo` only
    config.defaultLanguage = "en";
    config.offeredLanguages = {"en", "fr", "es", "ar", "pt", "nl"};
    config.isDemo = true;
    // Round-trip through the validator so the demo obeys the same rules as a real configuration.
    return parse(config.toJson());
}

std::string KioskConfig::toJson() const {
    json doc;
    doc["kiosk_name"] = kioskName;
    doc["city_url"] = cityUrl;
    doc["city_sealing_key"] = toBase64(citySealingKey);
    doc["trusted_publishers"] = json::array();
    for (const auto& publisher : trustedPublishers)
        doc["trusted_publishers"].push_back(
            {{"name", publisher.name}, {"key", toBase64(publisher.key)}});
    doc["default_language"] = defaultLanguage;
    doc["offered_languages"] = offeredLanguages;
    doc["idle_timeout_seconds"] = idleTimeoutSeconds;
    doc["idle_countdown_seconds"] = idleCountdownSeconds;
    doc["assisted_time_factor"] = assistedTimeFactor;
    doc["demo"] = isDemo;
    if (citySigningKey) doc["city_signing_key"] = toBase64(*citySigningKey);
    if (!enrolmentCode.empty()) doc["enrolment_code"] = enrolmentCode;
    return doc.dump(2) + "\n";
}

PublicKey KioskConfig::cityAnswerKey() const {
    if (citySigningKey) return *citySigningKey;
    return trustedPublishers.empty() ? PublicKey{} : trustedPublishers.front().key;
}

std::string KioskConfig::enrolmentCodeToUse() const {
    if (!enrolmentCode.empty()) return enrolmentCode;
    return isDemo ? "DEMO-DEMO-DEMO" : std::string();
}

std::expected<void, std::string> KioskConfig::save(const std::filesystem::path& dataDir) const {
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        return std::unexpected("cannot create the kiosk data folder " + dataDir.string() + ": " +
                               ec.message());
    return writeFileAtomic(dataDir / kFileName, toJson(), 0644);
}

} // namespace passerelle
