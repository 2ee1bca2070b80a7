// WCAG 2.2 contrast of every text/background pair a screen draws: 4.5:1 (AA) in the default
// theme, 7:1 (AAA) in the high-contrast theme.
#include "ui/theme/palette.h"

#include <doctest/doctest.h>

using namespace passerelle::ui;

TEST_CASE("the contrast formula matches WCAG's reference values") {
    CHECK(contrastRatio({0x000000}, {0xFFFFFF}) == doctest::Approx(21.0));
    CHECK(contrastRatio({0xFFFFFF}, {0xFFFFFF}) == doctest::Approx(1.0));
    CHECK(contrastRatio({0x777777}, {0xFFFFFF}) ==
          doctest::Approx(4.48).epsilon(0.01)); // the classic "just fails AA" grey
}

TEST_CASE("default theme: every text pair meets AA (4.5:1)") {
    for (const auto& pair : defaultPalette().textPairs()) {
        const double ratio = contrastRatio(pair.foreground, pair.background);
        CHECK_MESSAGE(ratio >= 4.5, pair.what << " is only " << ratio << ":1");
    }
}

TEST_CASE("high-contrast theme: every text pair meets AAA (7:1)") {
    for (const auto& pair : highContrastPalette().textPairs()) {
        const double ratio = contrastRatio(pair.foreground, pair.background);
        CHECK_MESSAGE(ratio >= 7.0, pair.what << " is only " << ratio << ":1");
    }
}
