#include "ui/widgets/button.h"

#include "ui/widgets/text.h"

#include <algorithm>
#include <imgui.h>

namespace passerelle::ui {

namespace {
bool invisibleTarget(const Ui& ui, const char* id, std::string_view label, Rect rect) {
    ImGui::SetCursorScreenPos(ImVec2(rect.x0, rect.y0));
    const bool tapped = ImGui::InvisibleButton(id, ImVec2(rect.width(), rect.height()));
    // Inside a scroll area only the part within its clip rectangle can be touched.
    const ImVec2 clipMin = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 clipMax = ImGui::GetWindowDrawList()->GetClipRectMax();
    const Rect visible{std::max(rect.x0, clipMin.x), std::max(rect.y0, clipMin.y),
                       std::min(rect.x1, clipMax.x), std::min(rect.y1, clipMax.y)};
    if (visible.x0 < visible.x1 && visible.y0 < visible.y1) {
        const bool cut = visible.x0 != rect.x0 || visible.y0 != rect.y0 || visible.x1 != rect.x1 ||
                         visible.y1 != rect.y1;
        ui.record.targets.push_back({id, std::string(label), visible, cut});
    }
    return tapped;
}

struct Look {
    Rgb fill, text, border;
};

Look lookFor(const Ui& ui, ButtonKind kind) {
    const Palette& p = ui.palette;
    switch (kind) {
    case ButtonKind::Primary:
        return {p.primary, p.onPrimary, p.primary};
    case ButtonKind::Secondary:
        return {p.secondary, p.onSecondary, p.border};
    case ButtonKind::Choice:
        return {p.surface, p.text, p.border};
    case ButtonKind::Selected:
        return {p.primary, p.onPrimary, p.focus};
    }
    return {p.secondary, p.onSecondary, p.border};
}
} // namespace

bool button(const Ui& ui, const char* id, std::string_view label, Rect rect, ButtonKind kind,
            Icon icon, ImFont* font) {
    const bool tapped = invisibleTarget(ui, id, label, rect);
    const bool pressed = ImGui::IsItemActive(); // held down: the only feedback that works on touch
    const Look look = lookFor(ui, kind);
    auto* dl = ImGui::GetWindowDrawList();
    const float rounding = ui.px(14);
    const ImVec2 a(rect.x0, rect.y0), b(rect.x1, rect.y1);
    dl->AddRectFilled(a, b, color(look.fill, pressed ? 0.75f : 1.0f), rounding);
    dl->AddRect(a, b, color(look.border), rounding, 0,
                kind == ButtonKind::Selected ? ui.px(4) : ui.px(2));
    if (!font) font = ui.fonts.large;
    // At the largest text size a label may not fit: step down to the body size rather than clip.
    const float iconRoom =
        icon != Icon::None ? std::min(rect.height() * 0.6f, ui.px(44)) + ui.px(14) : 0;
    if (font != ui.fonts.body &&
        measureText(ui, font, label).x + iconRoom > rect.width() - ui.px(16))
        font = ui.fonts.body;
    Rect textBox = rect;
    if (icon != Icon::None) {
        const float iconSize = std::min(rect.height() * 0.6f, ui.px(44));
        const float textW = measureText(ui, font, label).x;
        const float gap = ui.px(14);
        const float total = iconSize + (label.empty() ? 0 : gap + textW);
        float start = rect.centerX() - total / 2;
        Rect iconBox{start, rect.centerY() - iconSize / 2, start + iconSize,
                     rect.centerY() + iconSize / 2};
        if (ui.rtl) iconBox = {start + total - iconSize, iconBox.y0, start + total, iconBox.y1};
        drawIcon(dl, icon, iconBox, look.text, ui.rtl);
        textBox = ui.rtl ? Rect{start, rect.y0, start + textW, rect.y1}
                         : Rect{iconBox.x1 + gap, rect.y0, iconBox.x1 + gap + textW, rect.y1};
    }
    if (!label.empty()) drawCentered(ui, font, label, look.text, textBox);
    return tapped;
}

namespace {
struct TileLayout {
    Rect iconBox, textBox;
    ImFont* titleFont = nullptr;
    float titleH = 0, hintH = 0;
};

// `measureAll`: the hint's full height even when it would not fit (to size the tile).
TileLayout layoutWith(const Ui& ui, Rect rect, std::string_view title, std::string_view hint,
                      float iconSize, ImFont* titleFont) {
    TileLayout l;
    const float pad = ui.px(36);
    l.iconBox = ui.rtl ? Rect{rect.x1 - pad - iconSize, rect.centerY() - iconSize / 2,
                              rect.x1 - pad, rect.centerY() + iconSize / 2}
                       : Rect{rect.x0 + pad, rect.centerY() - iconSize / 2,
                              rect.x0 + pad + iconSize, rect.centerY() + iconSize / 2};
    l.textBox = ui.rtl ? Rect{rect.x0 + pad, rect.y0, l.iconBox.x0 - pad * 0.7f, rect.y1}
                       : Rect{l.iconBox.x1 + pad * 0.7f, rect.y0, rect.x1 - pad, rect.y1};
    l.titleFont = titleFont;
    l.titleH = measureText(ui, titleFont, title, l.textBox.width()).y;
    l.hintH = hint.empty() ? 0 : measureText(ui, ui.fonts.body, hint, l.textBox.width()).y;
    return l;
}

// The first layout whose title (wrapped) and whole hint fit: large title beside the full
// icon; then a smaller icon (more room for words at large text sizes); then the title at the
// body size. Only when none fits is the hint left out. `measureAll` keeps the first layout
// with its full hint, to size a tile that may grow (tileHeight).
TileLayout tileLayout(const Ui& ui, Rect rect, std::string_view title, std::string_view hint,
                      bool measureAll = false) {
    const float fullIcon = std::min(rect.height() * 0.5f, ui.px(110));
    const float smallIcon = std::min(rect.height() * 0.3f, ui.px(64));
    auto fits = [&](const TileLayout& l) {
        return l.titleH + ui.px(8) + l.hintH <= rect.height() - ui.px(16);
    };
    if (measureAll) return layoutWith(ui, rect, title, hint, fullIcon, ui.fonts.large);
    for (auto [icon, font] :
         {std::pair{fullIcon, ui.fonts.large}, std::pair{smallIcon, ui.fonts.large},
          std::pair{smallIcon, ui.fonts.body}}) {
        TileLayout l = layoutWith(ui, rect, title, hint, icon, font);
        if (fits(l)) return l;
    }
    TileLayout l = layoutWith(ui, rect, title, hint, smallIcon, ui.fonts.body);
    l.hintH = 0;
    return l;
}
} // namespace

bool tile(const Ui& ui, const char* id, std::string_view title, std::string_view hint, Icon icon,
          Rgb accent, Rect rect) {
    const bool tapped = invisibleTarget(ui, id, title, rect);
    const bool pressed = ImGui::IsItemActive();
    const Palette& p = ui.palette;
    auto* dl = ImGui::GetWindowDrawList();
    const float rounding = ui.px(20);
    dl->AddRectFilled(ImVec2(rect.x0, rect.y0), ImVec2(rect.x1, rect.y1),
                      color(p.surface, pressed ? 0.7f : 1.0f), rounding);
    dl->AddRect(ImVec2(rect.x0, rect.y0), ImVec2(rect.x1, rect.y1), color(p.border), rounding, 0,
                ui.px(2));
    // Accent band on the reading-start side.
    const float band = ui.px(14);
    if (ui.rtl)
        dl->AddRectFilled(ImVec2(rect.x1 - band, rect.y0), ImVec2(rect.x1, rect.y1), color(accent),
                          rounding, ImDrawFlags_RoundCornersRight);
    else
        dl->AddRectFilled(ImVec2(rect.x0, rect.y0), ImVec2(rect.x0 + band, rect.y1), color(accent),
                          rounding, ImDrawFlags_RoundCornersLeft);

    const TileLayout layout = tileLayout(ui, rect, title, hint);
    drawIcon(dl, icon, layout.iconBox, accent, ui.rtl);
    const Rect& textBox = layout.textBox;
    float y = rect.centerY() - (layout.titleH + ui.px(8) + layout.hintH) / 2;
    drawText(ui, layout.titleFont, title, p.text, {textBox.x0, y, textBox.x1, y + layout.titleH},
             Align::Start, true);
    y += layout.titleH + ui.px(8);
    if (layout.hintH > 0) // never spill out of the tile: tileHeight() says how tall it must be
        drawText(ui, ui.fonts.body, hint, p.mutedText, {textBox.x0, y, textBox.x1, rect.y1},
                 Align::Start, true);
    return tapped;
}

float tileHeight(const Ui& ui, float width, std::string_view title, std::string_view hint,
                 float minHeight) {
    float height = minHeight;
    for (int pass = 0; pass < 2; ++pass) { // the icon, and so the text's width, follow the height
        const TileLayout layout = tileLayout(ui, {0, 0, width, height}, title, hint, true);
        height = std::max(minHeight, layout.titleH + ui.px(8) + layout.hintH + ui.px(24));
    }
    return height;
}

bool area(const Ui& ui, const char* id, std::string_view label, Rect rect) {
    return invisibleTarget(ui, id, label, rect);
}

} // namespace passerelle::ui
