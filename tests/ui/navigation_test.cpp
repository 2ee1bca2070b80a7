// Welcome → home → a tile → back, languages, Finish, and the idle return, driven by synthetic
// touches on the real screens (no window, fake clock).
#include "screen_harness.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace passerelle;
using passerelle::test::ScreenHarness;
using namespace std::chrono_literals;

namespace {
bool logged(const ScreenHarness& h, const std::string& intent) {
    const auto& log = h.intentLog();
    return std::find(log.begin(), log.end(), intent) != log.end();
}
} // namespace

TEST_CASE("the welcome screen offers every language in its own name and starts on a tap") {
    ScreenHarness h;
    CHECK(h.state().screen == ScreenId::Welcome);
    CHECK_FALSE(h.state().sessionActive);
    CHECK(h.showsText("Welcome"));
    for (const char* name :
         {"English", "Français", "Español", "العربية", "Português", "Nederlands"})
        CHECK_MESSAGE(h.hasTarget(name), "language button missing: " << name);

    h.tap("welcome.start");
    CHECK(logged(h, "StartSession"));
    CHECK(h.state().screen == ScreenId::Home);
    CHECK(h.state().sessionActive);
    CHECK(h.showsText("Learn"));
    CHECK(h.showsText("E-services"));
}

TEST_CASE("a tap on the empty background of the welcome screen also starts") {
    ScreenHarness h;
    h.tapAt(40, 760); // bottom-left corner: no button there
    CHECK(h.state().screen == ScreenId::Home);
}

TEST_CASE("home → a tile → back returns home, and back from home shows the language choice") {
    ScreenHarness h;
    h.tap("welcome.start");
    h.tap("home.learn");
    CHECK(logged(h, "Open(learn)"));
    CHECK(h.state().screen == ScreenId::Learn);
    CHECK(h.hasTarget("topbar.back"));
    CHECK(h.hasTarget("topbar.help"));

    h.tap("topbar.back");
    CHECK(logged(h, "Back"));
    CHECK(h.state().screen == ScreenId::Home);

    h.tap("home.services");
    CHECK(h.state().screen == ScreenId::Services);
    h.tap("topbar.back");
    CHECK(h.state().screen == ScreenId::Home);

    h.tap("topbar.back");
    CHECK(h.state().screen == ScreenId::Welcome);
    CHECK(h.state().sessionActive); // still the same visit: pick another language and go on
    h.tap("language.es");
    CHECK(h.state().screen == ScreenId::Home);
    CHECK(h.showsText("Aprender"));
}

TEST_CASE("help and accessibility are reachable from every resident screen") {
    ScreenHarness h;
    h.tap("welcome.start");
    for (const char* tile : {"home.learn", "home.services", "home.help", "home.accessibility"}) {
        h.tap(tile);
        CHECK_MESSAGE(h.hasTarget("topbar.help"), "no help on " << tile);
        CHECK_MESSAGE(h.hasTarget("topbar.accessibility"), "no accessibility on " << tile);
        h.tap("topbar.back");
        CHECK(h.state().screen == ScreenId::Home);
    }
    h.tap("topbar.accessibility");
    CHECK(h.state().screen == ScreenId::Accessibility);
}

TEST_CASE("choosing a language shows the home screen in it") {
    ScreenHarness h;
    h.tap("Français");
    CHECK(logged(h, "ChooseLanguage(fr)"));
    CHECK(h.state().language == "fr");
    CHECK(h.showsText("Apprendre"));
    CHECK_FALSE(h.showsText("Learn"));
}

TEST_CASE("Finish ends the visit and returns to the welcome screen in the default language") {
    ScreenHarness h;
    h.tap("language.nl");
    CHECK(h.state().language == "nl");
    h.tap("home.finish");
    CHECK(logged(h, "Finish"));
    CHECK(h.state().screen == ScreenId::Welcome);
    CHECK_FALSE(h.state().sessionActive);
    CHECK(h.state().language == "en");
    CHECK(h.state().lastSessionEnd == SessionEnd::Finished);
    CHECK(h.showsText("Welcome"));
}

TEST_CASE("idle: a countdown after the timeout, a touch dismisses it, silence ends the visit") {
    ScreenHarness::Setup setup;
    setup.idle = {.timeout = 60s, .countdown = 30s};
    ScreenHarness h(setup);
    h.tap("Français");
    h.tap("home.learn");
    REQUIRE(h.state().screen == ScreenId::Learn);

    h.wait(59s);
    CHECK_FALSE(h.state().idleWarning);
    h.wait(2s);
    REQUIRE(h.state().idleWarning);
    CHECK(h.showsText("Êtes-vous toujours là")); // French puts a no-break space before "?"
    CHECK(h.showsText("29"));
    CHECK(h.hasTarget("idle.continue"));

    // A touch anywhere dismisses it and the visit goes on where it was.
    h.tapAt(100, 700);
    CHECK(logged(h, "StillHere"));
    CHECK_FALSE(h.state().idleWarning);
    CHECK(h.state().screen == ScreenId::Learn);
    CHECK(h.state().language == "fr");

    // Then nobody answers: warning at 60 s, the end 30 s later.
    h.wait(60s);
    CHECK(h.state().idleWarning);
    h.wait(29s);
    CHECK(h.state().sessionActive);
    h.wait(2s);
    CHECK_FALSE(h.state().sessionActive);
    CHECK(h.state().lastSessionEnd == SessionEnd::IdleTimeout);
    CHECK(h.state().screen == ScreenId::Welcome);
    CHECK(h.state().language == "en");
    CHECK(h.showsText("Welcome"));
    CHECK(h.state().history.empty());
}

TEST_CASE("the welcome screen has no timer: an idle kiosk sleeps") {
    ScreenHarness h;
    CHECK_FALSE(h.kiosk().nextDeadline().has_value());
    h.tap("welcome.start");
    CHECK(h.kiosk().nextDeadline().has_value());
}

TEST_CASE("right-to-left: in Arabic the back button is on the right and the layout mirrors") {
    ScreenHarness h;
    h.tap("language.ar");
    REQUIRE(h.state().rightToLeft());
    h.tap("home.learn");
    const auto* back = h.shown().findTarget("topbar.back");
    const auto* help = h.shown().findTarget("topbar.help");
    REQUIRE(back);
    REQUIRE(help);
    CHECK(back->rect.x0 > 1280 / 2);
    CHECK(help->rect.x1 < 1280 / 2);
    h.tap("topbar.back");
    const auto* learn = h.shown().findTarget("home.learn");
    REQUIRE(learn);
    CHECK(learn->rect.x0 > 1280 / 2); // the first tile sits at the reading start: the right
}
