// Arabic is shaped (joined letters, lam-alef ligature) and reordered for a left-to-right glyph
// renderer; mixed Arabic / Latin / digits come out in the order a reader expects.
//
// The expected sequences were worked out by hand with UAX #9 and checked against the Unicode
// decompositions of the presentation forms (Python's unicodedata), not produced by this code:
//   "سلام Passerelle 42 (مكتبة)" in a right-to-left paragraph:
//   - "Passerelle 42" is a left-to-right run (42 follows Latin letters: W7 makes it L), level 2;
//   - the spaces and "(" between it and Arabic take the paragraph direction, level 1;
//   - reversing level 1 puts "(مكتبة)" first on the left, with its brackets mirrored;
//   - سلام = SEEN initial FEB3, LAM-ALEF final ligature FEFC, MEEM isolated FEE1;
//   - مكتبة = MEEM initial FEE3, KAF medial FEDC, TEH medial FE98, BEH medial FE92,
//     TEH MARBUTA final FE94.
#include "core/i18n/bidi.h"

#include <doctest/doctest.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

using namespace passerelle::i18n;

namespace {

std::vector<char32_t> codepoints(const std::string& utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
    std::vector<char32_t> out;
    for (int32_t i = 0; i < s.length(); i += U16_LENGTH(s.char32At(i)))
        out.push_back(s.char32At(i));
    return out;
}

std::vector<char32_t> ascii(const char* text) {
    std::vector<char32_t> out;
    for (const char* c = text; *c; ++c)
        out.push_back(static_cast<char32_t>(*c));
    return out;
}

std::vector<char32_t> join(std::initializer_list<std::vector<char32_t>> parts) {
    std::vector<char32_t> out;
    for (const auto& part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

const std::vector<char32_t> salamVisual{0xFEE1, 0xFEFC, 0xFEB3};
const std::vector<char32_t> maktabaVisual{0xFE94, 0xFE92, 0xFE98, 0xFEDC, 0xFEE3};

} // namespace

TEST_CASE("mixed Arabic, Latin, digits and brackets in a right-to-left paragraph") {
    const auto visual = codepoints(visualOrder("سلام Passerelle 42 (مكتبة)", true));
    const auto expected = join({ascii("("), maktabaVisual, ascii(") Passerelle 42 "), salamVisual});
    CHECK(visual == expected);
}

TEST_CASE("numbers in Arabic text keep their digit order and sit between the words") {
    // "الخطوة 2 من 15" (step 2 of 15): the numbers follow Arabic letters (W2: AN), so each is
    // its own left-to-right island in the right-to-left line.
    const auto visual = codepoints(visualOrder("الخطوة 2 من 15", true));
    const std::vector<char32_t> khatwa{0xFE93, 0xFEEE, 0xFEC4, 0xFEA8, 0xFEDF, 0xFE8D};
    const std::vector<char32_t> min{0xFEE6, 0xFEE3};
    CHECK(visual == join({ascii("15 "), min, ascii(" 2 "), khatwa}));
}

TEST_CASE("an Arabic word inside an English sentence") {
    const auto visual = codepoints(visualOrder("Hello سلام!", false));
    CHECK(visual == join({ascii("Hello "), salamVisual, ascii("!")}));
}

TEST_CASE("punctuation at the end of a right-to-left paragraph goes to the left") {
    const auto visual = codepoints(visualOrder("سلام!", true));
    CHECK(visual == join({ascii("!"), salamVisual}));
}

TEST_CASE("vowel marks and invisible direction marks are not drawn as boxes") {
    // مَدرسة with a fatha, and a right-to-left mark: same glyphs as without them.
    CHECK(visualOrder("مَدرسة\u200F", true) == visualOrder("مدرسة", true));
}

TEST_CASE("plain left-to-right text is returned untouched") {
    CHECK(isPlainLeftToRight("Étape 2 sur 5 — ça marche", false));
    CHECK_FALSE(isPlainLeftToRight("Étape 2 sur 5", true));
    CHECK_FALSE(isPlainLeftToRight("Hello سلام", false));
    CHECK(visualOrder("Étape 2 sur 5", false) == "Étape 2 sur 5");
    CHECK(visualOrder("", true).empty());
}

TEST_CASE("each paragraph of a multi-line text is reordered on its own") {
    const auto visual = codepoints(visualOrder("سلام 1\nمكتبة", true));
    CHECK(visual == join({ascii("1 "), salamVisual, ascii("\n"), maktabaVisual}));
}

namespace {
// 10 pixels per character drawn.
float tenPerChar(std::string_view visual) {
    return 10.0f * codepoints(std::string(visual)).size();
}
} // namespace

TEST_CASE("an Arabic paragraph wraps on logical words: the first words are on the first line") {
    // واحد اثنان ثلاثة أربعة ("one two three four"): 4, 5, 4 (لا is one glyph) and 5 glyphs.
    const auto lines = wrapToLines("واحد اثنان ثلاثة أربعة", 120.0f, tenPerChar, true, "ar");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == visualOrder("واحد اثنان", true));
    CHECK(lines[1] == visualOrder("ثلاثة أربعة", true));
    // In visual order the first word is on the right end of the first line.
    CHECK(lines[0].ends_with(visualOrder("واحد", true)));
}

TEST_CASE("Latin text wraps at spaces; a word longer than a line is cut") {
    const auto lines = wrapToLines("Touch the screen to start", 100.0f, tenPerChar, false);
    CHECK(lines == std::vector<std::string>{"Touch the", "screen to", "start"});
    const auto cut = wrapToLines("abcdefghijklmnop", 50.0f, tenPerChar, false);
    CHECK(cut == std::vector<std::string>{"abcde", "fghij", "klmno", "p"});
    CHECK(wrapToLines("", 100.0f, tenPerChar, false).empty());
    CHECK(wrapToLines("one\n\ntwo", 100.0f, tenPerChar, false) ==
          std::vector<std::string>{"one", "", "two"});
}

TEST_CASE("mixed-direction lines are wrapped first and reordered per line") {
    // In a right-to-left paragraph, "PIN" stays readable on whichever line it lands.
    const auto lines = wrapToLines("أدخل رمز PIN الخاص بك", 100.0f, tenPerChar, true, "ar");
    REQUIRE(lines.size() >= 2);
    std::string all;
    for (const auto& line : lines) {
        CHECK(tenPerChar(line) <= 100.0f);
        all += line;
    }
    CHECK(all.find("PIN") != std::string::npos);
}
