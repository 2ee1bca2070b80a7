#pragma once
// The kiosk's configuration, <dataDir>/config.json:
// {
//   "kiosk_name": "Médiathèque Nord", "city_url": "https://city.example.org",
//   "city_sealing_key": "<base64 X25519 public>",
//   "trusted_publishers": [{"name": "City of X", "key": "<base64 Ed25519 public>"}],
//   "default_language": "fr", "offered_languages": ["fr", "ar", "en"],
//   "idle_timeout_seconds": 60, "idle_countdown_seconds": 30, "assisted_time_factor": 3,
//   "demo": false,
//   "city_signing_key": "<base64 Ed25519 public>",   (optional: the first trusted publisher)
//   "enrolment_code": "ABCD-EFGH-JKMN"               (optional: used once to enrol at the city)
// }
// A local override written from the staff panel (settings.json, local_settings.h) is applied on
// top by KioskRuntime::open.
#include "passerelle/common/keys.h"

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

struct TrustedPublisher {
    std::string name;
    PublicKey key{};
    std::string keyId() const { return passerelle::keyId(key); }
};

struct KioskConfig {
    static constexpr const char* kFileName = "config.json";
    static constexpr int kMinimumCountdownSeconds = 20; // WCAG 2.2.1: at least 20 s to extend

    std::string kioskName;
    std::string cityUrl;
    PublicKey citySealingKey{};
    std::vector<TrustedPublisher> trustedPublishers;
    std::string defaultLanguage = "fr";
    std::vector<std::string> offeredLanguages{"fr"};
    int idleTimeoutSeconds = 60;
    int idleCountdownSeconds = 30;
    double assistedTimeFactor = 3.0;
    bool isDemo = false; // JSON "demo": staff status shows "DEMO CONFIGURATION"
    // The key the city signs its sync answers and configuration with. Absent from the file: the
    // first trusted publisher (the city itself publishes first).
    std::optional<PublicKey> citySigningKey;
    std::string enrolmentCode; // empty: none (a demo kiosk uses the demo code)

    PublicKey cityAnswerKey() const;
    // The enrolment code to try when the city does not know the kiosk yet.
    std::string enrolmentCodeToUse() const;

    // Every problem found is listed in the message, one per line, naming the field.
    static std::expected<KioskConfig, std::string> parse(std::string_view json);
    // `path` is either the config file itself or a data folder holding config.json.
    static std::expected<KioskConfig, std::string> load(const std::filesystem::path& path);
    // The demo configuration: trusts the demo city signing key and seals to the demo city key,
    // read from `demoKeysDir` (assets/demo-keys). Only *.public files are read.
    static std::expected<KioskConfig, std::string>
    demo(const std::filesystem::path& demoKeysDir,
         const std::string& cityUrl = "http://127.0.0.1:8480");

    std::string toJson() const;
    // Writes atomically (config.json in `dataDir`).
    std::expected<void, std::string> save(const std::filesystem::path& dataDir) const;
};

} // namespace passerelle
