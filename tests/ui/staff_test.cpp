// Staff mode through the real screens: the hidden gesture, the PIN pad, lockout, the staff
// panel (assisted session, pack install and rollback, help requests) and the audit trail.
#include "../core/core_test_support.h"
#include "../pack/pack_fixtures.h"
#include "core/session/session.h"
#include "core/staff/staff_desk.h"
#include "screen_harness.h"
#include "staff_steps.h"

#include <algorithm>
#include <ctime>
#include <doctest/doctest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

using namespace passerelle;
using namespace passerelle::test;
using namespace std::chrono_literals;

namespace {
std::string todayUtc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    return day;
}
} // namespace

TEST_CASE("staff mode is unreachable by taps, short presses or a press elsewhere") {
    ScreenHarness h;
    addStaff(h);
    h.tapAt(30, 30); // a tap in the corner: the welcome screen's "touch to start" as usual
    CHECK(h.state().screen != ScreenId::StaffPin);
    backToWelcome(h);
    hold(h, 30, 30, 1.0);
    CHECK(h.state().screen != ScreenId::StaffPin);
    backToWelcome(h);
    hold(h, 30, 30, 2.0); // two seconds is not enough
    CHECK(h.state().screen != ScreenId::StaffPin);
    backToWelcome(h);
    hold(h, 640, 300, 4.0); // long, but not in the corner
    CHECK(h.state().screen != ScreenId::StaffPin);
    backToWelcome(h);
    hold(h, 1250, 30, 4.0); // the top-right corner (also in RTL the zone stays top-left)
    CHECK(h.state().screen != ScreenId::StaffPin);
    CHECK(count(h.intentLog(), "StaffLongPress") == 0);
    // Staff intents out of staff mode do nothing (no screen, no resident session).
    backToWelcome(h);
    h.kiosk().dispatch(intent::SubmitStaffPin{});
    h.kiosk().dispatch(intent::StartAssisted{});
    CHECK(h.state().screen == ScreenId::Welcome);
    CHECK_FALSE(h.state().sessionActive);

    // Three seconds in the top-left corner: the PIN pad, once; releasing does not start a visit.
    hold(h, 30, 30, 3.2);
    CHECK(count(h.intentLog(), "StaffLongPress") == 1);
    CHECK(h.state().screen == ScreenId::StaffPin);
    CHECK_FALSE(h.state().sessionActive);
    // Without the right PIN there is no panel.
    h.tap("staff.member.amina");
    typePin(h, "1234");
    CHECK(h.state().screen == ScreenId::StaffPin);
    CHECK(h.showsText("Wrong PIN"));
    // Cancel leaves staff mode.
    h.tap("staff.cancel");
    CHECK(h.state().screen == ScreenId::Welcome);
}

TEST_CASE("five wrong PINs lock the account; the right PIN is refused until the lock ends") {
    ScreenHarness h;
    addStaff(h);
    hold(h, 30, 30, 3.2);
    REQUIRE(h.state().screen == ScreenId::StaffPin);
    h.tap("staff.member.bruno");
    for (int i = 0; i < 5; ++i) {
        typePin(h, "1111");
        CHECK(h.state().screen == ScreenId::StaffPin);
        h.wait(10s); // past the growing wait (1, 2, 4, 8 s)
    }
    CHECK(h.showsText("Too many wrong PINs"));
    typePin(h, "2468"); // the right PIN, sixth try: refused while locked
    CHECK(h.state().screen == ScreenId::StaffPin);
    CHECK(h.showsText("Too many wrong PINs"));

    // Staff mode leaves by itself after 2 minutes without a touch.
    h.wait(121s);
    CHECK(h.state().screen == ScreenId::Welcome);

    // 15 minutes after the lockout the right PIN works again.
    h.clock().advance(15min);
    signIn(h, "bruno", "2468");
    CHECK(h.showsText("Bruno"));

    auto actions = auditActions(h);
    CHECK(count(actions, "staff.login-failed") == 4);
    CHECK(count(actions, "staff.locked-out") == 1);
    CHECK(count(actions, "staff.login") == 1);
}

