#pragma once
#include "ui/ui_context.h"
#include "ui/widgets/icons.h"

#include <string_view>

namespace passerelle::ui {

enum class ButtonKind { Primary, Secondary, Choice, Selected };

// A touch target: an invisible ImGui button drawn by hand so nothing depends on hover (touch
// screens leave the pointer "hovering" after a tap). Returns true on tap (release inside).
// Records the target with its label for tests and read-aloud.
bool button(const Ui& ui, const char* id, std::string_view label, Rect rect,
            ButtonKind kind = ButtonKind::Secondary, Icon icon = Icon::None,
            ImFont* font = nullptr);

// A home-screen tile: icon, title and a one-line hint.
bool tile(const Ui& ui, const char* id, std::string_view title, std::string_view hint, Icon icon,
          Rgb accent, Rect rect);
// The height a tile of `width` needs to show its title and its whole hint (at least minHeight).
float tileHeight(const Ui& ui, float width, std::string_view title, std::string_view hint,
                 float minHeight);

// Invisible target over a rectangle, recorded but not drawn (e.g. "tap anywhere").
bool area(const Ui& ui, const char* id, std::string_view label, Rect rect);

} // namespace passerelle::ui
