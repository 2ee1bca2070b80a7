#pragma once
#include "ui/ui_context.h"

namespace passerelle::ui {

// One function per screen; each draws the whole screen from ui.state and pushes intents.
// Files: one per feature (welcome_screen, home_screen, service_*, lesson_*, accessibility_screen,
// help_screen, staff_*).
void drawWelcomeScreen(const Ui& ui);
void drawHomeScreen(const Ui& ui);
void drawComingSoonScreen(const Ui& ui, std::string_view titleKey);
void drawIdleOverlay(const Ui& ui);

// E-services
void drawServiceListScreen(const Ui& ui);
void drawServiceStepScreen(const Ui& ui);
void drawServiceReviewScreen(const Ui& ui);
void drawServiceReceiptScreen(const Ui& ui);

// Lessons
void drawLessonListScreen(const Ui& ui);
void drawLessonScreen(const Ui& ui);

// Accessibility and help
void drawAccessibilityScreen(const Ui& ui);
void drawHelpScreen(const Ui& ui);

// Staff
void drawStaffPinScreen(const Ui& ui);
void drawStaffPanelScreen(const Ui& ui);

} // namespace passerelle::ui
