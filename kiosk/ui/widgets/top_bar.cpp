#include "ui/widgets/top_bar.h"

#include "ui/widgets/button.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <imgui.h>

namespace passerelle::ui {

Rect topBar(const Ui& ui, std::string_view title, bool showBack) {
    const float h = ui.px(112), margin = ui.px(24), buttonH = ui.px(80);
    const float y0 = (h - buttonH) / 2;
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, h), color(ui.palette.surface));
    dl->AddLine(ImVec2(0, h), ImVec2(ui.width, h), color(ui.palette.border), ui.px(2));

    const float backW = ui.px(210), sideW = ui.px(200), accessW = ui.px(96);
    // Positions are computed for left-to-right, then mirrored for right-to-left languages.
    auto place = [&](float x0, float w) {
        return ui.rtl ? Rect{ui.width - x0 - w, y0, ui.width - x0, y0 + buttonH}
                      : Rect{x0, y0, x0 + w, y0 + buttonH};
    };
    if (showBack && button(ui, "topbar.back", ui.tr("common.back"), place(margin, backW),
                           ButtonKind::Secondary, Icon::Back))
        ui.emit(intent::Back{});
    const float accessX = ui.width - margin - accessW;
    const float helpX = accessX - ui.px(16) - sideW;
    if (button(ui, "topbar.help", ui.tr("common.help"), place(helpX, sideW), ButtonKind::Secondary,
               Icon::Help))
        ui.emit(intent::Open{ScreenId::Help});
    if (button(ui, "topbar.accessibility", "", place(accessX, accessW), ButtonKind::Secondary,
               Icon::Accessibility))
        ui.emit(intent::Open{ScreenId::Accessibility});
    ui.record.targets.back().label =
        ui.tr("home.accessibility"); // icon-only button: label for tests and speech

    const float titleX0 = margin + backW + ui.px(24);
    const float titleX1 = helpX - ui.px(24);
    Rect titleBox{titleX0, 0, titleX1, h};
    if (ui.rtl) titleBox = {ui.width - titleX1, 0, ui.width - titleX0, h};
    // Long titles at large text sizes step down to the body size, then wrap on two lines,
    // rather than run under the buttons.
    ImFont* font = ui.fonts.large;
    if (measureText(ui, font, title).x > titleBox.width()) font = ui.fonts.body;
    if (measureText(ui, font, title).x <= titleBox.width()) {
        drawCentered(ui, font, title, ui.palette.text, titleBox);
    } else {
        const float textH = measureText(ui, font, title, titleBox.width()).y;
        const float textTop = std::max(0.0f, (h - textH) / 2);
        drawText(ui, font, title, ui.palette.text,
                 {titleBox.x0, textTop, titleBox.x1, textTop + textH}, Align::Center, true);
    }
    return Rect{margin, h + margin, ui.width - margin, ui.height - margin};
}

} // namespace passerelle::ui
