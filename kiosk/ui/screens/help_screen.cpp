// Ask for help: one big button calls a staff member (counted by the core); while the call is
// pending, a calm message says someone is coming and the resident may carry on, with a way to
// cancel. Short tips on the other side.
#include "ui/screens/screens.h"
#include "ui/widgets/button.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/scroll_area.h"
#include "ui/widgets/speaker_button.h"
#include "ui/widgets/text.h"
#include "ui/widgets/top_bar.h"

#include <algorithm>
#include <imgui.h>
#include <string>

namespace passerelle::ui {

namespace {
// A big button whose label wraps (long labels in large text never get cut off), with an icon at
// the reading start.
struct WrappedButton {
    const char* id;
    std::string label;
    ButtonKind kind;
    Icon icon;
    float iconSize(const Ui& ui) const { return icon == Icon::None ? 0 : ui.px(48); }
    float textWidth(const Ui& ui, float width) const {
        return width - 2 * ui.px(28) - (icon == Icon::None ? 0 : iconSize(ui) + ui.px(20));
    }
    float height(const Ui& ui, float width, float minDesign) const {
        const float textH = measureText(ui, ui.fonts.large, label, textWidth(ui, width)).y;
        return std::max(ui.px(minDesign), textH + ui.px(40));
    }
    bool draw(const Ui& ui, Rect r) const {
        const bool tapped = button(ui, id, "", r, kind);
        ui.record.targets.back().label = label;
        const Rgb ink = kind == ButtonKind::Primary ? ui.palette.onPrimary : ui.palette.onSecondary;
        const float pad = ui.px(28), size = iconSize(ui);
        const float textW = measureText(ui, ui.fonts.large, label, textWidth(ui, r.width())).x;
        const float total = textW + (size > 0 ? size + ui.px(20) : 0);
        float start = r.centerX() - total / 2; // content centred, icon first in reading order
        start = std::max(start, r.x0 + pad);
        Rect iconBox{start, r.centerY() - size / 2, start + size, r.centerY() + size / 2};
        Rect textBox{start + (size > 0 ? size + ui.px(20) : 0), 0, start + total, 0};
        if (ui.rtl) {
            iconBox = {start + total - size, iconBox.y0, start + total, iconBox.y1};
            textBox = {start, 0, start + textW, 0};
        }
        if (size > 0) drawIcon(ImGui::GetWindowDrawList(), icon, iconBox, ink, ui.rtl);
        const float textH = measureText(ui, ui.fonts.large, label, textWidth(ui, r.width())).y;
        textBox.y0 = r.centerY() - textH / 2;
        textBox.y1 = textBox.y0 + textH;
        textBox.x1 = std::max(textBox.x1, textBox.x0 + textW);
        drawText(ui, ui.fonts.large, label, ink, textBox, Align::Center, true);
        return tapped;
    }
};

void drawTips(const Ui& ui, Rect column) {
    const Palette& p = ui.palette;
    const char* tips[] = {"help.tip_back", "help.tip_accessibility", "help.tip_finish"};
    const float bullet = ui.px(12), indent = ui.px(36), gap = ui.px(18);
    const float titleH =
        measureText(ui, ui.fonts.large, ui.tr("help.tips_title"), column.width()).y;
    float contentH = titleH + gap;
    for (const char* key : tips)
        contentH += measureText(ui, ui.fonts.body, ui.tr(key), column.width() - indent).y + gap;
    // In a scroll area: at the largest text size the tips may be taller than the column.
    const ScrollView view = beginScrollArea(ui, "help.tips", column, contentH);
    float y = view.top;
    y += drawText(ui, ui.fonts.large, ui.tr("help.tips_title"), p.text,
                  {column.x0, y, column.x1, y}, Align::Start, true);
    y += gap;
    auto* dl = ImGui::GetWindowDrawList();
    for (const char* key : tips) {
        const float lineH = ui.fonts.body->FontSize * 1.2f;
        const float bx = ui.rtl ? column.x1 - bullet : column.x0 + bullet;
        dl->AddCircleFilled(ImVec2(bx, y + lineH / 2), bullet / 2, color(p.accent));
        const Rect box = ui.rtl ? Rect{column.x0, y, column.x1 - indent, y}
                                : Rect{column.x0 + indent, y, column.x1, y};
        y += drawText(ui, ui.fonts.body, ui.tr(key), p.text, box, Align::Start, true) + gap;
    }
    endScrollArea(ui);
}
} // namespace

void drawHelpScreen(const Ui& ui) {
    const Rect content = topBar(ui, ui.tr("home.help"));
    const Palette& p = ui.palette;
    const float gap = ui.px(40);
    const float startW = (content.width() - gap) * 0.55f;
    const float endW = content.width() - gap - startW;
    // The reading-start column ends above the speaker corner.
    const float startBottom = speakerButtonRect(ui).y0 - ui.px(16);
    const float x0 = content.x0, x1 = content.x0 + startW;
    float y = content.y0 + ui.px(16);

    if (!ui.state.helpRequested) {
        const std::string intro = ui.tr("help.intro");
        ui.record.instruction = intro;
        y += drawText(ui, ui.fonts.large, intro, p.text, ui.mirrored({x0, y, x1, y}), Align::Start,
                      true);
        y += ui.px(40);
        const WrappedButton call{"help.call", ui.tr("help.call"), ButtonKind::Primary, Icon::Help};
        const float h = call.height(ui, startW, 140);
        if (call.draw(ui, ui.mirrored({x0, y, x1, std::min(y + h, startBottom)})))
            ui.emit(intent::RequestHelp{});
    } else {
        // Calm, not alarming: a card with the accent band, the message, then the way back out.
        const std::string waiting = ui.tr("help.waiting");
        const std::string keepUsing = ui.tr("help.keep_using");
        ui.record.instruction = waiting + ". " + keepUsing;
        const float pad = ui.px(32);
        const float innerW = startW - 2 * pad - ui.px(14);
        const float cardH = pad + measureText(ui, ui.fonts.large, waiting, innerW).y + ui.px(16) +
                            measureText(ui, ui.fonts.body, keepUsing, innerW).y + pad;
        const Rect card = ui.mirrored({x0, y, x1, y + cardH});
        auto* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(card.x0, card.y0), ImVec2(card.x1, card.y1), color(p.surface),
                          ui.px(18));
        dl->AddRect(ImVec2(card.x0, card.y0), ImVec2(card.x1, card.y1), color(p.border), ui.px(18),
                    0, ui.px(2));
        const Rect band = ui.mirrored({x0, y, x0 + ui.px(14), y + cardH});
        dl->AddRectFilled(ImVec2(band.x0, band.y0), ImVec2(band.x1, band.y1), color(p.accent),
                          ui.px(18),
                          ui.rtl ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersLeft);
        float ty = y + pad;
        const Rect text = ui.mirrored({x0 + ui.px(14) + pad, ty, x1 - pad, ty});
        ty += drawText(ui, ui.fonts.large, waiting, p.text, text, Align::Start, true);
        ty += ui.px(16);
        drawText(ui, ui.fonts.body, keepUsing, p.text, {text.x0, ty, text.x1, ty}, Align::Start,
                 true);
        y += cardH + ui.px(32);
        const WrappedButton cancel{"help.cancel", ui.tr("help.cancel"), ButtonKind::Secondary,
                                   Icon::None};
        const float w =
            std::min(startW, std::max(ui.px(440), measureText(ui, ui.fonts.large, cancel.label).x +
                                                      2 * ui.px(28) + ui.px(8)));
        const float h = cancel.height(ui, w, 100);
        if (cancel.draw(ui, ui.mirrored({x0, y, x0 + w, std::min(y + h, startBottom)})))
            ui.emit(intent::CancelHelp{});
    }

    const float ex0 = content.x0 + startW + gap;
    drawTips(ui, ui.mirrored({ex0, content.y0 + ui.px(16), ex0 + endW, content.y1}));
}

} // namespace passerelle::ui
