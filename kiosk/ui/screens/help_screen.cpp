#include "ui/screens/screens.h"

namespace passerelle::ui {

// Being built (issue 7, ask for help).
void drawHelpScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "home.help");
}

} // namespace passerelle::ui
