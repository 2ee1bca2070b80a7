// The three stages of an open lesson: slides, quiz with immediate feedback, completion.
#include "core/resident/lesson_visit.h"
#include "core/resident/private_input.h"
#include "ui/screens/lesson_parts.h"
#include "ui/widgets/button.h"
#include "ui/widgets/image_view.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <imgui.h>

namespace passerelle::ui::lesson_ui {

namespace {

std::string_view packText(const Ui& ui, const LocalizedText& text) {
    return ui.state.lesson.pack->text(text, ui.state.language);
}

// "Slide 2 of 5" and a bar, on one line at the top of the content; returns the height used.
float drawProgress(const Ui& ui, Rect content, const std::string& label, std::size_t done,
                   std::size_t total) {
    const float h = ui.fonts.body->FontSize * 1.3f;
    const float barW = std::min(ui.px(360), content.width() / 3);
    const Rect text = mirrored(
        ui, {content.x0, content.y0, content.x1 - barW - ui.px(24), content.y0 + h}, content);
    drawText(ui, ui.fonts.body, label, ui.palette.mutedText, text, Align::Start, false);
    Rect bar = mirrored(ui,
                        {content.x1 - barW, content.y0 + h / 2 - ui.px(7), content.x1,
                         content.y0 + h / 2 + ui.px(7)},
                        content);
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(bar.x0, bar.y0), ImVec2(bar.x1, bar.y1), color(ui.palette.surface),
                      ui.px(7));
    dl->AddRect(ImVec2(bar.x0, bar.y0), ImVec2(bar.x1, bar.y1), color(ui.palette.border), ui.px(7),
                0, ui.px(1.5f));
    const float filled = total ? bar.width() * static_cast<float>(done) / total : 0;
    if (filled > 0) {
        if (ui.rtl)
            dl->AddRectFilled(ImVec2(bar.x1 - filled, bar.y0), ImVec2(bar.x1, bar.y1),
                              color(ui.palette.accent), ui.px(7));
        else
            dl->AddRectFilled(ImVec2(bar.x0, bar.y0), ImVec2(bar.x0 + filled, bar.y1),
                              color(ui.palette.accent), ui.px(7));
    }
    return h;
}

// Large text if it fits in `box`, else the body size (bigger accessibility text sizes).
ImFont* fittingFont(const Ui& ui, std::string_view text, Rect box) {
    if (measureText(ui, ui.fonts.large, text, box.width()).y <= box.height()) return ui.fonts.large;
    return ui.fonts.body;
}

// Two big buttons at the bottom: `startId` at the reading start, `endId` at the reading end.
constexpr float kFooterH = 96;

Rect footerStart(const Ui& ui, Rect content, float w) {
    return mirrored(ui, {content.x0, content.y1 - ui.px(kFooterH), content.x0 + w, content.y1},
                    content);
}
Rect footerEnd(const Ui& ui, Rect content, float w) {
    return mirrored(ui, {content.x1 - w, content.y1 - ui.px(kFooterH), content.x1, content.y1},
                    content);
}

// A check mark or a cross, so the meaning never rests on colour alone (with the text label).
void drawMark(ImDrawList* dl, bool right, Rect box, Rgb rgb, float thickness) {
    const ImU32 c = color(rgb);
    if (right) {
        dl->AddLine(ImVec2(box.x0, box.centerY()),
                    ImVec2(box.x0 + box.width() * 0.4f, box.y1 - box.height() * 0.1f), c,
                    thickness);
        dl->AddLine(ImVec2(box.x0 + box.width() * 0.4f, box.y1 - box.height() * 0.1f),
                    ImVec2(box.x1, box.y0 + box.height() * 0.1f), c, thickness);
    } else {
        dl->AddLine(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1), c, thickness);
        dl->AddLine(ImVec2(box.x0, box.y1), ImVec2(box.x1, box.y0), c, thickness);
    }
}

} // namespace

