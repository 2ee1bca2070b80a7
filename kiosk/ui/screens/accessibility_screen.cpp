#include "ui/screens/screens.h"

namespace passerelle::ui {

// Being built (issue 6, accessibility panel).
void drawAccessibilityScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "home.accessibility");
}

} // namespace passerelle::ui
