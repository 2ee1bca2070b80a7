// Font atlas per language: texture size, memory and build time (median of several builds), for
// the default settings and the alternatives they were chosen over; then the per-frame cost of
// shaping + reordering + wrapping text. Prints medians; run on the target (Pi) for real figures.
#include "core/i18n/bidi.h"
#include "core/i18n/i18n.h"
#include "ui/text/fonts.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

using namespace passerelle;
using Clock = std::chrono::steady_clock;

namespace {

double medianOf(std::vector<double> samples) {
    std::ranges::sort(samples);
    return samples[samples.size() / 2];
}

// Median wall time of `runs` calls, in microseconds.
double medianMicros(int runs, const std::function<void()>& work) {
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    return medianOf(samples);
}

struct Variant {
    const char* name;
    ui::text::FontOptions options;
};

} // namespace

int main(int argc, char** argv) {
    const std::string localesDir = argc > 1 ? argv[1] : PASSERELLE_LOCALES_DIR;
    i18n::I18n catalogs;
    if (auto loaded = catalogs.load(localesDir); !loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().c_str());
        return 1;
    }
    const std::string languageList = catalogs.nativeNamesText();
    ImGui::CreateContext();
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    constexpr int runs = 7;
    constexpr float baseSize = 24.0f;

    ui::text::FontOptions stb;
    stb.freeType = false;
    ui::text::FontOptions full;
    full.arabic = i18n::ArabicCoverage::FullBlocks;
    const Variant variants[] = {{"freetype", {}}, {"stb_truetype", stb}};

    std::printf("Font atlas: 4 fonts (body %.0f px regular+bold, large %.0f px, huge %.0f px) + "
                "the language list; median of %d builds\n",
                baseSize, baseSize * 1.5f, baseSize * 2.25f, runs);
    std::printf("%-4s %-13s %6s %5s %11s %12s %12s %10s\n", "lang", "rasterizer", "scale", "glyph",
                "texture", "alpha8 KiB", "RGBA32 KiB", "build ms");
    double enMs = 0;
    for (const auto& language : catalogs.languages()) {
        for (const auto& variant : variants) {
            for (float scale : {1.0f, 1.5f}) {
                ui::text::FontSet set;
                const double micros = medianMicros(runs, [&] {
                    auto built = ui::text::buildFonts(atlas, language.code, languageList, baseSize,
                                                      scale, variant.options);
                    if (!built) {
                        std::fprintf(stderr, "%s\n", built.error().c_str());
                        std::exit(1);
                    }
                    set = *built;
                });
                if (language.code == "en" && scale == 1.0f && variant.options.freeType)
                    enMs = micros / 1000;
                std::printf("%-4s %-13s %6.2f %5zu %5dx%-5d %12.0f %12.0f %10.1f\n",
                            language.code.c_str(), variant.name, scale, set.glyphsPerFont,
                            set.atlasWidth, set.atlasHeight, set.atlasBytesAlpha8() / 1024.0,
                            set.atlasBytesRgba32() / 1024.0, micros / 1000);
            }
        }
    }
    {
        ui::text::FontSet set;
        const double micros = medianMicros(runs, [&] {
            set = *ui::text::buildFonts(atlas, "ar", languageList, baseSize, 1.0f, full);
        });
        std::printf("%-4s %-13s %6.2f %5zu %5dx%-5d %12.0f %12.0f %10.1f  <- all of Arabic "
                    "Presentation Forms-A/B instead of the shaper's output\n",
                    "ar", "freetype", 1.0f, set.glyphsPerFont, set.atlasWidth, set.atlasHeight,
                    set.atlasBytesAlpha8() / 1024.0, set.atlasBytesRgba32() / 1024.0,
                    micros / 1000);
    }
    std::printf("(English FreeType 1.0 build: %.1f ms = baseline)\n\n", enMs);

    // Per-frame text work on the UI thread (no caching: nothing typed by a resident is kept).
    auto set = ui::text::buildFonts(atlas, "ar", languageList, baseSize, 1.0f);
    ImFont* font = set->body;
    auto measure = [&](std::string_view line) {
        return font->CalcTextSizeA(baseSize, 1e9f, 0.0f, line.data(), line.data() + line.size()).x;
    };
    catalogs.setLanguage("ar");
    const std::string arabic = catalogs.format("idle.body", {{"seconds", 20}});
    catalogs.setLanguage("fr");
    const std::string french = catalogs.format("idle.body", {{"seconds", 20}});
    constexpr int textRuns = 2001;
    std::string sink;
    const double latinFast =
        medianMicros(textRuns, [&] { sink = i18n::visualOrder(french, false); });
    const double arabicOrder =
        medianMicros(textRuns, [&] { sink = i18n::visualOrder(arabic, true); });
    const double arabicWrap = medianMicros(
        textRuns, [&] { sink = i18n::wrapToLines(arabic, 300.0f, measure, true, "ar").front(); });
    const double frenchWrap = medianMicros(
        textRuns, [&] { sink = i18n::wrapToLines(french, 300.0f, measure, false, "fr").front(); });
    std::printf("Text per call, median of %d (µs):\n", textRuns);
    std::printf("  visualOrder, French sentence (LTR fast path, %zu bytes): %8.2f\n", french.size(),
                latinFast);
    std::printf(
        "  visualOrder, Arabic sentence (shape + bidi, %zu bytes):  %8.2f  (%.0fx the fast path)\n",
        arabic.size(), arabicOrder, arabicOrder / std::max(latinFast, 0.001));
    std::printf("  wrapToLines at 300 px, French:                          %8.2f\n", frenchWrap);
    std::printf("  wrapToLines at 300 px, Arabic:                          %8.2f\n", arabicWrap);
    ImGui::DestroyContext();
    return sink.empty() ? 1 : 0;
}