void drawSlide(const Ui& ui, Rect content) {
    const LessonView& view = ui.state.lesson;
    const auto& slides = view.lesson->slides;
    if (slides.empty()) return;
    const lesson::Slide& slide = slides[std::min(view.slide, slides.size() - 1)];
    const float top =
        content.y0 +
        drawProgress(ui, content,
                     ui.format("lesson.slide_of", {{"current", static_cast<int>(view.slide + 1)},
                                                   {"total", static_cast<int>(slides.size())}}),
                     view.slide + 1, slides.size()) +
        ui.px(24);
    const float bottom = content.y1 - ui.px(kFooterH) - ui.px(24);
    const std::string_view text = packText(ui, slide.text);
    ui.record.instruction = std::string(text);

    Rect textBox{content.x0, top, content.x1, bottom};
    if (!slide.image.empty()) {
        // Text at the reading start, the picture at the reading end.
        const float imageW = content.width() * 0.42f;
        textBox.x1 = content.x1 - imageW - ui.px(32);
        const Rect imageBox = mirrored(ui, {content.x1 - imageW, top, content.x1, bottom}, content);
        drawImage(ui, *view.pack, slide.image, imageBox, packText(ui, slide.imageAlt));
        textBox = mirrored(ui, textBox, content);
    }
    drawText(ui, fittingFont(ui, text, textBox), text, ui.palette.text, textBox, Align::Start,
             true);

    const float w = ui.px(320);
    if (button(ui, "lesson.previous", ui.tr("lesson.previous"), footerStart(ui, content, w),
               ButtonKind::Secondary, Icon::Back))
        ui.emit(intent::PreviousSlide{});
    const bool last = view.slide + 1 >= slides.size();
    const std::string next =
        last ? ui.tr(view.lesson->quiz.empty() ? "lesson.see_result" : "lesson.start_quiz")
             : ui.tr("lesson.next");
    if (button(ui, "lesson.next", next, footerEnd(ui, content, w + ui.px(60)), ButtonKind::Primary))
        ui.emit(intent::NextSlide{});
}

void drawQuiz(const Ui& ui, Rect content) {
    const LessonView& view = ui.state.lesson;
    const auto& quiz = view.lesson->quiz;
    if (view.question >= quiz.size()) return;
    const lesson::QuizQuestion& q = quiz[view.question];
    float y = content.y0 +
              drawProgress(
                  ui, content,
                  ui.format("lesson.question_of", {{"current", static_cast<int>(view.question + 1)},
                                                   {"total", static_cast<int>(quiz.size())}}),
                  view.question + 1, quiz.size()) +
              ui.px(16);
    const std::string_view question = packText(ui, q.question);
    ui.record.instruction = std::string(question);
    y += drawText(ui, ui.fonts.large, question, ui.palette.text,
                  {content.x0, y, content.x1, y + ui.px(140)}, Align::Start, true) +
         ui.px(20);

    // Choices: big buttons until one is picked; then cards marked Right / Not quite.
    const float footer = ui.px(kFooterH) + ui.px(20);
    const float gap = ui.px(14);
    const float n = static_cast<float>(q.choices.size());
    const float choiceH = std::clamp((content.y1 - footer - y - gap * (n - 1)) / std::max(1.0f, n),
                                     ui.px(64), ui.px(96));
    auto* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        const Rect r{content.x0, y, content.x1, y + choiceH};
        const std::string label(packText(ui, q.choices[i]));
        y += choiceH + gap;
        if (!view.chosen) {
            const std::string id = "lesson.choice." + std::to_string(i);
            if (button(ui, id.c_str(), label, r, ButtonKind::Choice, Icon::None, ui.fonts.body))
                ui.emit(intent::ChooseQuizAnswer{i});
            continue;
        }
        const bool picked = *view.chosen == i;
        const bool right = q.isRight(i);
        // The picked answer turns green or red with its label; after a wrong pick the right
        // one is shown too, so the resident learns it.
        const bool marked = picked || right;
        const Rgb fill = !marked ? ui.palette.surface : right ? rightFill() : wrongFill();
        const Rgb ink = marked ? onFeedbackFill() : ui.palette.text;
        dl->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), color(fill), ui.px(14));
        dl->AddRect(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1),
                    color(marked ? fill : ui.palette.border), ui.px(14), 0, ui.px(2));
        const float pad = ui.px(24);
        const float statusW = marked ? ui.px(300) : 0;
        Rect textBox = mirrored(ui, {r.x0 + pad, r.y0, r.x1 - pad - statusW, r.y1}, r);
        drawCentered(ui, ui.fonts.body, label, ink, textBox);
        if (!marked) continue;
        const std::string status = ui.tr(!right   ? "lesson.not_quite"
                                         : picked ? "lesson.right"
                                                  : "lesson.right_answer");
        const float markS = ui.px(30);
        const Rect markBox = mirrored(
            ui, {r.x1 - pad - markS, r.centerY() - markS / 2, r.x1 - pad, r.centerY() + markS / 2},
            r);
        drawMark(dl, right, markBox, ink, ui.px(5));
        const Rect statusBox =
            mirrored(ui, {r.x1 - statusW, r.y0, r.x1 - pad - markS - ui.px(12), r.y1}, r);
        drawText(ui, ui.fonts.large, status, ink,
                 {statusBox.x0, r.centerY() - ui.fonts.large->FontSize * 0.6f, statusBox.x1, r.y1},
                 Align::End, false);
    }

    if (!view.chosen) return;
    // The pack's kind feedback next to the Next button.
    const bool right = q.isRight(*view.chosen);
    const float nextW = ui.px(340);
    const Rect box = mirrored(
        ui, {content.x0, content.y1 - ui.px(kFooterH), content.x1 - nextW - ui.px(24), content.y1},
        content);
    dl->AddRectFilled(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1), color(ui.palette.surface),
                      ui.px(12));
    dl->AddRect(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1),
                color(right ? rightFill() : wrongFill()), ui.px(12), 0, ui.px(4));
    const std::string_view feedback = packText(ui, right ? q.rightFeedback : q.wrongFeedback);
    const Rect inner{box.x0 + ui.px(18), box.y0 + ui.px(10), box.x1 - ui.px(18), box.y1 - ui.px(6)};
    const float h = measureText(ui, ui.fonts.body, feedback, inner.width()).y;
    drawText(ui, ui.fonts.body, feedback, ui.palette.text,
             {inner.x0, std::max(inner.y0, inner.centerY() - h / 2), inner.x1, inner.y1},
             Align::Start, true);
    ui.record.instruction = std::string(feedback);
    const bool last = view.question + 1 >= quiz.size();
    if (button(ui, "lesson.next_question",
               ui.tr(last ? "lesson.see_result" : "lesson.next_question"),
               footerEnd(ui, content, nextW), ButtonKind::Primary))
        ui.emit(intent::NextQuestion{});
}

