#include "ui/screens/screens.h"

namespace passerelle::ui {

// Being built (issue 6, lessons).
void drawLessonListScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "home.learn");
}
void drawLessonScreen(const Ui& ui) {
    drawComingSoonScreen(ui, "home.learn");
}

} // namespace passerelle::ui
