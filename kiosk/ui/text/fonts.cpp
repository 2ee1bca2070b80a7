#include "ui/text/fonts.h"

#include "core/i18n/font_files.h"

#include <imgui_freetype.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <fstream>
#include <vector>

namespace passerelle::ui::text {

namespace {

// ImGui 1.86 is built with 16-bit ImWchar: characters above U+FFFF cannot be in the atlas.
std::vector<ImWchar> toImGuiRanges(const std::vector<i18n::CodepointRange>& ranges) {
    std::vector<ImWchar> out;
    for (const auto& r : ranges) {
        if (r.first > 0xFFFF) break;
        out.push_back(static_cast<ImWchar>(r.first));
        out.push_back(static_cast<ImWchar>(std::min<char32_t>(r.last, 0xFFFF)));
    }
    out.push_back(0);
    return out;
}

// (ascender - descender) / em of a font's horizontal header. ImGui sizes a font so that this
// height equals the requested pixel size; fonts with tall marks (Arabic) then look smaller.
float heightPerEm(const std::filesystem::path& file) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return 0.0f;
    float ratio = 0.0f;
    FT_Face face = nullptr;
    if (FT_New_Face(library, file.c_str(), 0, &face) == 0) {
        if (face->units_per_EM > 0)
            ratio = float(face->ascender - face->descender) / float(face->units_per_EM);
        FT_Done_Face(face);
    }
    FT_Done_FreeType(library);
    return ratio;
}

// Pixel size for each face so that all of them share the main face's em size, as the Noto
// families are designed to be mixed: the Arabic face gets a larger size for the same text size.
std::vector<float> emMatchedScales(const std::vector<i18n::FontFace>& plan) {
    std::vector<float> scales(plan.size(), 1.0f);
    const float main = plan.empty() ? 0.0f : heightPerEm(plan.front().file);
    for (size_t i = 1; i < plan.size() && main > 0.0f; ++i)
        if (const float ratio = heightPerEm(plan[i].file); ratio > 0.0f) scales[i] = ratio / main;
    return scales;
}

} // namespace

static_assert(ImGuiFreeTypeBuilderFlags_LightHinting == 1u << 3);

std::expected<FontSet, std::string> buildFonts(ImFontAtlas& atlas, std::string_view language,
                                               std::string_view extraText, float baseSizePx,
                                               float scale, const FontOptions& options) {
    auto regular = i18n::planFonts(language, extraText, false, options.arabic);
    if (!regular) return std::unexpected(regular.error());
    auto bold = i18n::planFonts(language, extraText, true, options.arabic);
    if (!bold) return std::unexpected(bold.error());

    // ImGui asserts (aborts) on a font file it cannot open: check them first.
    for (const auto* plan : {&*regular, &*bold})
        for (const auto& face : *plan)
            if (std::ifstream probe(face.file, std::ios::binary); !probe)
                return std::unexpected("the font file " + face.file.string() +
                                       " cannot be read; reinstall the Debian package "
                                       "fonts-noto-core");

    // The range tables must live until Build(); they are released with the input data below.
    std::vector<std::vector<ImWchar>> tables;
    for (const auto* plan : {&*regular, &*bold})
        for (const auto& face : *plan)
            tables.push_back(toImGuiRanges(face.ranges));

    atlas.Clear();
    atlas.FontBuilderIO = options.freeType ? ImGuiFreeType::GetBuilderForFreeType() : nullptr;
    atlas.FontBuilderFlags = options.freeType ? options.freeTypeFlags : 0;

    FontSet set;
    set.language = std::string(language);
    set.bodySize = baseSizePx * scale;
    set.largeSize = set.bodySize * options.largeFactor;
    set.hugeSize = set.bodySize * options.hugeFactor;
    for (const auto& face : *regular)
        set.glyphsPerFont += i18n::countCodepoints(face.ranges);

    const auto regularScales = emMatchedScales(*regular);
    const auto boldScales = emMatchedScales(*bold);
    auto add = [&](const std::vector<i18n::FontFace>& plan, size_t firstTable,
                   const std::vector<float>& scales, float size) -> ImFont* {
        ImFont* font = nullptr;
        for (size_t i = 0; i < plan.size(); ++i) {
            const float faceSize = size * scales[i];
            ImFontConfig config;
            config.MergeMode = i > 0;
            // Large text gains nothing from oversampling and it multiplies the atlas size.
            config.OversampleH = faceSize < options.oversampleBelowPx ? 2 : 1;
            config.OversampleV = 1;
            config.PixelSnapH = config.OversampleH == 1;
            ImFont* added = atlas.AddFontFromFileTTF(plan[i].file.c_str(), faceSize, &config,
                                                     tables[firstTable + i].data());
            if (added == nullptr) return nullptr;
            if (i == 0) font = added;
        }
        return font;
    };
    const size_t boldTables = regular->size();
    set.body = add(*regular, 0, regularScales, set.bodySize);
    if (options.bodyBold) set.bodyBold = add(*bold, boldTables, boldScales, set.bodySize);
    set.large = add(*bold, boldTables, boldScales, set.largeSize);
    set.huge = add(*bold, boldTables, boldScales, set.hugeSize);
    if (!set.body || (options.bodyBold && !set.bodyBold) || !set.large || !set.huge ||
        !atlas.Build()) {
        atlas.Clear();
        return std::unexpected("the fonts for \"" + set.language +
                               "\" could not be loaded into the screen's font atlas; check that "
                               "the Debian package fonts-noto-core is installed and intact");
    }
    set.atlasWidth = atlas.TexWidth;
    set.atlasHeight = atlas.TexHeight;
    atlas.ClearInputData(); // frees the TTF copies (several MB) and the range tables' users
    return set;
}

} // namespace passerelle::ui::text
