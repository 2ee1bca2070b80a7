#include "core/resident/lesson_learner.h"
#include "ui/screens/lesson_parts.h"
#include "ui/screens/screens.h"
#include "ui/widgets/text.h"
#include "ui/widgets/top_bar.h"

#include <imgui.h>

namespace passerelle::ui {

namespace lesson_ui {

Rect mirrored(const Ui& ui, Rect r, Rect bounds) {
    if (!ui.rtl) return r;
    return {bounds.x0 + bounds.x1 - r.x1, r.y0, bounds.x0 + bounds.x1 - r.x0, r.y1};
}

// Dark enough for white text at AAA (7:1) in both themes; the text label says it too.
Rgb rightFill() {
    return {0x0B5A2A};
}
Rgb wrongFill() {
    return {0x9B1C1C};
}
Rgb onFeedbackFill() {
    return {0xFFFFFF};
}

float drawLearnerMessage(const Ui& ui, Rect box) {
    const std::string& key = ui.state.lesson.learnerMessage;
    if (key.empty()) return 0;
    const bool bad = key == resident::learner_message::kNotRecognised ||
                     key == resident::learner_message::kPinRule ||
                     key == resident::learner_message::kProblem;
    const std::string text = ui.tr(key);
    const float pad = ui.px(16);
    const float h = measureText(ui, ui.fonts.body, text, box.width() - 2 * pad).y + 2 * pad;
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y0 + h), color(ui.palette.surface),
                      ui.px(10));
    dl->AddRect(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y0 + h),
                color(bad ? ui.palette.danger : ui.palette.accent), ui.px(10), 0, ui.px(3));
    drawText(ui, ui.fonts.body, text, bad ? ui.palette.danger : ui.palette.text,
             {box.x0 + pad, box.y0 + pad, box.x1 - pad, box.y0 + h}, Align::Start, true);
    return h;
}

} // namespace lesson_ui

void drawLessonScreen(const Ui& ui) {
    const LessonView& view = ui.state.lesson;
    if (!view.active()) {
        // Nothing open (the visit ended under us): the list is where lessons start.
        drawLessonListScreen(ui);
        return;
    }
    const Rect content = topBar(ui, view.pack->text(view.lesson->title, ui.state.language));
    if (lesson_ui::drawLearnerPanel(ui, content)) return;
    switch (view.stage) {
    case LessonView::Stage::Slides:
        lesson_ui::drawSlide(ui, content);
        break;
    case LessonView::Stage::Quiz:
        lesson_ui::drawQuiz(ui, content);
        break;
    case LessonView::Stage::Done:
        lesson_ui::drawDone(ui, content);
        break;
    }
}

} // namespace passerelle::ui
