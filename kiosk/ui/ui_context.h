#pragma once
#include "core/i18n/i18n.h"
#include "core/state/intent.h"
#include "core/state/kiosk_state.h"
#include "ui/frame_record.h"
#include "ui/theme/palette.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace passerelle::ui {

struct Fonts {
    ImFont* body = nullptr;  // ~26 px at scale 1: most text
    ImFont* large = nullptr; // ~38 px bold: headings, tile titles, button labels
    ImFont* title = nullptr; // ~70 px bold: the welcome title, the countdown
};

// Everything a screen function may use during one frame. Screens read `state`, draw, and push
// intents; they never change state themselves.
struct Ui {
    const KioskState& state;
    std::vector<Intent>& intents;
    const Palette& palette;
    const Fonts& fonts;
    const i18n::I18n& i18n;
    FrameRecord& record;
    float scale = 1.0f; // layout scale: 1.0 at 1280x800
    float width = 1280; // display size in pixels
    float height = 800;
    bool rtl = false;

    void emit(Intent intent) const { intents.push_back(std::move(intent)); }
    std::string tr(std::string_view key) const { return i18n.text(key); }
    std::string format(std::string_view key, std::initializer_list<i18n::NamedArg> args) const {
        return i18n.format(key, args);
    }
    float px(float designPixels) const { return designPixels * scale; }
    // A rectangle laid out for left-to-right, mirrored across the screen in right-to-left
    // languages (Arabic): screens lay out once and place every box through this.
    Rect mirrored(Rect r) const { return rtl ? Rect{width - r.x1, r.y0, width - r.x0, r.y1} : r; }
};

} // namespace passerelle::ui
