// A resident's session: answers only in guarded memory, zeroed at the end, sealed to the city in
// the exact JSON shape the city admin tool parses.
#include "core/session/reference_code.h"
#include "core/session/session.h"
#include "core_test_support.h"
#include "temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <regex>

using namespace passerelle;
using passerelle::test::TempDir;

namespace {

struct WipeRecorder {
    std::size_t buffers = 0;
    std::size_t bytes = 0;
    std::size_t nonZeroBytes = 0;
    WipeRecorder() {
        Session::setWipeObserverForTests([this](std::span<const std::uint8_t> zeroed) {
            ++buffers;
            bytes += zeroed.size();
            for (auto b : zeroed)
                nonZeroBytes += b != 0;
        });
    }
    ~WipeRecorder() { Session::setWipeObserverForTests(nullptr); }
};

} // namespace

TEST_CASE("answers are kept per field, single or multiple, and can be cleared") {
    Session session;
    CHECK_FALSE(session.setAnswer("name", "x").has_value()); // no session yet
    REQUIRE(session.begin("fr", false).has_value());
    REQUIRE(session.setAnswer("name", "Zéphyrine Quastelbaum").has_value());
    std::string_view days[] = {"lundi", "jeudi"};
    REQUIRE(session.setAnswer("days", days).has_value());
    REQUIRE(session.answer("name").size() == 1);
    CHECK(session.answer("name")[0].text() == "Zéphyrine Quastelbaum");
    REQUIRE(session.answer("days").size() == 2);
    CHECK(session.answer("days")[1].text() == "jeudi");
    CHECK(session.answer("missing").empty());
    session.clearAnswer("days");
    CHECK(session.answer("days").empty());
    CHECK(session.answerCount() == 1);

    std::string invalid = "caf\xC3";
    CHECK(session.setAnswer("name", invalid).error().find("UTF-8") != std::string::npos);
    CHECK(session.answer("name")[0].text() == "Zéphyrine Quastelbaum"); // bad input lost nothing
    CHECK_FALSE(session.setAnswer("bad field id", "x").has_value());
    CHECK_FALSE(session.begin("French!", false).has_value());
}

TEST_CASE("ending a session zeroes every answer buffer before freeing it, whatever the reason") {
    for (auto reason : {EndReason::Finished, EndReason::IdleTimeout, EndReason::EndedByStaff}) {
        WipeRecorder recorder;
        Session session;
        REQUIRE(session.begin("ar", true, std::string("mediator-7")).has_value());
        const std::string name = "Zéphyrine Quastelbaum";
        const std::string phone = "+33 6 71 42 93 58";
        REQUIRE(session.setAnswer("name", name).has_value());
        REQUIRE(session.setAnswer("phone", phone).has_value());
        std::string_view docs[] = {"passport", "utility-bill"};
        REQUIRE(session.setAnswer("documents", docs).has_value());
        REQUIRE(session.setAnswer("phone", phone).has_value()); // replacing wipes the old value
        CHECK(recorder.buffers == 1);

        session.end(reason);
        CHECK(recorder.buffers == 5);
        CHECK(recorder.bytes == name.size() + 2 * phone.size() + 8 + 12);
        CHECK(recorder.nonZeroBytes == 0);
        CHECK_FALSE(session.active());
        CHECK(session.answerCount() == 0);
        CHECK(session.answer("name").empty());
        CHECK_FALSE(session.mediatorId().has_value());
        CHECK(session.lastEndReason() == reason);
    }
}

TEST_CASE("a new visit never sees the previous resident's answers") {
    WipeRecorder recorder;
    Session session;
    REQUIRE(session.begin("fr", false).has_value());
    REQUIRE(session.setAnswer("name", "Previous Resident").has_value());
    REQUIRE(session.begin("en", false).has_value()); // the previous visit was never finished
    CHECK(recorder.buffers == 1);
    CHECK(recorder.nonZeroBytes == 0);
    CHECK(session.answer("name").empty());
    CHECK(session.language() == "en");
}

