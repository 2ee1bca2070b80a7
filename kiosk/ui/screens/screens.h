#pragma once
#include "ui/ui_context.h"

namespace passerelle::ui {

// One function per screen; each draws the whole screen from ui.state and pushes intents.
void drawWelcomeScreen(const Ui& ui);
void drawHomeScreen(const Ui& ui);
void drawComingSoonScreen(const Ui& ui, std::string_view titleKey);
void drawIdleOverlay(const Ui& ui);

} // namespace passerelle::ui
