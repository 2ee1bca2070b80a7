// Every demo e-service completed end to end with touches only (on-screen keyboard, numeric pad,
// date picker), including refused answers and condition branches; then the outbox holds one
// sealed record per request that the city key opens to exactly what was typed, and the daily
// counters say started/completed.
#include "flow_steps.h"
#include "screen_harness.h"

#include "core/store/stats.h"
#include "passerelle/common/keys.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

using namespace passerelle;
using passerelle::test::ScreenHarness;

namespace {

std::string today(int plusDays = 0) {
    std::time_t t = std::time(nullptr) + plusDays * 86400;
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    return buf;
}

nlohmann::json openLastRecord(ScreenHarness& h) {
    auto records = h.runtime().store().pendingOutbox(100);
    REQUIRE(records);
    REQUIRE(!records->empty());
    const auto& sealed = records->back().sealed;
    auto sk = readSecretKeyFile(test::sourceDir() / "assets/demo-keys/city-sealing.secret",
                                KeyKind::X25519Secret);
    auto pk = readPublicKeyFile(test::sourceDir() / "assets/demo-keys/city-sealing.public",
                                KeyKind::X25519Public);
    REQUIRE(sk);
    REQUIRE(pk);
    REQUIRE(sealed.size() > crypto_box_SEALBYTES);
    std::string plain(sealed.size() - crypto_box_SEALBYTES, '\0');
    REQUIRE(crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), sealed.data(),
                                 sealed.size(), pk->data(), sk->data()) == 0);
    return nlohmann::json::parse(plain);
}

std::int64_t counter(ScreenHarness& h, const std::string& metric, const std::string& dimension) {
    auto rows = h.runtime().store().statsSince("2000-01-01");
    REQUIRE(rows);
    std::int64_t n = 0;
    for (auto& r : *rows)
        if (r.metric == metric && r.dimension == dimension) n += r.count;
    return n;
}

void openService(ScreenHarness& h, const std::string& flowId) {
    h.tap("welcome.start");
    h.tap("home.services");
    REQUIRE(h.state().screen == ScreenId::Services);
    h.tap("service." + flowId);
    REQUIRE(h.state().service.active());
}

void agreeAndSend(ScreenHarness& h) {
    REQUIRE(h.state().screen == ScreenId::ServiceStep);
    h.tap("flow.next"); // "Send" without agreeing: refused
    CHECK(h.state().service.error.has_value());
    CHECK(h.showsText("agree"));
    h.tap("consent.agree");
    h.tap("flow.next");
    REQUIRE(h.state().screen == ScreenId::ServiceReceipt);
}

} // namespace

