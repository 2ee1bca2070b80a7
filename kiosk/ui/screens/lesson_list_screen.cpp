// The lesson list (Learn): every lesson of every installed pack as a large card, with "Continue
// where I left off" (learner code + PIN) and, once a lesson is finished, "Save my progress".
#include "core/resident/content_catalog.h"
#include "core/resident/lesson_visit.h"
#include "ui/screens/lesson_parts.h"
#include "ui/screens/screens.h"
#include "ui/widgets/button.h"
#include "ui/widgets/scroll_area.h"
#include "ui/widgets/speaker_button.h"
#include "ui/widgets/text.h"
#include "ui/widgets/top_bar.h"

#include <algorithm>
#include <imgui.h>

namespace passerelle::ui {

namespace {

// One lesson card: title, summary, and "Done" with the score when the learner finished it.
bool lessonCard(const Ui& ui, const char* id, const std::string& title, std::string_view summary,
                const resident::LessonScore* done, Rect r) {
    const bool tapped = area(ui, id, title, r);
    const bool pressed = ImGui::IsItemActive();
    const Palette& p = ui.palette;
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), color(p.surface, pressed ? 0.7f : 1),
                      ui.px(16));
    dl->AddRect(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), color(p.border), ui.px(16), 0, ui.px(2));
    const float band = ui.px(12);
    const Rect bandBox = lesson_ui::mirrored(ui, {r.x0, r.y0, r.x0 + band, r.y1}, r);
    dl->AddRectFilled(ImVec2(bandBox.x0, bandBox.y0), ImVec2(bandBox.x1, bandBox.y1),
                      color(done ? lesson_ui::rightFill() : p.accent), ui.px(16),
                      ui.rtl ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersLeft);

    const float pad = ui.px(32);
    const float badgeW = done ? ui.px(250) : 0;
    const Rect text = lesson_ui::mirrored(
        ui, {r.x0 + pad, r.y0, r.x1 - pad - badgeW - (done ? ui.px(16) : 0), r.y1}, r);
    const float titleH = ui.fonts.large->FontSize * 1.2f;
    const float summaryH = measureText(ui, ui.fonts.body, summary, text.width()).y;
    const float y = std::max(r.y0 + ui.px(8), r.centerY() - (titleH + ui.px(6) + summaryH) / 2);
    drawText(ui, ui.fonts.large, title, p.text, {text.x0, y, text.x1, y + titleH}, Align::Start,
             false);
    drawText(ui, ui.fonts.body, summary, p.mutedText,
             {text.x0, y + titleH + ui.px(6), text.x1, r.y1}, Align::Start, true);
    if (done) {
        const Rect badge = lesson_ui::mirrored(
            ui, {r.x1 - pad - badgeW, r.centerY() - ui.px(32), r.x1 - pad, r.centerY() + ui.px(32)},
            r);
        dl->AddRectFilled(ImVec2(badge.x0, badge.y0), ImVec2(badge.x1, badge.y1),
                          color(lesson_ui::rightFill()), ui.px(32));
        const std::string label =
            done->questions > 0 ? ui.format("lesson.done_badge", {{"right", done->rightAnswers},
                                                                  {"total", done->questions}})
                                : ui.tr("lesson.done");
        drawCentered(ui, ui.fonts.body, label, lesson_ui::onFeedbackFill(), badge);
    }
    return tapped;
}

} // namespace

void drawLessonListScreen(const Ui& ui) {
    const Rect content = topBar(ui, ui.tr("lesson.list_title"));
    if (lesson_ui::drawLearnerPanel(ui, content)) return;
    const std::string intro = ui.tr("lesson.list_intro");
    ui.record.instruction = intro;

    const auto* visit = resident::findLessonVisit(ui.state.input);
    const bool canSave = visit && !visit->history.empty() && !visit->key;

    // Top row: the intro at the reading start, the learner buttons at the reading end.
    const float rowH = ui.px(84);
    const float resumeW = ui.px(430), saveW = ui.px(330), gap = ui.px(16);
    const float buttonsW = resumeW + (canSave ? saveW + gap : 0);
    const Rect introBox = lesson_ui::mirrored(
        ui, {content.x0, content.y0, content.x1 - buttonsW - ui.px(24), content.y0 + rowH},
        content);
    const float introH = measureText(ui, ui.fonts.body, intro, introBox.width()).y;
    drawText(ui, ui.fonts.body, intro, ui.palette.text,
             {introBox.x0, std::max(introBox.y0, introBox.centerY() - introH / 2), introBox.x1,
              introBox.y1},
             Align::Start, true);
    const Rect resume = lesson_ui::mirrored(
        ui, {content.x1 - resumeW, content.y0, content.x1, content.y0 + rowH}, content);
    if (button(ui, "lesson.resume", ui.tr("lesson.learner.resume"), resume, ButtonKind::Secondary,
               Icon::None, ui.fonts.body))
        ui.emit(intent::ResumeLearner{});
    if (canSave) {
        const Rect save = lesson_ui::mirrored(
            ui, {content.x1 - buttonsW, content.y0, content.x1 - resumeW - gap, content.y0 + rowH},
            content);
        if (button(ui, "lesson.save", ui.tr("lesson.learner.save"), save, ButtonKind::Primary,
                   Icon::None, ui.fonts.body))
            ui.emit(intent::SaveLearner{});
    }
    float y = content.y0 + rowH + ui.px(20);
    if (!ui.state.lesson.learnerMessage.empty())
        y += lesson_ui::drawLearnerMessage(ui, {content.x0, y, content.x1, y}) + ui.px(16);

    if (!ui.state.content) return;
    const auto lessons = ui.state.content->lessons({}, ui.state.language);
    if (lessons.empty()) {
        drawText(ui, ui.fonts.large, ui.tr("lesson.none"), ui.palette.text,
                 {content.x0, y, content.x1, content.y1}, Align::Center, true);
        return;
    }
    // Cards share the height left; when there are many, they keep a readable height and the
    // list drags.
    const float cardGap = ui.px(18);
    const float n = static_cast<float>(lessons.size());
    const float listBottom = bottomClearOfSpeaker(ui, content.y1);
    const float cardH =
        std::clamp((listBottom - y - cardGap * (n - 1)) / n, ui.px(110), ui.px(170));
    const Rect listRect{content.x0, y, content.x1, listBottom};
    const float listH = n * cardH + (n - 1) * cardGap;
    const ScrollView view = beginScrollArea(ui, "lessons.list", listRect, listH);
    const Rect cards = rowsBeside(ui, listRect, listH);
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        const auto& entry = lessons[i];
        const float top = view.top + i * (cardH + cardGap);
        const Rect r{cards.x0, top, cards.x1, top + cardH};
        if (!view.visible(r)) continue;
        const std::string id = "lesson.open." + entry.lesson->id;
        const resident::LessonScore* done =
            visit ? visit->history.find(entry.pack->manifest().id, entry.lesson->id) : nullptr;
        if (lessonCard(ui, id.c_str(),
                       std::string(entry.pack->text(entry.lesson->title, ui.state.language)),
                       entry.pack->text(entry.lesson->summary, ui.state.language), done, r))
            ui.emit(intent::OpenLesson{entry.pack->manifest().id, entry.lesson->id});
    }
    endScrollArea(ui);
}

} // namespace passerelle::ui
