#include "ui/widgets/text.h"

#include "ui/text/shaped_text.h"

#include <algorithm>
#include <string>

namespace passerelle::ui {

ImU32 color(Rgb rgb, float alpha) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(rgb.r(), rgb.g(), rgb.b(), alpha));
}

ImVec2 measureText(const Ui& ui, ImFont* font, std::string_view text, float wrapWidth) {
    if (wrapWidth <= 0) return ui::text::measure(text, ui.rtl, font, font->FontSize);
    const auto lines =
        ui::text::wrap(text, ui.rtl, wrapWidth, font, font->FontSize, ui.i18n.icuLocale());
    float w = 0;
    for (auto& line : lines)
        w = std::max(w, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.c_str()).x);
    return ImVec2(w, static_cast<float>(lines.size()) * font->FontSize * 1.2f);
}

namespace {
text::Align toTextAlign(Align align) {
    switch (align) {
    case Align::Start:
        return text::Align::Start;
    case Align::Center:
        return text::Align::Center;
    case Align::End:
        return text::Align::End;
    }
    return text::Align::Start;
}
} // namespace

float drawText(const Ui& ui, ImFont* font, std::string_view logical, Rgb rgb, Rect box, Align align,
               bool wrap) {
    ui.record.texts.emplace_back(logical);
    auto* dl = ImGui::GetWindowDrawList();
    const float lineHeight = font->FontSize * 1.2f;
    if (!wrap) {
        text::drawAt(dl, font, font->FontSize, ImVec2(box.x0, box.y0), color(rgb), logical, ui.rtl,
                     toTextAlign(align), box.width());
        return lineHeight;
    }
    // Wrapped on the logical text, each line already in visual order: draw as left-to-right.
    float y = box.y0;
    for (auto& line :
         text::wrap(logical, ui.rtl, box.width(), font, font->FontSize, ui.i18n.icuLocale())) {
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.c_str()).x;
        float x = box.x0;
        const bool startIsRight = ui.rtl;
        if (align == Align::Center)
            x = box.x0 + (box.width() - w) / 2;
        else if ((align == Align::Start) == startIsRight)
            x = box.x1 - w;
        dl->AddText(font, font->FontSize, ImVec2(x, y), color(rgb), line.c_str());
        y += lineHeight;
    }
    return y - box.y0;
}

void drawCentered(const Ui& ui, ImFont* font, std::string_view text, Rgb rgb, Rect box) {
    const float y = box.centerY() - font->FontSize * 0.6f;
    drawText(ui, font, text, rgb, Rect{box.x0, y, box.x1, y + font->FontSize * 1.2f}, Align::Center,
             false);
}

} // namespace passerelle::ui