TEST_CASE("book an appointment: refusals in plain words, the ID-card branch, change from the "
          "review, receipt") {
    ScreenHarness h;
    openService(h, "appointment");
    CHECK(h.showsText("Before you start"));
    next(h);

    // A choice is required: Next alone shows why, next to the question.
    next(h);
    CHECK(h.state().service.error.has_value());
    CHECK(h.showsText("Please choose"));
    h.tap("choice.passport_id");
    next(h);

    // Condition: the document number is asked only for passports and ID cards.
    REQUIRE(h.state().service.flow->steps[h.state().service.step].id == "id_number");
    CHECK(h.hasTarget("key.enter")); // the keyboard is up for a text answer
    type(h, "AB12");
    next(h);
    CHECK(h.showsText("9 to 12 letters and digits")); // the pack's own message
    type(h, "34567");
    next(h);

    // Date: today is too early (from tomorrow on); the picker moves a month ahead.
    REQUIRE(h.state().service.flow->steps[h.state().service.step].id == "date");
    h.tap("date.today");
    next(h);
    REQUIRE(h.state().service.error.has_value());
    CHECK(h.state().service.error->code == "validation.date_too_early");
    h.tap("date.month.plus");
    next(h);
    CHECK_FALSE(h.state().service.error.has_value());

    h.tap("choice.morning");
    next(h);
    type(h, "Dupon");
    next(h);
    type(h, "Marie");
    next(h);
    REQUIRE(h.state().service.flow->steps[h.state().service.step].id == "phone");
    CHECK(h.hasTarget("key.0")); // the numeric pad
    CHECK_FALSE(h.hasTarget("key.a"));
    for (char c : std::string("0612345678"))
        h.tap(std::string("key.") + c);
    next(h);
    next(h); // e-mail is optional

    // The review lists every answer; change the last name, then come back to the review.
    REQUIRE(h.state().screen == ScreenId::ServiceReview);
    CHECK(h.showsText("Dupon"));
    CHECK_FALSE(h.showsText("0612345678")); // below the fold: the list drags
    h.drag(640, 600, 250);
    CHECK(h.showsText("0612345678"));
    h.tap("review.change.last_name");
    REQUIRE(h.state().screen == ScreenId::ServiceStep);
    type(h, "t");
    next(h);
    REQUIRE(h.state().screen == ScreenId::ServiceReview);
    CHECK(h.showsText("Dupont"));
    h.tap("flow.next");
    agreeAndSend(h);

    const std::string reference = h.state().service.referenceCode;
    CHECK(reference.size() == 9);
    CHECK(h.showsText(reference));
    CHECK(h.showsText("as soon as this kiosk is online"));

    const auto record = openLastRecord(h);
    CHECK(record["service"] == "town-hall.appointments");
    CHECK(record["reference"] == reference);
    CHECK(record["language"] == "en");
    CHECK(record["assisted"] == false);
    const auto& a = record["answers"];
    CHECK(a["service"] == "passport_id");
    CHECK(a["id_number"] == "AB1234567");
    CHECK(a["slot"] == "morning");
    CHECK(a["last_name"] == "Dupont");
    CHECK(a["first_name"] == "Marie");
    CHECK(a["phone"] == "0612345678");
    CHECK(a["consent"] == "yes");
    CHECK_FALSE(a.contains("email"));
    CHECK(a["date"].get<std::string>() > today(1));

    CHECK(counter(h, stat_metric::kServiceStarted, "town-hall.appointments") == 1);
    CHECK(counter(h, stat_metric::kServiceCompleted, "town-hall.appointments") == 1);

    // Finish wipes the visit: the next resident sees nothing of it.
    h.tap("receipt.finish");
    CHECK(h.state().screen == ScreenId::Welcome);
    CHECK(h.runtime().session().answerCount() == 0);
}

TEST_CASE("report a street problem: the 'dangerous' branch, no contact details when not wanted") {
    ScreenHarness h;
    openService(h, "street-problem");
    h.tap("choice.pothole");
    next(h);
    REQUIRE(h.state().service.flow->steps[h.state().service.step].id ==
            "dangerous"); // shown for potholes
    h.tap("choice.yes");
    next(h);
    type(h, "Rue Hugo");
    next(h);
    CHECK(h.showsText("at least 10")); // the location must say enough to find the place
    type(h, " 12");
    next(h);
    next(h); // details are optional
    h.tap("choice.no");
    next(h);
    REQUIRE(h.state().screen == ScreenId::ServiceReview); // name and phone skipped
    h.tap("flow.next");
    agreeAndSend(h);
    const auto a = openLastRecord(h)["answers"];
    CHECK(a["category"] == "pothole");
    CHECK(a["dangerous"] == "yes");
    CHECK(a["location"] == "Rue Hugo 12");
    CHECK(a["want_contact"] == "no");
    CHECK_FALSE(a.contains("name"));
    CHECK_FALSE(a.contains("phone"));
}

