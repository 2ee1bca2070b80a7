// Every touch target on every screen is at least 48x48 px at 1280x800 (9 mm on the 7" reference
// screen), and no two targets overlap (a tap must mean one thing).
#include "screen_harness.h"

#include <doctest/doctest.h>

using namespace passerelle;
using passerelle::test::ScreenHarness;
using namespace std::chrono_literals;

namespace {
void checkTargets(const ScreenHarness& h, const char* where) {
    const auto& targets = h.shown().targets;
    REQUIRE_MESSAGE(!targets.empty(), where);
    for (size_t i = 0; i < targets.size(); ++i) {
        const auto& t = targets[i];
        CHECK_MESSAGE(t.rect.width() >= 48,
                      where << ": '" << t.id << "' is " << t.rect.width() << " px wide");
        CHECK_MESSAGE(t.rect.height() >= 48,
                      where << ": '" << t.id << "' is " << t.rect.height() << " px high");
        CHECK_MESSAGE(t.rect.x0 >= 0, where << ": '" << t.id << "' is off screen");
        CHECK_MESSAGE(t.rect.x1 <= 1280, where << ": '" << t.id << "' is off screen");
        CHECK_MESSAGE(t.rect.y1 <= 800, where << ": '" << t.id << "' is off screen");
        for (size_t j = i + 1; j < targets.size(); ++j) {
            const auto& o = targets[j];
            const bool overlap = t.rect.x0 < o.rect.x1 && o.rect.x0 < t.rect.x1 &&
                                 t.rect.y0 < o.rect.y1 && o.rect.y0 < t.rect.y1;
            CHECK_MESSAGE(!overlap, where << ": '" << t.id << "' overlaps '" << o.id << "'");
        }
    }
}

void walk(ScreenHarness& h, const char* lang) {
    checkTargets(h, "welcome");
    h.tap(std::string("language.") + lang);
    checkTargets(h, "home");
    for (const char* tile : {"home.learn", "home.services", "home.help", "home.accessibility"}) {
        h.tap(tile);
        checkTargets(h, tile);
        h.tap("topbar.back");
    }
    h.wait(61s);
    REQUIRE(h.state().idleWarning);
    checkTargets(h, "idle countdown");
}
} // namespace

TEST_CASE("targets are large enough and distinct in English") {
    ScreenHarness h;
    walk(h, "en");
}

TEST_CASE("targets are large enough and distinct in Arabic (mirrored layout)") {
    ScreenHarness h;
    walk(h, "ar");
}
