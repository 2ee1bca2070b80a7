#pragma once
#include "ui/ui_context.h"

#include <imgui.h>
#include <string_view>

namespace passerelle::ui {

enum class Align { Start, Center, End }; // Start is the reading start: left in LTR, right in RTL

ImU32 color(Rgb rgb, float alpha = 1.0f);

// All text goes through these, so right-to-left shaping and the frame record live in one place.
ImVec2 measureText(const Ui& ui, ImFont* font, std::string_view text, float wrapWidth = 0);

// Draws `text` inside `box` (wrapped to its width when wrap is true), aligned horizontally;
// returns the height used.
float drawText(const Ui& ui, ImFont* font, std::string_view text, Rgb rgb, Rect box,
               Align align = Align::Start, bool wrap = true);

// Vertically and horizontally centred in `box`, one line (used for button labels).
void drawCentered(const Ui& ui, ImFont* font, std::string_view text, Rgb rgb, Rect box);

} // namespace passerelle::ui
