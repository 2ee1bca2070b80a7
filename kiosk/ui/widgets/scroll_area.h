#pragma once
// Drag-to-scroll with momentum for long lists and pages (ImGui has none: ocornut/imgui#3379).
//
//     auto view = beginScrollArea(ui, "services.list", listRect, rows * rowH);
//     for (int i = 0; i < rows; ++i) {
//         Rect row{listRect.x0, view.top + i * rowH, listRect.x1, view.top + (i + 1) * rowH};
//         if (!view.visible(row)) continue; // keep off-screen rows out of the frame record
//         if (button(ui, ids[i], labels[i], row)) ...
//     }
//     endScrollArea(ui);
//
// A finger that moves more than 10 px (at 1280x800) scrolls and cancels the tap it started, so
// the button under the finger is not triggered; a short tap still taps. After release the list
// keeps gliding and slows down; a touch stops it. A scroll indicator is always visible at the
// reading end when the content is taller than the area (never only on hover).
#include "ui/ui_context.h"

namespace passerelle::ui {

struct ScrollView {
    float top = 0;    // screen y of the content's top edge (area top minus the scroll offset)
    float offset = 0; // how far the content is scrolled, in pixels
    Rect viewport;    // the visible area
    float contentHeight = 0;
    bool visible(const Rect& r) const { return r.y1 > viewport.y0 && r.y0 < viewport.y1; }
};

// Opens a clipped region at `rect` for `contentHeight` pixels of content. Draw the content at
// view.top + y, then call endScrollArea(). Ids must be unique within the screen.
ScrollView beginScrollArea(const Ui& ui, const char* id, Rect rect, float contentHeight);
void endScrollArea(const Ui& ui);
// For content whose height is only known once drawn (questions, wrapped text): the height
// measured by the previous frame's endScrollArea(ui, contentBottom) is used.
ScrollView beginScrollArea(const Ui& ui, const char* id, Rect rect);
void endScrollArea(const Ui& ui, float contentBottom);

// Where rows go inside `rect`: all of it, or, when the content is taller (the indicator is
// shown), all but a strip at the reading end so rows never run under the indicator.
Rect rowsBeside(const Ui& ui, Rect rect, float contentHeight);

// True while a scroll area of the last frame is still gliding: the app's frame pacer keeps
// drawing frames until it stops (an idle kiosk otherwise draws nothing).
bool scrollAnimating();

} // namespace passerelle::ui
