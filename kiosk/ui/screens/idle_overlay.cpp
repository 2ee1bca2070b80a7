#include "ui/screens/screens.h"
#include "ui/widgets/button.h"
#include "ui/widgets/text.h"

#include <imgui.h>
#include <string>

namespace passerelle::ui {

// Full-screen "Are you still there?" drawn over the current screen; any touch dismisses it.
void drawIdleOverlay(const Ui& ui) {
    const Palette& p = ui.palette;
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.height), color(p.overlay, 0.97f));
    float y = ui.px(170);
    y += drawText(ui, ui.fonts.title, ui.tr("idle.title"), p.onOverlay,
                  {0, y, ui.width, y + ui.px(100)}, Align::Center, false);
    y += ui.px(30);
    const std::string seconds = ui.i18n.formatInteger(ui.state.idleSecondsLeft);
    y += drawText(ui, ui.fonts.title, seconds, p.onOverlay, {0, y, ui.width, y + ui.px(100)},
                  Align::Center, false);
    y += ui.px(20);
    y +=
        drawText(ui, ui.fonts.body, ui.format("idle.body", {{"seconds", ui.state.idleSecondsLeft}}),
                 p.onOverlay, {ui.px(200), y, ui.width - ui.px(200), y + ui.px(90)}, Align::Center);
    ui.record.instruction = ui.tr("idle.title");
    const float bw = ui.px(520), bh = ui.px(120);
    Rect stay{(ui.width - bw) / 2, y + ui.px(40), (ui.width + bw) / 2, y + ui.px(40) + bh};
    bool tapped = button(ui, "idle.continue", ui.tr("idle.continue"), stay, ButtonKind::Primary);
    if (tapped || ImGui::IsMouseReleased(ImGuiMouseButton_Left)) ui.emit(intent::StillHere{});
}

} // namespace passerelle::ui