TEST_CASE("the sealed submission has the exact JSON shape and only the city key opens it") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    Sealer sealer(test::demoCitySealingPublic());
    Session session;
    REQUIRE(session.begin("fr", true, std::string("mediator-3")).has_value());
    REQUIRE(session.setAnswer("full_name", "Zéphyrine \"Zaza\" Quastelbaum\nline two").has_value());
    std::string_view choices[] = {"a", "b"};
    REQUIRE(session.setAnswer("choices", choices).has_value());

    const auto at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 29} +
                    std::chrono::hours{9} + std::chrono::minutes{5} + std::chrono::seconds{7};
    auto receipt = session.seal({"0123456789abcdef", "housing-aid", "city-services", "1.4.0"},
                                sealer, *store, at);
    REQUIRE_MESSAGE(receipt.has_value(), (receipt ? "" : receipt.error()));
    CHECK(receipt->sequence == 1);
    CHECK(isValidReferenceCode(receipt->referenceCode));

    auto pending = store->pendingOutbox(10).value();
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].serviceId == "housing-aid");
    CHECK(pending[0].kioskId == "0123456789abcdef");
    CHECK(pending[0].createdAtUnix ==
          std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count());

    auto wrongKey = SealingKeyPair::generate();
    CHECK_FALSE(test::openSealed(pending[0].sealed, wrongKey.publicKey, wrongKey.secretKey));
    auto plain = test::openSealed(pending[0].sealed, test::demoCitySealingPublic(),
                                  test::demoCitySealingSecret());
    REQUIRE(plain.has_value());
    const std::string expectedPrefix =
        "{\"v\":1,\"kiosk\":\"0123456789abcdef\",\"sequence\":1,\"service\":\"housing-aid\","
        "\"pack\":\"city-services@1.4.0\",\"reference\":\"" +
        receipt->referenceCode +
        "\",\"submitted_at\":\"2026-11-29T09:05:07Z\",\"language\":\"fr\",\"assisted\":true,"
        "\"mediator\":\"mediator-3\",\"answers\":{";
    CHECK(plain->substr(0, expectedPrefix.size()) == expectedPrefix);
    auto doc = nlohmann::json::parse(*plain);
    CHECK(doc["answers"]["full_name"] == "Zéphyrine \"Zaza\" Quastelbaum\nline two");
    CHECK(doc["answers"]["choices"] == nlohmann::json::array({"a", "b"}));
    CHECK(doc.size() == 11);

    // Self-service: mediator is null and assisted false.
    Session self;
    REQUIRE(self.begin("en", false).has_value());
    REQUIRE(self.setAnswer("email", "z@example.org").has_value());
    auto second = self.seal({"0123456789abcdef", "housing-aid", "city-services", "1.4.0"}, sealer,
                            *store, at);
    REQUIRE(second.has_value());
    CHECK(second->sequence == 2);
    auto plain2 = test::openSealed(store->pendingOutbox(10).value()[1].sealed,
                                   test::demoCitySealingPublic(), test::demoCitySealingSecret());
    REQUIRE(plain2.has_value());
    auto doc2 = nlohmann::json::parse(*plain2);
    CHECK(doc2["mediator"].is_null());
    CHECK(doc2["assisted"] == false);
    CHECK(doc2["sequence"] == 2);
    CHECK(doc2["answers"]["email"] == "z@example.org");
}

TEST_CASE("sealing refuses a submission without a session or with bad identifiers") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    Sealer sealer(test::demoCitySealingPublic());
    Session session;
    CHECK_FALSE(session.seal({"k", "svc", "pack", "1.0"}, sealer, *store).has_value());
    REQUIRE(session.begin("fr", false).has_value());
    CHECK_FALSE(session.seal({"k", "Free Text Service", "pack", "1.0"}, sealer, *store));
    CHECK_FALSE(session.seal({"k", "svc", "pack", "1.0 beta"}, sealer, *store));
    CHECK(store->outboxCount().value() == 0);
}
