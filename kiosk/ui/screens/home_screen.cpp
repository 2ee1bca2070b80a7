#include "ui/screens/screens.h"
#include "ui/widgets/button.h"
#include "ui/widgets/text.h"
#include "ui/widgets/top_bar.h"

#include <imgui.h>

namespace passerelle::ui {

void drawHomeScreen(const Ui& ui) {
    const Rect content = topBar(ui, ui.tr("home.title"));
    ui.record.instruction = ui.tr("home.title");

    struct TileSpec {
        const char* id;
        const char* titleKey;
        const char* hintKey;
        Icon icon;
        Rgb accent;
        ScreenId target;
    };
    const Palette& p = ui.palette;
    const TileSpec tiles[] = {
        {"home.learn", "home.learn", "home.learn_hint", Icon::Learn, p.accent, ScreenId::Learn},
        {"home.services", "home.services", "home.services_hint", Icon::Services, p.primary,
         ScreenId::Services},
        {"home.help", "home.help", "home.help_hint", Icon::Help, p.focus, ScreenId::Help},
        {"home.accessibility", "home.accessibility", "home.accessibility_hint", Icon::Accessibility,
         p.onSecondary, ScreenId::Accessibility},
    };
    const float gap = ui.px(28);
    const float footerH = ui.px(96);
    const float tileW = (content.width() - gap) / 2;
    const float tileH = (content.height() - footerH - 2 * gap) / 2;
    for (int i = 0; i < 4; ++i) {
        const int col = ui.rtl ? 1 - i % 2 : i % 2, row = i / 2;
        Rect r{content.x0 + col * (tileW + gap), content.y0 + row * (tileH + gap), 0, 0};
        r.x1 = r.x0 + tileW;
        r.y1 = r.y0 + tileH;
        const auto& t = tiles[i];
        if (tile(ui, t.id, ui.tr(t.titleKey), ui.tr(t.hintKey), t.icon, t.accent, r))
            ui.emit(intent::Open{t.target});
    }

    // Finish: ends the visit and wipes it; at the reading end of the footer.
    const float fw = ui.px(300);
    Rect finish{content.x1 - fw, content.y1 - footerH + ui.px(8), content.x1, content.y1};
    if (ui.rtl) finish = {content.x0, finish.y0, content.x0 + fw, finish.y1};
    if (button(ui, "home.finish", ui.tr("common.finish"), finish, ButtonKind::Primary,
               Icon::Finish))
        ui.emit(intent::Finish{});
}

} // namespace passerelle::ui