TEST_CASE("an assisted session is tagged in the sealed record and counted apart") {
    ScreenHarness h;
    addStaff(h);
    signIn(h, "bruno", "2468");
    h.tap("staff.start_assisted");
    CHECK(h.state().screen == ScreenId::Home);
    CHECK(h.state().assisted);
    CHECK(h.state().mediatorName == "Bruno");
    CHECK(h.state().accessibility.textSize >= 1); // larger text by default
    CHECK(h.showsText("Assisted session with Bruno"));

    // The resident's submission in this visit (the same Session the panel started).
    auto& session = h.runtime().session();
    REQUIRE(session.active());
    REQUIRE(session.setAnswer("name", "Test Resident"));
    auto receipt = session.seal({h.runtime().identity().kioskId, "demo.service", "demo", "1.0.0"},
                                h.runtime().sealer(), h.runtime().store());
    REQUIRE(receipt.has_value());
    auto pending = h.runtime().store().pendingOutbox(10);
    REQUIRE(pending.has_value());
    REQUIRE(pending->size() == 1);
    auto opened =
        openSealed(pending->front().sealed, demoCitySealingPublic(), demoCitySealingSecret());
    REQUIRE(opened.has_value());
    auto json = nlohmann::json::parse(*opened);
    CHECK(json.at("assisted") == true);
    CHECK(json.at("mediator") == "bruno");

    auto stats = h.runtime().store().statsForDay(todayUtc());
    REQUIRE(stats.has_value());
    std::int64_t assisted = 0;
    for (auto& row : *stats)
        if (row.metric == "session.mode" && row.dimension == "assisted") assisted += row.count;
    CHECK(assisted == 1);

    h.kiosk().dispatch(intent::Finish{});
    h.frame();
    CHECK_FALSE(h.state().assisted);
    CHECK_FALSE(h.showsText("Assisted session"));
    auto actions = auditActions(h);
    CHECK(count(actions, "assisted.start") == 1);
    CHECK(count(actions, "assisted.end") == 1);
}

TEST_CASE("an admin installs a newer pack from a USB stick and rolls it back from the panel") {
    ScreenHarness h;
    addStaff(h);
    TempDir usb("passerelle-usb");
    h.runtime().staffDesk().setRemovableRoots({usb.path()});
    writeSigned(samplePack("org.example.test", "1.0.0"), usb.path() / "test-1.0.0.ppack");

    signIn(h, "amina", "4826");
    h.tap("staff.tab.packs");
    h.tap("staff.find_usb");
    h.tap("staff.install.0");
    CHECK(h.showsText("org.example.test 1.0.0"));
    std::filesystem::remove(usb.path() / "test-1.0.0.ppack");
    writeSigned(samplePack("org.example.test", "1.1.0"), usb.path() / "test-1.1.0.ppack");
    h.tap("staff.find_usb");
    h.tap("staff.install.0");

    auto version = [&] {
        auto installed = h.runtime().packs().installed();
        REQUIRE(installed.has_value());
        for (auto& p : *installed)
            if (p.id == "org.example.test") return p.version;
        return std::string("not installed");
    };
    CHECK(version() == "1.1.0");
    // The resident content follows at once.
    CHECK(h.runtime().content().packs().size() == 2);

    h.tap("staff.rollback.org.example.test");
    CHECK(version() == "1.0.0");
    CHECK(h.showsText("back to version 1.0.0"));
    CHECK_FALSE(h.hasTarget("staff.rollback.org.example.test")); // nothing older is kept

    auto actions = auditActions(h);
    CHECK(count(actions, "pack.install") == 2);
    CHECK(count(actions, "pack.rollback") == 1);
    h.tap("staff.tab.audit");
    CHECK(h.showsText("pack.rollback"));
}

TEST_CASE("a help request shows in the staff panel and is marked as handled") {
    ScreenHarness h;
    addStaff(h);
    h.tap("welcome.start");
    h.kiosk().dispatch(intent::RequestHelp{});
    REQUIRE(h.state().helpRequested);
    // A mediator comes; the resident's visit stays open on the welcome screen meanwhile.
    h.kiosk().dispatch(intent::Back{});
    h.kiosk().dispatch(intent::Back{});
    h.frame();
    REQUIRE(h.state().screen == ScreenId::Welcome);
    REQUIRE(h.state().sessionActive);
    REQUIRE(h.state().helpRequested);
    hold(h, 30, 30, 3.2);
    REQUIRE(h.state().screen == ScreenId::StaffPin);
    h.tap("staff.member.bruno");
    typePin(h, "2468");
    REQUIRE(h.state().screen == ScreenId::StaffPanel);
    CHECK(h.showsText("A resident is asking for help."));
    h.tap("staff.help_handled");
    CHECK_FALSE(h.state().helpRequested);
    CHECK(count(auditActions(h), "help.handled") == 1);
    // Mediators see no admin tabs.
    CHECK_FALSE(h.hasTarget("staff.tab.packs"));
    h.tap("staff.sign_out");
    CHECK(h.state().screen == ScreenId::Welcome);
    CHECK(count(auditActions(h), "staff.logout") == 1);
}
