#include "core/i18n/font_files.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <memory>

namespace passerelle::i18n {

namespace {

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct CharSetDeleter {
    void operator()(FcCharSet* c) const { FcCharSetDestroy(c); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;
using CharSetPtr = std::unique_ptr<FcCharSet, CharSetDeleter>;

const char* familyOf(FontScript script) {
    return script == FontScript::Arabic ? "Noto Sans Arabic" : "Noto Sans";
}

constexpr CodepointRange arabicScript[] = {
    {0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};

bool isArabicScript(char32_t c) {
    return std::ranges::any_of(
        arabicScript, [c](const CodepointRange& r) { return c >= r.first && c <= r.last; });
}

// fontconfig's best match for a pattern (after the usual substitutions), with its file and charset.
PatternPtr match(FcPattern* pattern) {
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    return PatternPtr(FcFontMatch(nullptr, pattern, &result));
}

std::string fileOf(FcPattern* font) {
    FcChar8* file = nullptr;
    if (font && FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch && file)
        return reinterpret_cast<const char*>(file);
    return {};
}

bool hasFamily(FcPattern* font, const char* family) {
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; ++i)
        if (FcStrCmpIgnoreCase(name, reinterpret_cast<const FcChar8*>(family)) == 0) return true;
    return false;
}

void appendRanges(std::vector<CodepointRange>& ranges, char32_t c) {
    if (!ranges.empty() && ranges.back().last + 1 == c)
        ranges.back().last = c;
    else
        ranges.push_back({c, c});
}

} // namespace

namespace {

// The matched font of a family, or a message naming the package to install.
std::expected<PatternPtr, std::string> findFont(FontScript script, bool bold) {
    if (!FcInit()) return std::unexpected("fontconfig could not start: no font can be found");
    const char* family = familyOf(script);
    PatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    PatternPtr font = match(pattern.get());
    if (!font || fileOf(font.get()).empty() || !hasFamily(font.get(), family))
        return std::unexpected(std::string("the font \"") + family +
                               "\" is not installed; install the Debian package fonts-noto-core");
    return font;
}

} // namespace

std::expected<std::filesystem::path, std::string> fontFileFor(FontScript script, bool bold) {
    auto font = findFont(script, bold);
    if (!font) return std::unexpected(font.error());
    return std::filesystem::path(fileOf(font->get()));
}

std::expected<std::vector<FontFace>, std::string>
planFonts(std::string_view language, std::string_view extraUtf8, bool bold, ArabicCoverage arabic) {
    auto latinFont = findFont(FontScript::Latin, bold);
    if (!latinFont) return std::unexpected(latinFont.error());
    const auto ranges = glyphRangesFor(language, extraUtf8, arabic);
    FcCharSet* latinCharset = nullptr;
    FcPatternGetCharSet(latinFont->get(), FC_CHARSET, 0, &latinCharset);

    FontFace main{fileOf(latinFont->get()), {}};
    FontFace arabicFace{{}, {}};
    std::vector<char32_t> uncovered;
    for (const auto& r : ranges) {
        for (char32_t c = r.first; c <= r.last; ++c) {
            if (isArabicScript(c))
                appendRanges(arabicFace.ranges, c);
            else if (!latinCharset || FcCharSetHasChar(latinCharset, c))
                appendRanges(main.ranges, c);
            else
                uncovered.push_back(c);
        }
    }
    std::vector<FontFace> faces{std::move(main)};
    if (!arabicFace.ranges.empty()) {
        auto arabicFile = fontFileFor(FontScript::Arabic, bold);
        if (!arabicFile) return std::unexpected(arabicFile.error());
        arabicFace.file = *arabicFile;
        faces.push_back(std::move(arabicFace));
    }
    // Other scripts found in the content: one more face, fontconfig's pick for those characters.
    if (!uncovered.empty()) {
        CharSetPtr wanted(FcCharSetCreate());
        for (char32_t c : uncovered)
            FcCharSetAddChar(wanted.get(), c);
        PatternPtr pattern(FcPatternCreate());
        FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("Noto Sans"));
        FcPatternAddCharSet(pattern.get(), FC_CHARSET, wanted.get());
        FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        PatternPtr font = match(pattern.get());
        FcCharSet* has = nullptr;
        FontFace extra{fileOf(font.get()), {}};
        if (font && FcPatternGetCharSet(font.get(), FC_CHARSET, 0, &has) == FcResultMatch)
            for (char32_t c : uncovered)
                if (FcCharSetHasChar(has, c)) appendRanges(extra.ranges, c);
        if (!extra.file.empty() && !extra.ranges.empty() && extra.file != faces.front().file)
            faces.push_back(std::move(extra));
    }
    return faces;
}

} // namespace passerelle::i18n
