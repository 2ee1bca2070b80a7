// The font atlas holds what the language and the content need and nothing more (memory on a Pi),
// and right-to-left text is drawn right-aligned. Headless: an ImGui context with no renderer.
#include "core/i18n/bidi.h"
#include "core/i18n/font_files.h"
#include "core/i18n/glyph_ranges.h"
#include "ui/text/fonts.h"
#include "ui/text/shaped_text.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <unicode/unistr.h>

using namespace passerelle;
using namespace passerelle::i18n;

// fontconfig (Debian 12) leaks a few bytes while parsing its XML configuration in FcInit; that
// is not ours, and the AddressSanitizer CI run would fail on it. Read by LeakSanitizer only.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace {

bool contains(const std::vector<CodepointRange>& ranges, char32_t c) {
    for (const auto& r : ranges)
        if (c >= r.first && c <= r.last) return true;
    return false;
}

struct Context {
    Context() {
        context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
    }
    ~Context() { ImGui::DestroyContext(context); }
    ImGuiContext* context;
};

bool hasGlyph(ImFont* font, char32_t c) {
    return font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr;
}

const char* const languageList = "English Français Español العربية Português Nederlands";

} // namespace

TEST_CASE("glyph ranges: Latin always, Arabic only for Arabic or Arabic content") {
    const auto en = glyphRangesFor("en", "");
    CHECK(contains(en, U'A'));
    CHECK(contains(en, U'é'));
    CHECK(contains(en, U'Œ'));
    CHECK(contains(en, U'€'));
    CHECK_FALSE(contains(en, 0x0627));
    CHECK_FALSE(needsArabicFont(en));

    const auto ar = glyphRangesFor("ar", "");
    CHECK(contains(ar, 0x0627));
    CHECK(contains(ar, 0xFEDF));       // lam initial form
    CHECK(contains(ar, 0xFEFB));       // lam-alef ligature
    CHECK(contains(ar, 0xFB8E));       // keheh isolated (Persian letters in the Arabic block)
    CHECK_FALSE(contains(ar, 0xFC00)); // a ligature the shaper never produces
    CHECK(needsArabicFont(ar));
    const auto arFull = glyphRangesFor("ar", "", ArabicCoverage::FullBlocks);
    CHECK(contains(arFull, 0xFC00));
    CHECK(countCodepoints(arFull) > countCodepoints(ar));

    // Content adds exactly its own characters and their shaped forms.
    const auto enWithList = glyphRangesFor("en", languageList);
    CHECK(contains(enWithList, 0x0639));       // ع
    CHECK(contains(enWithList, 0xFECC));       // ع medial, as drawn in العربية
    CHECK_FALSE(contains(enWithList, 0xFEB3)); // seen: not in the list
    CHECK(contains(glyphRangesFor("fr", "Ωμέγα"), U'Ω'));
}

TEST_CASE("fontconfig finds Noto Sans and Noto Sans Arabic from fonts-noto-core") {
    auto latin = fontFileFor(FontScript::Latin, false);
    REQUIRE_MESSAGE(latin.has_value(), (latin ? "" : latin.error()));
    CHECK(latin->filename() == "NotoSans-Regular.ttf");
    auto arabicBold = fontFileFor(FontScript::Arabic, true);
    REQUIRE(arabicBold.has_value());
    CHECK(arabicBold->filename() == "NotoSansArabic-Bold.ttf");

    auto en = planFonts("en", "", false);
    REQUIRE(en.has_value());
    CHECK(en->size() == 1);
    auto ar = planFonts("ar", "", false);
    REQUIRE(ar.has_value());
    REQUIRE(ar->size() == 2);
    CHECK((*ar)[1].file.filename() == "NotoSansArabic-Regular.ttf");
    // Digits come from Noto Sans even though the Arabic font has them too.
    CHECK(contains((*ar)[0].ranges, U'7'));
    CHECK_FALSE(contains((*ar)[1].ranges, U'7'));
}

TEST_CASE("the atlas for Arabic has Arabic glyphs; the English one has only the language list's") {
    Context context;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;

    auto en = ui::text::buildFonts(atlas, "en", "", 24.0f, 1.0f);
    REQUIRE_MESSAGE(en.has_value(), (en ? "" : en.error()));
    for (ImFont* font : {en->body, en->bodyBold, en->large, en->huge}) {
        REQUIRE(font != nullptr);
        CHECK(hasGlyph(font, U'W'));
        CHECK(hasGlyph(font, U'ç'));
        CHECK_FALSE(hasGlyph(font, 0x0627));
        CHECK_FALSE(hasGlyph(font, 0xFEDF));
    }
    CHECK(en->large->FontSize == doctest::Approx(36.0f));
    const std::size_t enBytes = en->atlasBytesAlpha8();

    auto ar = ui::text::buildFonts(atlas, "ar", "", 24.0f, 1.0f);
    REQUIRE(ar.has_value());
    for (ImFont* font : {ar->body, ar->bodyBold, ar->large, ar->huge}) {
        CHECK(hasGlyph(font, U'W'));
        CHECK(hasGlyph(font, 0xFEDF)); // lam initial
        CHECK(hasGlyph(font, 0xFEFB)); // lam-alef
        CHECK(hasGlyph(font, 0xFE94)); // teh marbuta final
    }
    CHECK(ar->glyphsPerFont > en->glyphsPerFont + 300);
    CHECK(ar->atlasBytesAlpha8() > enBytes);

    // An English screen with the language list: just the glyphs "العربية" needs.
    auto list = ui::text::buildFonts(atlas, "en", languageList, 24.0f, 1.0f);
    REQUIRE(list.has_value());
    icu::UnicodeString arabic = icu::UnicodeString::fromUTF8(visualOrder("العربية", false));
    for (int32_t i = 0; i < arabic.length(); ++i)
        CHECK(hasGlyph(list->body, arabic[i]));
    CHECK_FALSE(hasGlyph(list->body, 0xFEB3));
    CHECK(list->glyphsPerFont < en->glyphsPerFont + 20);
}

TEST_CASE("right-to-left text is drawn right-aligned; wrapped lines fit the width") {
    Context context;
    auto fonts = ui::text::buildFonts(*ImGui::GetIO().Fonts, "ar", "", 24.0f, 1.0f);
    REQUIRE(fonts.has_value());
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 400));
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImDrawList* list = ImGui::GetWindowDrawList();

    const int before = list->VtxBuffer.Size;
    ui::text::draw("الخطوة 2 من 5", true);
    float maxX = 0, minX = 1e9f;
    for (int i = before; i < list->VtxBuffer.Size; ++i) {
        maxX = std::max(maxX, list->VtxBuffer[i].pos.x);
        minX = std::min(minX, list->VtxBuffer[i].pos.x);
    }
    CHECK(list->VtxBuffer.Size > before);
    CHECK(maxX == doctest::Approx(right).epsilon(0.02)); // ends at the right edge
    CHECK(minX > right - 250.0f);

    const auto lines =
        ui::text::wrap("حفاظا على خصوصيتك، ستنتهي هذه الزيارة بعد ثانيتين. المس الشاشة للمتابعة.",
                       true, 300.0f, fonts->body, fonts->bodySize, "ar");
    CHECK(lines.size() >= 2);
    for (const auto& line : lines)
        CHECK(ui::text::measure(line, false, fonts->body, fonts->bodySize).x <= 300.0f);
    ui::text::drawWrapped("حفاظا على خصوصيتك، ستنتهي هذه الزيارة بعد ثانيتين.", true, 0.0f, "ar");
    ImGui::End();
    ImGui::Render();
}
