#pragma once
// Builds the Dear ImGui font atlas for one language: Noto Sans, with Noto Sans Arabic merged in
// when the language or the content needs it, holding only the characters that can be drawn
// (see core/i18n/glyph_ranges.h). Call it at start and on every language switch, then let the
// renderer re-upload the texture (ImGui_ImplOpenGL3_DestroyFontsTexture + CreateFontsTexture).
#include "core/i18n/glyph_ranges.h"

#include <imgui.h>

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace passerelle::ui::text {

struct FontOptions {
    float largeFactor = 1.5f; // headings, as a multiple of the body size
    float hugeFactor = 2.25f; // the welcome title
    bool freeType = true;     // FreeType rasterizer (no oversampling needed); false: stb
    // FreeType hinting: light hinting keeps glyph shapes and builds ~4x faster than the full
    // bytecode hinter (ImGuiFreeTypeBuilderFlags_*; 0 = full hinting).
    unsigned freeTypeFlags = 1u << 3; // ImGuiFreeTypeBuilderFlags_LightHinting
    float oversampleBelowPx = 32.0f;  // stb_truetype only: 2x horizontal oversampling below this
    i18n::ArabicCoverage arabic = i18n::ArabicCoverage::ShaperOutput;
    bool bodyBold = true; // false: no bold body font (FontSet::bodyBold stays null)
};

struct FontSet {
    ImFont* body = nullptr;                          // regular, base size: most text
    ImFont* bodyBold = nullptr;                      // bold, base size: buttons, emphasis
    ImFont* large = nullptr;                         // bold, headings
    ImFont* huge = nullptr;                          // bold, the welcome title
    float bodySize = 0, largeSize = 0, hugeSize = 0; // pixel sizes
    std::string language;
    std::size_t glyphsPerFont = 0; // characters requested for each of the four fonts
    int atlasWidth = 0, atlasHeight = 0;
    std::size_t atlasBytesAlpha8() const { return std::size_t(atlasWidth) * atlasHeight; }
    std::size_t atlasBytesRgba32() const { return atlasBytesAlpha8() * 4; }
};

// Clears `atlas`, adds the four fonts at baseSizePx * scale (and the larger sizes) and builds it.
// `extraText` is content that must be drawable whatever the language: pass the language list
// (I18n::nativeNamesText()) plus the installed packs' titles. The atlas's input data (TTF copies,
// glyph range tables) is freed after the build: to change anything, call buildFonts again.
// Fails with a message for staff when a font file is missing or the atlas cannot be built;
// the atlas is then empty and the caller keeps its previous FontSet only if it did not clear it.
std::expected<FontSet, std::string> buildFonts(ImFontAtlas& atlas, std::string_view language,
                                               std::string_view extraText, float baseSizePx,
                                               float scale, const FontOptions& options = {});

} // namespace passerelle::ui::text
