#include "ui/screens/screens.h"
#include "ui/widgets/button.h"
#include "ui/widgets/text.h"

#include <imgui.h>

namespace passerelle::ui {

// No session yet. The whole screen starts one; a language button starts it in that language.
void drawWelcomeScreen(const Ui& ui) {
    const Palette& p = ui.palette;
    auto* dl = ImGui::GetWindowDrawList();
    // A calm band at the top, then the greeting.
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.px(16)), color(p.accent));

    float y = ui.px(110);
    y += drawText(ui, ui.fonts.title, ui.tr("welcome.title"), p.text,
                  {0, y, ui.width, y + ui.px(100)}, Align::Center, false);
    y += ui.px(10);
    drawText(ui, ui.fonts.body, ui.tr("welcome.choose_language"), p.mutedText,
             {0, y, ui.width, y + ui.px(50)}, Align::Center, false);
    y += ui.px(64);

    // Languages in a grid of three columns, each in its own name and script.
    const auto& langs = ui.state.offeredLanguages;
    const int columns = 3;
    const float bw = ui.px(340), bh = ui.px(96), gap = ui.px(28);
    const float gridW = columns * bw + (columns - 1) * gap;
    const float x0 = (ui.width - gridW) / 2;
    bool languageTapped = false;
    for (size_t i = 0; i < langs.size(); ++i) {
        const int col = static_cast<int>(i % columns), row = static_cast<int>(i / columns);
        const int visualCol = ui.rtl ? columns - 1 - col : col;
        Rect r{x0 + visualCol * (bw + gap), y + row * (bh + gap), 0, 0};
        r.x1 = r.x0 + bw;
        r.y1 = r.y0 + bh;
        const std::string id = "language." + langs[i].code;
        const bool selected = langs[i].code == ui.state.language;
        if (button(ui, id.c_str(), langs[i].nativeName, r,
                   selected ? ButtonKind::Selected : ButtonKind::Choice)) {
            ui.emit(intent::ChooseLanguage{langs[i].code});
            languageTapped = true;
        }
    }
    const int rows = static_cast<int>((langs.size() + columns - 1) / columns);
    y += rows * (bh + gap) + ui.px(40);

    const float sw = ui.px(620), sh = ui.px(120);
    Rect start{(ui.width - sw) / 2, y, (ui.width + sw) / 2, y + sh};
    if (button(ui, "welcome.start", ui.tr("welcome.tap_to_start"), start, ButtonKind::Primary)) {
        ui.emit(intent::StartSession{});
        languageTapped = true;
    }
    ui.record.instruction = ui.tr("welcome.tap_to_start");

    // "Tap anywhere": a release on the background, away from every button, starts too.
    if (!languageTapped && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        !ImGui::IsAnyItemActive() && !ImGui::IsAnyItemHovered() && ImGui::IsWindowHovered())
        ui.emit(intent::StartSession{});
}

} // namespace passerelle::ui
