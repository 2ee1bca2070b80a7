#include "ui/screens/screens.h"

namespace passerelle::ui {

// Being built (issue 7, staff mode).
void drawStaffPinScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "staff.pin_title");
}
void drawStaffPanelScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "staff.pin_title");
}

} // namespace passerelle::ui
