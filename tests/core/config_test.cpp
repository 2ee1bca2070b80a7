// Kiosk configuration: parsing, defaults, clear validation messages, the demo configuration.
#include "core/identity/kiosk_config.h"
#include "core_test_support.h"
#include "temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace passerelle;
using passerelle::test::TempDir;

namespace {

nlohmann::json validConfig() {
    return {
        {"kiosk_name", "Médiathèque Nord"},
        {"city_url", "https://city.example.org"},
        {"city_sealing_key", toBase64(test::demoCitySealingPublic())},
        {"trusted_publishers",
         {{{"name", "City of Example"}, {"key", toBase64(SigningKeyPair::generate().publicKey)}}}},
        {"default_language", "fr"},
        {"offered_languages", {"fr", "ar", "en"}}};
}

} // namespace

TEST_CASE("a valid configuration loads with the documented defaults") {
    auto config = KioskConfig::parse(validConfig().dump());
    REQUIRE_MESSAGE(config.has_value(), (config ? "" : config.error()));
    CHECK(config->kioskName == "Médiathèque Nord");
    CHECK(config->citySealingKey == test::demoCitySealingPublic());
    REQUIRE(config->trustedPublishers.size() == 1);
    CHECK(config->trustedPublishers[0].name == "City of Example");
    CHECK(config->idleTimeoutSeconds == 60);
    CHECK(config->idleCountdownSeconds == 30);
    CHECK(config->assistedTimeFactor == 3.0);
    CHECK_FALSE(config->isDemo);
    auto roundTrip = KioskConfig::parse(config->toJson());
    REQUIRE(roundTrip.has_value());
    CHECK(roundTrip->toJson() == config->toJson());
}

TEST_CASE("every problem in a configuration is named in the message") {
    auto doc = validConfig();
    doc["city_url"] = "http://city.example.org";
    doc["city_sealing_key"] = "bm90IGEga2V5";
    doc["idle_countdown_seconds"] = 10;
    doc["default_language"] = "de";
    doc["trusted_publishers"][0]["key"] = "??";
    auto config = KioskConfig::parse(doc.dump());
    REQUIRE_FALSE(config.has_value());
    const auto& message = config.error();
    for (const char* field : {"city_url", "city_sealing_key", "idle_countdown_seconds",
                              "default_language", "trusted_publishers[0].key"})
        CHECK_MESSAGE(message.find(field) != std::string::npos, field << " in: " << message);
    CHECK(message.find("never below 20") != std::string::npos);

    CHECK(KioskConfig::parse("{not json").error().find("not a valid JSON") != std::string::npos);
    auto missing = KioskConfig::parse("{}");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().find("kiosk_name: missing") != std::string::npos);
}

TEST_CASE("the countdown may be exactly 20 s but not less; plain http only for this machine") {
    auto doc = validConfig();
    doc["idle_countdown_seconds"] = 20;
    CHECK(KioskConfig::parse(doc.dump()).has_value());
    doc["idle_countdown_seconds"] = 19;
    CHECK_FALSE(KioskConfig::parse(doc.dump()).has_value());
    doc["idle_countdown_seconds"] = 20;
    doc["city_url"] = "http://127.0.0.1:8480";
    CHECK(KioskConfig::parse(doc.dump()).has_value());
    doc["city_url"] = "http://127.0.0.1.evil.example";
    CHECK_FALSE(KioskConfig::parse(doc.dump()).has_value());
}

TEST_CASE("load reads config.json from a data folder or a file path") {
    TempDir dir;
    std::ofstream(dir / "config.json") << validConfig().dump();
    CHECK(KioskConfig::load(dir.path()).has_value());
    CHECK(KioskConfig::load(dir / "config.json").has_value());
    auto absent = KioskConfig::load(dir / "absent.json");
    REQUIRE_FALSE(absent.has_value());
    CHECK(absent.error().find("absent.json") != std::string::npos);
}

TEST_CASE("the demo configuration uses the demo public keys and says it is a demo") {
    auto config = KioskConfig::demo(test::demoKeysDir());
    REQUIRE_MESSAGE(config.has_value(), (config ? "" : config.error()));
    CHECK(config->isDemo);
    CHECK(config->citySealingKey == test::demoCitySealingPublic());
    auto signing =
        readPublicKeyFile(test::demoKeysDir() / "city-signing.public", KeyKind::Ed25519Public);
    REQUIRE(config->trustedPublishers.size() == 1);
    CHECK(config->trustedPublishers[0].key == *signing);
    CHECK(config->trustedPublishers[0].name.find("DEMO") != std::string::npos);
    CHECK_FALSE(KioskConfig::demo("/nonexistent").has_value());
}
