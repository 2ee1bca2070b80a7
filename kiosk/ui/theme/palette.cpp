#include "ui/theme/palette.h"

#include <algorithm>
#include <cmath>

namespace passerelle::ui {

std::vector<Palette::TextPair> Palette::textPairs() const {
    return {
        {"text on background", text, background},
        {"text on surface", text, surface},
        {"muted text on background", mutedText, background},
        {"muted text on surface", mutedText, surface},
        {"primary button label", onPrimary, primary},
        {"secondary button label", onSecondary, secondary},
        {"validation message on surface", danger, surface},
        {"validation message on background", danger, background},
        {"countdown text on overlay", onOverlay, overlay},
    };
}

const Palette& defaultPalette() {
    static const Palette palette{
        .name = "default",
        .background = {0xF4F1EA},
        .surface = {0xFFFFFF},
        .text = {0x1B1B1F},
        .mutedText = {0x4A4A55},
        .primary = {0x1D4F91},
        .onPrimary = {0xFFFFFF},
        .secondary = {0xE3E8F0},
        .onSecondary = {0x14305A},
        .accent = {0x2E7D6B},
        .border = {0x8A8F99},
        .danger = {0xA3161B},
        .overlay = {0x14305A},
        .onOverlay = {0xFFFFFF},
        .focus = {0xD9822B},
    };
    return palette;
}

const Palette& highContrastPalette() {
    static const Palette palette{
        .name = "high-contrast",
        .background = {0x000000},
        .surface = {0x101010},
        .text = {0xFFFFFF},
        .mutedText = {0xFFFF66},
        .primary = {0xFFFF00},
        .onPrimary = {0x000000},
        .secondary = {0x000000},
        .onSecondary = {0xFFFFFF},
        .accent = {0x00E5FF},
        .border = {0xFFFFFF},
        .danger = {0xFF9E9E},
        .overlay = {0x000000},
        .onOverlay = {0xFFFF00},
        .focus = {0x00E5FF},
    };
    return palette;
}

namespace {
double channel(float c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(Rgb c) {
    return 0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b());
}
} // namespace

double contrastRatio(Rgb a, Rgb b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

} // namespace passerelle::ui
