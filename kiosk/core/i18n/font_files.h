#pragma once
// Locates the Noto fonts (Debian: fonts-noto-core) through fontconfig and decides which font file
// provides which characters of an atlas. No rendering here: ui/text turns this into ImGui fonts.
#include "core/i18n/glyph_ranges.h"

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::i18n {

enum class FontScript {
    Latin,  // Noto Sans (Latin, Greek, Cyrillic)
    Arabic, // Noto Sans Arabic: the Noto Arabic face whose cmap maps the presentation forms
};

// Path of the font file for a script and weight, or a message naming the missing package.
std::expected<std::filesystem::path, std::string> fontFileFor(FontScript script, bool bold);

// One font file and the characters the atlas takes from it. The first face is the main one, the
// others are merged into it (ImFontConfig::MergeMode).
struct FontFace {
    std::filesystem::path file;
    std::vector<CodepointRange> ranges;
};

// The faces for a language and extra content: Noto Sans for everything it covers, Noto Sans
// Arabic for Arabic, and for characters of the extra text that neither covers (a pack in another
// script) the font fontconfig picks for them, if any.
std::expected<std::vector<FontFace>, std::string>
planFonts(std::string_view language, std::string_view extraUtf8, bool bold,
          ArabicCoverage arabic = ArabicCoverage::ShaperOutput);

} // namespace passerelle::i18n
