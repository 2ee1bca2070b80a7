// The --script player (kiosk/app/script_player.cpp) against hand-made frame records: where its
// finger goes, when it presses, how it types through the keyboard's shift and pages, and how
// it fails. The real window run is in tests/window.
#include "script_player.h"

#include <doctest/doctest.h>

using namespace passerelle;
using namespace passerelle::app;
using Clock = std::chrono::steady_clock;

namespace {
ui::FrameRecord screenWith(std::initializer_list<std::pair<std::string, ui::Rect>> targets) {
    ui::FrameRecord r;
    for (auto& [id, rect] : targets)
        r.targets.push_back({id, id, rect, false});
    return r;
}

std::vector<ScriptStep> parse(const std::string& text) {
    auto steps = parseScript(text);
    REQUIRE_MESSAGE(steps.has_value(), (steps ? "" : steps.error()));
    return *steps;
}

// Runs frames until the player presses; returns where.
ScriptPlayer::Finger nextPress(ScriptPlayer& p, const ui::FrameRecord& shown, Clock::time_point t,
                               int maxFrames = 20) {
    for (int i = 0; i < maxFrames; ++i) {
        auto actions = p.afterFrame(shown, true, t);
        REQUIRE(actions.error.empty());
        if (p.pressingNow()) return p.finger();
    }
    FAIL("no press");
    return {};
}
} // namespace

TEST_CASE("parse errors name the line and say what is expected") {
    CHECK(parseScript("# comment\n\ntap x\nquit\n").has_value());
    auto bad = parseScript("tap a\n\nwait soon\n");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error() == "line 3: wait needs milliseconds");
    CHECK(parseScript("jump 3").error() == "line 1: unknown command 'jump'");
    CHECK(parseScript("drag 1 2 3 4 0").error() ==
          "line 1: drag needs a duration of at least 1 ms");
    CHECK(parseScript("mark two words").error() == "line 1: mark needs one word");
    CHECK(parseScript("tap").error() == "line 1: tap needs a target id or label");
}

TEST_CASE("a tap presses once at the centre of the target, then releases") {
    ScriptPlayer p(parse("tap ok\n"));
    const auto screen = screenWith({{"ok", {100, 200, 300, 260}}});
    const auto t = Clock::now();
    const auto press = nextPress(p, screen, t);
    CHECK(press.down);
    CHECK(press.x == 200);
    CHECK(press.y == 230);
    p.afterFrame(screen, true, t);
    CHECK_FALSE(p.finger().down);
    CHECK_FALSE(p.pressingNow());
    bool quit = false;
    for (int i = 0; i < 10 && !quit; ++i)
        quit = p.afterFrame(screen, true, t).quit;
    CHECK(quit); // after the last line
}

TEST_CASE("typing finds each key, and uses Shift for a capital") {
    ScriptPlayer p(parse("type aB\n"));
    const auto lower = screenWith(
        {{"key.a", {0, 0, 50, 50}}, {"key.b", {60, 0, 110, 50}}, {"key.shift", {0, 60, 100, 110}}});
    const auto upper = screenWith(
        {{"key.A", {0, 0, 50, 50}}, {"key.B", {60, 0, 110, 50}}, {"key.shift", {0, 60, 100, 110}}});
    const auto t = Clock::now();
    CHECK(nextPress(p, lower, t).x == 25); // a
    CHECK(nextPress(p, lower, t).y == 85); // no 'B' shown: Shift
    CHECK(nextPress(p, upper, t).x == 85); // B
}

TEST_CASE("a target that never shows fails after 5 s, naming the line") {
    ScriptPlayer p(parse("\ntap missing\n"));
    const auto screen = screenWith({{"other", {0, 0, 10, 10}}});
    const auto t = Clock::now();
    CHECK(p.afterFrame(screen, true, t).error.empty());
    CHECK(p.afterFrame(screen, true, t + std::chrono::seconds(4)).error.empty());
    CHECK(p.afterFrame(screen, true, t + std::chrono::seconds(6)).error ==
          "script line 2: no touch target 'missing' on screen after 5 s");
}

TEST_CASE("wait lets time pass without asking for frames; the clock and screenshots follow") {
    ScriptPlayer p(parse("mark idle\nwait 1000\nadvance-clock 61\nscreenshot out.png\n"));
    const auto screen = screenWith({});
    const auto t = Clock::now();
    p.afterFrame(screen, true, t);
    CHECK(p.phase() == "idle");
    CHECK_FALSE(p.wantsFrames());
    REQUIRE(p.waitEnds());
    CHECK(*p.waitEnds() == t + std::chrono::milliseconds(1000));
    auto a = p.afterFrame(screen, true, t + std::chrono::milliseconds(500));
    CHECK(a.advanceClock.count() == 0);
    a = p.afterFrame(screen, /*frameStable=*/false, t + std::chrono::milliseconds(1001));
    CHECK(a.advanceClock == std::chrono::seconds(61));
    CHECK_FALSE(a.screenshot); // not before the frame is stable
    a = p.afterFrame(screen, true, t + std::chrono::milliseconds(1020));
    REQUIRE(a.screenshot);
    CHECK(*a.screenshot == "out.png");
}

TEST_CASE("a drag presses, follows the time, and releases at the end point") {
    ScriptPlayer p(parse("drag 100 600 0 -300 100\n"));
    const auto screen = screenWith({});
    const auto t = Clock::now();
    p.afterFrame(screen, true, t); // the finger arrives
    CHECK_FALSE(p.finger().down);
    p.afterFrame(screen, true, t);
    CHECK(p.pressingNow());
    p.afterFrame(screen, true, t + std::chrono::milliseconds(50));
    CHECK(p.finger().down);
    CHECK(p.finger().y == doctest::Approx(450));
    p.afterFrame(screen, true, t + std::chrono::milliseconds(100));
    CHECK_FALSE(p.finger().down);
    CHECK(p.finger().y == doctest::Approx(300));
}
