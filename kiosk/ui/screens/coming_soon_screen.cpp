#include "ui/screens/screens.h"
#include "ui/widgets/button.h"
#include "ui/widgets/text.h"
#include "ui/widgets/top_bar.h"

#include <imgui.h>

namespace passerelle::ui {

void drawComingSoonScreen(const Ui& ui, std::string_view titleKey) {
    const Rect content = topBar(ui, ui.tr(titleKey));
    const Palette& p = ui.palette;
    float y = content.y0 + ui.px(120);
    y += drawText(ui, ui.fonts.large, ui.tr("common.coming_soon"), p.text,
                  {content.x0, y, content.x1, y + ui.px(60)}, Align::Center);
    y += ui.px(16);
    y += drawText(ui, ui.fonts.body, ui.tr("common.coming_soon_body"), p.mutedText,
                  {content.x0 + ui.px(160), y, content.x1 - ui.px(160), y + ui.px(120)},
                  Align::Center);
    ui.record.instruction = ui.tr("common.coming_soon_body");
    const float bw = ui.px(360), bh = ui.px(100);
    Rect back{(ui.width - bw) / 2, y + ui.px(60), (ui.width + bw) / 2, y + ui.px(60) + bh};
    if (button(ui, "coming_soon.back", ui.tr("common.back"), back, ButtonKind::Primary, Icon::Back))
        ui.emit(intent::Back{});
}

} // namespace passerelle::ui
