#include "core/resident/content_catalog.h"
#include "core/resident/feature_handlers.h"
#include "core/resident/lesson_learner.h"
#include "core/resident/lesson_visit.h"
#include "core/state/navigation.h"
#include "core/store/store.h"

namespace passerelle::resident {

// Lessons: slides → quiz with immediate feedback → completion; optional learner code + PIN.
namespace {

using Stage = LessonView::Stage;

const lesson::QuizQuestion* currentQuestion(const LessonView& view) {
    if (!view.lesson || view.stage != Stage::Quiz || view.question >= view.lesson->quiz.size())
        return nullptr;
    return &view.lesson->quiz[view.question];
}

void open(KioskState& state, const KioskServices& services, const intent::OpenLesson& i) {
    if (!services.content) return;
    auto entry = services.content->findLesson(i.packId, i.lessonId);
    if (!entry.lesson) return;
    closeLearnerPanel(state, services);
    state.lesson = {};
    state.lesson.pack = entry.pack;
    state.lesson.lesson = entry.lesson;
    if (services.store) (void)services.store->countLessonStarted(entry.lesson->id);
    if (state.screen == ScreenId::Lesson)
        replaceScreen(state, ScreenId::Lesson);
    else
        openScreen(state, ScreenId::Lesson);
}

void finish(KioskState& state, const KioskServices& services) {
    auto& view = state.lesson;
    view.stage = Stage::Done;
    view.chosen.reset();
    if (services.store) (void)services.store->countLessonCompleted(view.lesson->id);
    recordCompletion(state, services,
                     {view.pack->manifest().id, view.lesson->id, view.rightAnswers,
                      static_cast<int>(view.lesson->quiz.size())});
}

void startQuizOrFinish(KioskState& state, const KioskServices& services) {
    auto& view = state.lesson;
    view.question = 0;
    view.chosen.reset();
    view.rightAnswers = 0;
    if (view.lesson->quiz.empty()) return finish(state, services);
    view.stage = Stage::Quiz;
}

// Leaves the lesson for the list it was opened from.
void leave(KioskState& state, const KioskServices& services) {
    closeLearnerPanel(state, services);
    state.lesson = {};
    if (!state.history.empty() && state.history.back() == ScreenId::Learn)
        goBack(state);
    else
        replaceScreen(state, ScreenId::Learn);
}

void nextSlide(KioskState& state, const KioskServices& services) {
    auto& view = state.lesson;
    if (view.stage != Stage::Slides) return;
    if (view.slide + 1 < view.lesson->slides.size()) {
        ++view.slide;
        return;
    }
    startQuizOrFinish(state, services);
}

// Back in the top bar: one slide back; from the first slide, the lesson list. From the quiz, the
// last slide (to look again; the quiz starts over); from the completion screen, the list.
void back(KioskState& state, const KioskServices& services) {
    auto& view = state.lesson;
    switch (view.stage) {
    case Stage::Slides:
        if (view.slide > 0)
            --view.slide;
        else
            leave(state, services);
        return;
    case Stage::Quiz:
        view.stage = Stage::Slides;
        view.slide = view.lesson->slides.empty() ? 0 : view.lesson->slides.size() - 1;
        view.question = 0;
        view.chosen.reset();
        view.rightAnswers = 0;
        if (view.lesson->slides.empty()) leave(state, services);
        return;
    case Stage::Done:
        leave(state, services);
        return;
    }
}

void choose(KioskState& state, const intent::ChooseQuizAnswer& i) {
    auto& view = state.lesson;
    const auto* question = currentQuestion(view);
    if (!question || view.chosen || i.choice >= question->choices.size())
        return; // the first answer stands: feedback is immediate and final
    view.chosen = i.choice;
    if (question->isRight(i.choice)) ++view.rightAnswers;
}

void nextQuestion(KioskState& state, const KioskServices& services) {
    auto& view = state.lesson;
    if (!currentQuestion(view) || !view.chosen) return; // answer first
    view.chosen.reset();
    if (view.question + 1 < view.lesson->quiz.size()) {
        ++view.question;
        return;
    }
    finish(state, services);
}

} // namespace

bool handleLesson(KioskState& state, const KioskServices& services, const Intent& intent) {
    const bool onLearnScreens = state.screen == ScreenId::Learn || state.screen == ScreenId::Lesson;
    if (const auto* i = std::get_if<intent::OpenLesson>(&intent)) {
        open(state, services, *i);
        return true;
    }
    if (std::holds_alternative<intent::SaveLearner>(intent)) {
        saveLearner(state, services);
        return true;
    }
    if (std::holds_alternative<intent::ResumeLearner>(intent)) {
        resumeLearner(state, services);
        return true;
    }
    if (std::holds_alternative<intent::Back>(intent) && onLearnScreens &&
        learnerPanelOpen(services)) {
        closeLearnerPanel(state, services); // Back (or Cancel) closes the code + PIN panel first
        return true;
    }
    const bool inLesson = state.screen == ScreenId::Lesson && state.lesson.active();
    if (!inLesson) {
        // Lesson intents with no lesson open (a stale tap) are ignored; Back is navigation's.
        return std::holds_alternative<intent::NextSlide>(intent) ||
               std::holds_alternative<intent::PreviousSlide>(intent) ||
               std::holds_alternative<intent::ChooseQuizAnswer>(intent) ||
               std::holds_alternative<intent::NextQuestion>(intent);
    }
    if (std::holds_alternative<intent::Back>(intent) ||
        std::holds_alternative<intent::PreviousSlide>(intent)) {
        back(state, services);
        return true;
    }
    if (std::holds_alternative<intent::NextSlide>(intent)) {
        nextSlide(state, services);
        return true;
    }
    if (const auto* i = std::get_if<intent::ChooseQuizAnswer>(&intent)) {
        choose(state, *i);
        return true;
    }
    if (std::holds_alternative<intent::NextQuestion>(intent)) {
        nextQuestion(state, services);
        return true;
    }
    return false;
}

void endLesson(KioskState& state, const KioskServices& services) {
    state.lesson = {};
    forgetLessonVisit(services.input);
}

} // namespace passerelle::resident
