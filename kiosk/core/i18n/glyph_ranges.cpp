#include "core/i18n/glyph_ranges.h"

#include "core/i18n/bidi.h"

#include <unicode/locid.h>
#include <unicode/uscript.h>
#include <unicode/ushape.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

namespace passerelle::i18n {

namespace {

constexpr CodepointRange latin[] = {
    {0x0020, 0x007E}, // Basic Latin
    {0x00A0, 0x00FF}, // Latin-1 Supplement
    {0x0100, 0x017F}, // Latin Extended-A
    {0x2010, 0x2027}, // dashes, quotes, bullet, ellipsis
    {0x202F, 0x202F}, // narrow no-break space (French and ICU number/time formats)
    {0x2039, 0x203A}, // single angle quotes
    {0x20AC, 0x20AC}, // euro sign
    {0xFFFD, 0xFFFD}, // replacement character
};

constexpr CodepointRange arabicBlocks[] = {
    {0x0600, 0x06FF}, // Arabic
    {0xFB50, 0xFDFF}, // Arabic Presentation Forms-A
    {0xFE70, 0xFEFF}, // Arabic Presentation Forms-B
};

void addCodepoints(std::string_view utf8, std::vector<CodepointRange>& out) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c >= 0x20) out.push_back({static_cast<char32_t>(c), static_cast<char32_t>(c)});
    }
}

void addShaped(std::u16string_view text, std::vector<CodepointRange>& out) {
    UChar buffer[16];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = u_shapeArabic(text.data(), static_cast<int32_t>(text.size()), buffer, 16,
                                    U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL |
                                        U_SHAPE_LENGTH_GROW_SHRINK,
                                    &status);
    if (U_FAILURE(status)) return;
    for (int32_t i = 0; i < n; ++i)
        if (buffer[i] >= 0xFB50) out.push_back({buffer[i], buffer[i]});
}

// Everything ICU's shaper can turn the Arabic block into: each letter alone, at the start,
// middle and end of a word (tatweel U+0640 provides the joining neighbours), and lam-alef.
const std::vector<CodepointRange>& arabicShaperOutput() {
    static const std::vector<CodepointRange> forms = [] {
        std::vector<CodepointRange> out{{0x0600, 0x06FF}};
        for (char16_t c = 0x0600; c <= 0x06FF; ++c) {
            const char16_t t = 0x0640;
            const std::u16string contexts[] = {{c}, {c, t}, {t, c, t}, {t, c}};
            for (const auto& context : contexts)
                addShaped(context, out);
            const std::u16string lamAlef[] = {{0x0644, c}, {t, 0x0644, c}};
            for (const auto& context : lamAlef)
                addShaped(context, out);
        }
        return out;
    }();
    return forms;
}

bool isArabicLanguage(std::string_view language) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode scripts[4];
    const int n = uscript_getCode(std::string(language).c_str(), scripts, 4, &status);
    if (U_SUCCESS(status))
        for (int i = 0; i < n; ++i)
            if (scripts[i] == USCRIPT_ARABIC) return true;
    // uscript_getCode knows "ar"; for others ask the likely script ("fa" -> Arab, "ur" -> Arab).
    icu::Locale likely(std::string(language).c_str());
    status = U_ZERO_ERROR;
    likely.addLikelySubtags(status);
    return U_SUCCESS(status) && std::string_view(likely.getScript()) == "Arab";
}

std::vector<CodepointRange> normalise(std::vector<CodepointRange> ranges) {
    std::ranges::sort(ranges, {}, &CodepointRange::first);
    std::vector<CodepointRange> merged;
    for (const auto& r : ranges) {
        if (!merged.empty() && r.first <= merged.back().last + 1)
            merged.back().last = std::max(merged.back().last, r.last);
        else
            merged.push_back(r);
    }
    return merged;
}

} // namespace

std::vector<CodepointRange> glyphRangesFor(std::string_view language, std::string_view extraUtf8,
                                           ArabicCoverage arabic) {
    std::vector<CodepointRange> ranges(std::begin(latin), std::end(latin));
    if (isArabicLanguage(language)) {
        if (arabic == ArabicCoverage::FullBlocks)
            ranges.insert(ranges.end(), std::begin(arabicBlocks), std::end(arabicBlocks));
        else
            ranges.insert(ranges.end(), arabicShaperOutput().begin(), arabicShaperOutput().end());
    }
    addCodepoints(extraUtf8, ranges);
    // What is drawn is the shaped text: add the presentation forms the extra text turns into.
    addCodepoints(visualOrder(extraUtf8, false), ranges);
    return normalise(std::move(ranges));
}

bool needsArabicFont(const std::vector<CodepointRange>& ranges) {
    auto overlaps = [&](CodepointRange block) {
        return std::ranges::any_of(ranges, [&](const CodepointRange& r) {
            return r.first <= block.last && block.first <= r.last;
        });
    };
    return std::ranges::any_of(arabicBlocks, overlaps) || overlaps({0x0750, 0x077F}) ||
           overlaps({0x08A0, 0x08FF});
}

std::size_t countCodepoints(const std::vector<CodepointRange>& ranges) {
    std::size_t n = 0;
    for (const auto& r : ranges)
        n += r.last - r.first + 1;
    return n;
}

} // namespace passerelle::i18n