void drawDone(const Ui& ui, Rect content) {
    const LessonView& view = ui.state.lesson;
    float y = content.y0 + ui.px(24);
    const std::string title = ui.tr("lesson.done_title");
    ui.record.instruction = title;
    y += drawText(ui, ui.fonts.title, title, ui.palette.text,
                  {content.x0, y, content.x1, y + ui.px(100)}, Align::Center, false) +
         ui.px(12);
    if (!view.lesson->quiz.empty()) {
        const std::string score =
            ui.format("lesson.score", {{"right", view.rightAnswers},
                                       {"total", static_cast<int>(view.lesson->quiz.size())}});
        y += drawText(ui, ui.fonts.large, score, ui.palette.text,
                      {content.x0, y, content.x1, y + ui.px(120)}, Align::Center, true) +
             ui.px(12);
    }
    y += drawText(ui, ui.fonts.body, ui.tr("lesson.completed"), ui.palette.mutedText,
                  {content.x0, y, content.x1, y + ui.px(100)}, Align::Center, true) +
         ui.px(28);

    // Saving progress: a code + PIN, or already saved under the learner's key.
    const float boxW = std::min(content.width(), ui.px(900));
    const Rect box{content.centerX() - boxW / 2, y, content.centerX() + boxW / 2, y};
    const auto* visit = resident::findLessonVisit(ui.state.input);
    const bool known = visit && visit->key;
    if (!view.learnerMessage.empty()) {
        y += drawLearnerMessage(ui, {box.x0, y, box.x1, y}) + ui.px(12);
        if (known && ui.state.input && !ui.state.input->learnerCode.empty()) {
            // The code was just given: keep it on screen so it can be written down.
            y += drawText(ui, ui.fonts.body, ui.tr("lesson.learner.your_code"), ui.palette.text,
                          {box.x0, y, box.x1, y + ui.px(40)}, Align::Center, false);
            drawText(ui, ui.fonts.title, ui.state.input->learnerCode.text(), ui.palette.text,
                     {box.x0, y, box.x1, y + ui.px(90)}, Align::Center, false);
        }
    } else if (!known) {
        drawText(ui, ui.fonts.body, ui.tr("lesson.learner.save_hint"), ui.palette.text,
                 {box.x0, y, box.x1, y + ui.px(80)}, Align::Center, true);
    }

    const float w = ui.px(330), gap = ui.px(24);
    if (button(ui, "lesson.back_to_lessons", ui.tr("lesson.back_to_lessons"),
               footerStart(ui, content, w), ButtonKind::Secondary, Icon::Learn))
        ui.emit(intent::Back{});
    const Rect home = mirrored(ui,
                               {content.x0 + w + gap, content.y1 - ui.px(kFooterH),
                                content.x0 + 2 * w + gap - ui.px(60), content.y1},
                               content);
    if (button(ui, "lesson.home", ui.tr("lesson.home"), home, ButtonKind::Secondary))
        ui.emit(intent::Open{ScreenId::Home});
    if (!known && button(ui, "lesson.save", ui.tr("lesson.learner.save"),
                         footerEnd(ui, content, ui.px(400)), ButtonKind::Primary))
        ui.emit(intent::SaveLearner{});
}

} // namespace passerelle::ui::lesson_ui
