#include "ui/screens/screens.h"

namespace passerelle::ui {

void drawServiceListScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "home.services");
}
void drawServiceStepScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "home.services");
}
void drawServiceReviewScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "home.services");
}
void drawServiceReceiptScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "home.services");
}

} // namespace passerelle::ui