TEST_CASE(
    "a street problem without danger question, and a changed mind hides answers already typed") {
    ScreenHarness h;
    openService(h, "street-problem");
    h.tap("choice.waste");
    next(h);
    CHECK(h.state().service.flow->steps[h.state().service.step].id ==
          "location"); // no 'dangerous' for waste
    type(h, "Place du Marche");
    next(h);
    next(h);
    h.tap("choice.yes"); // wants to be contacted
    next(h);
    type(h, "Ali");
    next(h);
    for (char c : std::string("0700000000"))
        h.tap(std::string("key.") + c);
    next(h);
    REQUIRE(h.state().screen == ScreenId::ServiceReview);
    // Changes their mind: no contact after all. The name typed earlier must not be sent.
    h.tap("review.change.want_contact");
    h.tap("choice.no");
    next(h);
    REQUIRE(h.state().screen == ScreenId::ServiceReview);
    CHECK_FALSE(h.showsText("Ali"));
    h.tap("flow.next");
    agreeAndSend(h);
    const auto a = openLastRecord(h)["answers"];
    CHECK(a["category"] == "waste");
    CHECK_FALSE(a.contains("dangerous"));
    CHECK_FALSE(a.contains("name"));
    CHECK_FALSE(a.contains("phone"));
}

TEST_CASE("request a civil-status certificate for someone else, collected at the town hall") {
    ScreenHarness h;
    openService(h, "civil-status-copy");
    h.tap("choice.birth");
    next(h);
    h.tap("choice.other");
    next(h);
    REQUIRE(h.state().service.flow->steps[h.state().service.step].id ==
            "relationship"); // asked for someone else
    h.tap("choice.parent");
    next(h);
    type(h, "Benali");
    next(h);
    type(h, "Samir");
    next(h);
    h.tap("date.today");
    h.tap("date.year.minus");
    next(h);
    REQUIRE(h.state().service.flow->steps[h.state().service.step].id == "copies");
    h.tap("key.9");
    next(h);
    CHECK(h.state().service.error.has_value()); // at most 5 copies
    h.tap("key.delete");
    h.tap("key.2");
    next(h);
    h.tap("choice.collect");
    next(h);
    REQUIRE(h.state().service.flow->steps[h.state().service.step].id ==
            "requester_name"); // no postal address
    type(h, "Nadia Benali");
    next(h);
    next(h);
    REQUIRE(h.state().screen == ScreenId::ServiceReview);
    h.tap("flow.next");
    agreeAndSend(h);
    const auto record = openLastRecord(h);
    CHECK(record["service"] == "civil-status.certificates");
    const auto& a = record["answers"];
    CHECK(a["relationship"] == "parent");
    CHECK(a["copies"] == "2");
    CHECK(a["delivery"] == "collect");
    CHECK(a["requester_name"] == "Nadia Benali");
    CHECK_FALSE(a.contains("address"));
    CHECK(counter(h, stat_metric::kServiceCompleted, "civil-status.certificates") == 1);
}

TEST_CASE(
    "a service left half-way is counted as abandoned at its step, and its answers are wiped") {
    ScreenHarness h;
    openService(h, "civil-status-copy");
    h.tap("choice.marriage");
    next(h);
    h.tap("choice.self");
    next(h);
    type(h, "Martin");
    CHECK(h.runtime().session().answerCount() > 0);
    h.wait(std::chrono::seconds(200)); // nobody there: idle countdown, then the end
    CHECK(h.state().screen == ScreenId::Welcome);
    CHECK(h.runtime().session().answerCount() == 0);
    CHECK(counter(h, stat_metric::kServiceAbandoned, "civil-status.certificates#3") == 1);
    CHECK(h.runtime().store().outboxCount().value() == 0);
}

TEST_CASE("search finds a service whatever the accents: 'etat civil' in French") {
    ScreenHarness h;
    h.tap("language.fr");
    h.tap("home.services");
    h.tap("search.box");
    CHECK(h.state().focus == Focus::Search);
    CHECK(h.hasTarget("key.a"));
    type(h, "etat civil");
    CHECK(h.hasTarget("service.civil-status-copy"));
    CHECK_FALSE(h.hasTarget("service.appointment"));
    h.tap("key.enter");
    CHECK(h.state().focus == Focus::None);
}
