#pragma once
// Right-to-left text for a renderer that only draws glyphs left to right (Dear ImGui): Arabic is
// shaped to presentation forms (joined letters, lam-alef ligatures) and every line is reordered
// to visual order with the Unicode Bidirectional Algorithm (ICU ubidi), brackets mirrored.
//
// Always keep text in LOGICAL order (as typed, as in the catalogs) and convert at draw time;
// wrap LOGICAL text with wrapToLines, never a visual string.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::i18n {

// True when the text needs no shaping or reordering in the given direction (the fast path:
// Latin text in a left-to-right language).
bool isPlainLeftToRight(std::string_view utf8, bool baseRtl);

// UTF-8 in logical order -> UTF-8 in visual (left-to-right draw) order, Arabic shaped. `baseRtl`
// is the paragraph direction: the language's direction for UI text. '\n' separates paragraphs.
std::string visualOrder(std::string_view utf8logical, bool baseRtl);

// Width in pixels of a string already in visual order (e.g. ImFont::CalcTextSizeA).
using MeasureFn = std::function<float(std::string_view visualUtf8)>;

// Breaks logical text into lines no wider than maxWidth (ICU line BreakIterator for the
// language; a word longer than a line is cut between characters), then reorders each line.
// Returns the lines in visual order, first line first; right-align them for an RTL language.
// '\n' forces a break. An empty text gives no lines.
std::vector<std::string> wrapToLines(std::string_view utf8logical, float maxWidth,
                                     const MeasureFn& measure, bool baseRtl,
                                     std::string_view locale = "en");

} // namespace passerelle::i18n
