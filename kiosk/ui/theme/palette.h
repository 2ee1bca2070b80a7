#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace passerelle::ui {

// sRGB colour, 0xRRGGBB.
struct Rgb {
    std::uint32_t hex = 0;
    float r() const { return ((hex >> 16) & 0xff) / 255.0f; }
    float g() const { return ((hex >> 8) & 0xff) / 255.0f; }
    float b() const { return (hex & 0xff) / 255.0f; }
};

// Every colour a screen may use. Text colours are only ever drawn on the backgrounds listed in
// textPairs(), which the contrast test checks against WCAG 2.2 (AA for the default theme, AAA
// for high contrast).
struct Palette {
    std::string_view name;
    Rgb background;  // screen
    Rgb surface;     // tiles, cards, list rows
    Rgb text;        // body text on background and surface
    Rgb mutedText;   // hints, secondary lines (still must pass)
    Rgb primary;     // main action button fill
    Rgb onPrimary;   // text on primary
    Rgb secondary;   // secondary buttons (back, help)
    Rgb onSecondary; // text on secondary
    Rgb accent;      // tile accent bars, progress (not text)
    Rgb border;      // outlines of touch targets
    Rgb danger;      // validation message text on surface/background
    Rgb overlay;     // idle countdown backdrop
    Rgb onOverlay;   // text on overlay
    Rgb focus;       // focus ring

    struct TextPair {
        std::string_view what;
        Rgb foreground;
        Rgb background;
    };
    std::vector<TextPair> textPairs() const;
};

const Palette& defaultPalette();
const Palette& highContrastPalette();

// WCAG 2.2 relative luminance contrast ratio, 1..21.
double contrastRatio(Rgb a, Rgb b);

} // namespace passerelle::ui
