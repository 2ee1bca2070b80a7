#pragma once
#include "ui/ui_context.h"

namespace passerelle::ui {

// The bar on every resident screen: Back at the reading start, the title, then Help and
// Accessibility at the reading end. Returns the rectangle left for the screen's content.
Rect topBar(const Ui& ui, std::string_view title, bool showBack = true);

} // namespace passerelle::ui
