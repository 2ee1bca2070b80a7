#pragma once
// Which characters a font atlas must hold for a language and the content on screen. On a Pi the
// atlas is GPU memory baked up front, so it holds only what can be drawn.
#include <string_view>
#include <vector>

namespace passerelle::i18n {

struct CodepointRange {
    char32_t first;
    char32_t last; // inclusive
    bool operator==(const CodepointRange&) const = default;
};

enum class ArabicCoverage {
    ShaperOutput, // the Arabic block plus the presentation forms ICU's shaper can produce
    FullBlocks,   // Arabic + all of Arabic Presentation Forms-A and -B (bigger atlas)
};

// Sorted, merged ranges: Basic Latin, Latin-1 Supplement and Latin Extended-A always, a few
// punctuation marks the UI uses (quotes, dashes, ellipsis, euro sign); Arabic and its
// presentation forms for "ar" (and any right-to-left Arabic-script language); plus every
// character of `extraUtf8` and of its shaped form (pack titles, the language list, names).
std::vector<CodepointRange> glyphRangesFor(std::string_view language, std::string_view extraUtf8,
                                           ArabicCoverage arabic = ArabicCoverage::ShaperOutput);

// True when any range holds characters of the Arabic script (blocks or presentation forms).
bool needsArabicFont(const std::vector<CodepointRange>& ranges);

// Number of characters in the ranges.
std::size_t countCodepoints(const std::vector<CodepointRange>& ranges);

} // namespace passerelle::i18n
