#include "core/i18n/bidi.h"

#include "core/i18n/icu_text.h"

#include <unicode/brkiter.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>

namespace passerelle::i18n {

namespace {

struct BidiCloser {
    void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};
using BidiPtr = std::unique_ptr<UBiDi, BidiCloser>;

bool needsShaping(const icu::UnicodeString& text) {
    for (int32_t i = 0; i < text.length(); ++i) {
        const char16_t c = text[i];
        if ((c >= 0x0600 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFEFF)) return true;
    }
    return false;
}

bool isTashkeel(char16_t c) {
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

// One paragraph, shaped in logical order, with the bidi levels of the whole paragraph so that
// each line can be reordered the way UAX #9 says (levels from the paragraph, reordering per line).
// Not movable: ubidi keeps a pointer into shaped_.
class ShapedParagraph {
  public:
    ShapedParagraph(std::string_view utf8, bool baseRtl) : logical_(toUnicode(utf8)) {
        shaped_ = logical_;
        artificial_.assign(static_cast<size_t>(logical_.length()), false);
        if (needsShaping(logical_)) {
            shape();
            // Vowel marks cannot be placed over letters by a left-to-right glyph renderer; Arabic
            // reads normally without them (and the catalogs do not use them), so drop them.
            for (int32_t i = 0; i < logical_.length(); ++i)
                if (isTashkeel(logical_[i])) artificial_[static_cast<size_t>(i)] = true;
        }
        UErrorCode status = U_ZERO_ERROR;
        para_.reset(ubidi_openSized(shaped_.length(), 0, &status));
        if (U_SUCCESS(status))
            ubidi_setPara(para_.get(), shaped_.getBuffer(), shaped_.length(),
                          baseRtl ? UBIDI_RTL : UBIDI_LTR, nullptr, &status);
        if (U_FAILURE(status)) para_.reset();
    }
    ShapedParagraph(const ShapedParagraph&) = delete;
    ShapedParagraph& operator=(const ShapedParagraph&) = delete;

    const icu::UnicodeString& logical() const { return logical_; }
    int32_t length() const { return logical_.length(); }

    // Characters [start, limit) of the paragraph as one line in visual order, as UTF-8.
    std::string visualLine(int32_t start, int32_t limit) const {
        if (start >= limit) return {};
        const int32_t count = limit - start;
        std::vector<int32_t> map(static_cast<size_t>(count));
        std::vector<UBiDiLevel> levels(static_cast<size_t>(count), 0);
        BidiPtr line;
        UErrorCode status = U_ZERO_ERROR;
        if (para_) {
            line.reset(ubidi_openSized(count, 0, &status));
            ubidi_setLine(para_.get(), start, limit, line.get(), &status);
            ubidi_getVisualMap(line.get(), map.data(), &status);
            for (int32_t i = 0; i < count && U_SUCCESS(status); ++i)
                levels[static_cast<size_t>(i)] = ubidi_getLevelAt(line.get(), i);
        }
        if (!para_ || U_FAILURE(status)) // cannot happen with valid UTF-16; keep the text visible
            for (int32_t i = 0; i < count; ++i)
                map[static_cast<size_t>(i)] = i;

        icu::UnicodeString out;
        std::vector<bool> done(static_cast<size_t>(count), false);
        for (int32_t v = 0; v < count; ++v) {
            int32_t at = map[static_cast<size_t>(v)];
            // In a right-to-left run the two halves of a surrogate pair arrive swapped.
            if (U16_IS_TRAIL(shaped_[start + at]) && at > 0 && U16_IS_LEAD(shaped_[start + at - 1]))
                --at;
            if (done[static_cast<size_t>(at)]) continue;
            done[static_cast<size_t>(at)] = true;
            if (artificial_[static_cast<size_t>(start + at)]) continue;
            UChar32 c = shaped_.char32At(start + at);
            if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
            if (levels[static_cast<size_t>(at)] & 1) c = u_charMirror(c);
            out.append(c);
        }
        return toUtf8(out);
    }

  private:
    void shape() {
        const int32_t length = logical_.length();
        std::vector<UChar> buffer(static_cast<size_t>(length) + 1);
        UErrorCode status = U_ZERO_ERROR;
        // Same length as the input: a lam-alef pair becomes the ligature plus a space, which
        // we remember and drop, so logical indices stay valid for line breaking.
        const int32_t written =
            u_shapeArabic(logical_.getBuffer(), length, buffer.data(), length + 1,
                          U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL |
                              U_SHAPE_LENGTH_FIXED_SPACES_NEAR,
                          &status);
        if (U_FAILURE(status) || written != length) return; // draw unshaped rather than nothing
        shaped_ = icu::UnicodeString(buffer.data(), written);
        for (int32_t i = 0; i < length; ++i)
            artificial_[static_cast<size_t>(i)] = shaped_[i] == u' ' && logical_[i] != u' ';
    }

    icu::UnicodeString logical_;
    icu::UnicodeString shaped_;
    std::vector<bool> artificial_; // lam-alef filler spaces and vowel marks: not drawn
    BidiPtr para_;
};

std::vector<std::string_view> splitParagraphs(std::string_view text) {
    std::vector<std::string_view> out;
    size_t from = 0;
    while (true) {
        size_t nl = text.find('\n', from);
        std::string_view part = text.substr(from, nl == std::string_view::npos ? nl : nl - from);
        if (!part.empty() && part.back() == '\r') part.remove_suffix(1);
        out.push_back(part);
        if (nl == std::string_view::npos) break;
        from = nl + 1;
    }
    return out;
}

int32_t trimTrailingSpace(const icu::UnicodeString& text, int32_t start, int32_t limit) {
    while (limit > start && u_isUWhiteSpace(text[limit - 1]))
        --limit;
    return limit;
}

void wrapParagraph(std::string_view utf8, float maxWidth, const MeasureFn& measure, bool baseRtl,
                   const icu::Locale& locale, std::vector<std::string>& lines) {
    ShapedParagraph para(utf8, baseRtl);
    const int32_t length = para.length();
    if (length == 0) {
        lines.emplace_back();
        return;
    }
    if (std::string whole = para.visualLine(0, trimTrailingSpace(para.logical(), 0, length));
        measure(whole) <= maxWidth) {
        lines.push_back(std::move(whole));
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createLineInstance(locale, status));
    std::unique_ptr<icu::BreakIterator> chars(
        icu::BreakIterator::createCharacterInstance(locale, status));
    if (U_FAILURE(status)) {
        lines.push_back(para.visualLine(0, length));
        return;
    }
    words->setText(para.logical());
    chars->setText(para.logical());

    int32_t start = 0;
    while (start < length) {
        int32_t end = -1;
        std::string fitted;
        for (int32_t b = words->following(start); b != icu::BreakIterator::DONE;
             b = words->next()) {
            std::string candidate =
                para.visualLine(start, trimTrailingSpace(para.logical(), start, b));
            if (measure(candidate) > maxWidth) break;
            end = b;
            fitted = std::move(candidate);
        }
        if (end < 0) { // one word wider than the line: cut it between characters
            for (int32_t b = chars->following(start); b != icu::BreakIterator::DONE;
                 b = chars->next()) {
                std::string candidate = para.visualLine(start, b);
                if (end >= 0 && measure(candidate) > maxWidth) break;
                end = b;
                fitted = std::move(candidate);
            }
        }
        if (end < 0) break; // unreachable: `following` always finds the end of the text
        lines.push_back(std::move(fitted));
        start = end;
        while (start < length && u_isUWhiteSpace(para.logical()[start]))
            ++start;
    }
}

} // namespace

bool isPlainLeftToRight(std::string_view utf8, bool baseRtl) {
    if (baseRtl) return false;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0x0590) continue; // Latin, Greek, Cyrillic, ...: nothing to do
        switch (u_charDirection(c)) {
        case U_RIGHT_TO_LEFT:
        case U_RIGHT_TO_LEFT_ARABIC:
        case U_ARABIC_NUMBER:
        case U_RIGHT_TO_LEFT_EMBEDDING:
        case U_RIGHT_TO_LEFT_OVERRIDE:
        case U_RIGHT_TO_LEFT_ISOLATE:
        case U_FIRST_STRONG_ISOLATE:
        case U_POP_DIRECTIONAL_FORMAT:
        case U_POP_DIRECTIONAL_ISOLATE:
            return false;
        default:
            if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return false;
        }
    }
    return true;
}

std::string visualOrder(std::string_view utf8logical, bool baseRtl) {
    if (isPlainLeftToRight(utf8logical, baseRtl)) return std::string(utf8logical);
    std::string out;
    bool first = true;
    for (std::string_view paragraph : splitParagraphs(utf8logical)) {
        if (!first) out += '\n';
        first = false;
        ShapedParagraph para(paragraph, baseRtl);
        out += para.visualLine(0, para.length());
    }
    return out;
}

std::vector<std::string> wrapToLines(std::string_view utf8logical, float maxWidth,
                                     const MeasureFn& measure, bool baseRtl,
                                     std::string_view locale) {
    std::vector<std::string> lines;
    if (utf8logical.empty()) return lines;
    const icu::Locale icuLocale(std::string(locale).c_str());
    for (std::string_view paragraph : splitParagraphs(utf8logical))
        wrapParagraph(paragraph, maxWidth, measure, baseRtl, icuLocale, lines);
    return lines;
}

} // namespace passerelle::i18n
