#include "ui/widgets/image_view.h"

#include "ui/widgets/text.h"

#include <algorithm>

namespace passerelle::ui {

namespace {
ImageSource* gSource = nullptr;
} // namespace

void setImageSource(ImageSource* source) {
    gSource = source;
}

ImageSource* imageSource() {
    return gSource;
}

Rect fitInto(Rect box, int width, int height) {
    if (width <= 0 || height <= 0 || box.width() <= 0 || box.height() <= 0) return box;
    const float scale = std::min(box.width() / static_cast<float>(width),
                                 box.height() / static_cast<float>(height));
    const float w = width * scale, h = height * scale;
    const float x0 = box.centerX() - w / 2, y0 = box.centerY() - h / 2;
    return {x0, y0, x0 + w, y0 + h};
}

void drawImage(const Ui& ui, const pack::Pack& pack, std::string_view mediaName, Rect rect,
               std::string_view altText) {
    auto* dl = ImGui::GetWindowDrawList();
    const ImageHandle handle = gSource ? gSource->image(pack, mediaName) : ImageHandle{};
    if (handle.valid()) {
        const Rect fit = fitInto(rect, handle.width, handle.height);
        dl->AddImageRounded(handle.texture, ImVec2(fit.x0, fit.y0), ImVec2(fit.x1, fit.y1),
                            ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, ui.px(12));
        dl->AddRect(ImVec2(fit.x0, fit.y0), ImVec2(fit.x1, fit.y1), color(ui.palette.border),
                    ui.px(12), 0, ui.px(2));
        ui.record.texts.emplace_back(altText); // read aloud instead of the picture
        return;
    }
    // No picture: say what it shows, in a frame the size of the picture's place.
    dl->AddRectFilled(ImVec2(rect.x0, rect.y0), ImVec2(rect.x1, rect.y1), color(ui.palette.surface),
                      ui.px(12));
    dl->AddRect(ImVec2(rect.x0, rect.y0), ImVec2(rect.x1, rect.y1), color(ui.palette.border),
                ui.px(12), 0, ui.px(2));
    const float pad = ui.px(20);
    const Rect inner{rect.x0 + pad, rect.y0 + pad, rect.x1 - pad, rect.y1 - pad};
    const float h = measureText(ui, ui.fonts.body, altText, inner.width()).y;
    const float y = std::max(inner.y0, inner.centerY() - h / 2);
    drawText(ui, ui.fonts.body, altText, ui.palette.mutedText, {inner.x0, y, inner.x1, inner.y1},
             Align::Center, true);
}

} // namespace passerelle::ui
