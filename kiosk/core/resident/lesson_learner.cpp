#include "core/resident/lesson_learner.h"

#include "core/resident/lesson_visit.h"
#include "core/resident/private_input.h"
#include "core/session/reference_code.h"
#include "core/store/learner_progress.h"

#include <algorithm>

namespace passerelle::resident {

namespace {

bool pinLooksRight(const SecretBytes& pin) {
    const auto digits = pin.bytes();
    return digits.size() >= kMinPinDigits && digits.size() <= kMaxPinDigits &&
           std::all_of(digits.begin(), digits.end(), [](auto c) { return c >= '0' && c <= '9'; });
}

void say(KioskState& state, std::string_view key) {
    state.lesson.learnerMessage = std::string(key);
}

// Saves the visit's history under the known key; false (and a message) when that failed.
bool saveUnderKey(KioskState& state, const KioskServices& services, LessonVisit& visit) {
    auto saved = services.learners->save(*visit.key, visit.history.encode());
    if (!saved) {
        // Another kiosk changed this learner's record: the key is stale, ask for code + PIN again.
        visit.key.reset();
        say(state, learner_message::kProblem);
        return false;
    }
    return true;
}

void openPanel(KioskState& state, LessonVisit& visit, LearnerPanel panel, Focus focus) {
    visit.panel = panel;
    state.focus = focus;
    state.keyboard = {};
    state.keyboard.page = 1; // digits
    state.lesson.learnerMessage.clear();
}

} // namespace

bool learnerPanelOpen(const KioskServices& services) {
    const auto* visit = findLessonVisit(services.input);
    return visit && visit->panel != LearnerPanel::None;
}

void closeLearnerPanel(KioskState& state, const KioskServices& services) {
    if (findLessonVisit(services.input)) {
        auto& visit = lessonVisit(services.input);
        if (visit.panel == LearnerPanel::Resume && services.input)
            services.input->learnerCode.wipe();
        visit.panel = LearnerPanel::None;
    }
    if (services.input) services.input->learnerPin.wipe();
    if (state.focus == Focus::LearnerCode || state.focus == Focus::LearnerPin)
        state.focus = Focus::None;
}

void saveLearner(KioskState& state, const KioskServices& services) {
    if (!services.input || !services.learners) {
        say(state, learner_message::kProblem);
        return;
    }
    auto& visit = lessonVisit(services.input);
    if (visit.panel != LearnerPanel::Save) {
        if (visit.history.empty()) {
            closeLearnerPanel(state, services);
            say(state, learner_message::kNothingToSave);
            return;
        }
        if (visit.key) { // already saved or resumed in this visit: no new code needed
            closeLearnerPanel(state, services);
            if (saveUnderKey(state, services, visit)) say(state, learner_message::kSaved);
            return;
        }
        services.input->learnerCode = SecretBytes(LearnerProgress::newLearnerCode());
        services.input->learnerPin.wipe();
        openPanel(state, visit, LearnerPanel::Save, Focus::LearnerPin);
        return;
    }
    SecretBytes pin = std::move(services.input->learnerPin);
    services.input->learnerPin.wipe();
    if (!pinLooksRight(pin)) {
        say(state, learner_message::kPinRule);
        state.focus = Focus::LearnerPin;
        return;
    }
    auto key =
        services.learners->enroll(services.input->learnerCode.text(), pin, visit.history.encode());
    pin.wipe();
    if (!key) {
        say(state, learner_message::kProblem);
        return;
    }
    visit.key = std::move(*key);
    visit.panel = LearnerPanel::None;
    state.focus = Focus::None;
    // The code stays (guarded) until the visit ends so the screen can keep showing it.
    say(state, learner_message::kSaved);
}

void resumeLearner(KioskState& state, const KioskServices& services) {
    if (!services.input || !services.learners) {
        say(state, learner_message::kProblem);
        return;
    }
    auto& visit = lessonVisit(services.input);
    if (visit.panel != LearnerPanel::Resume) {
        services.input->learnerCode.wipe();
        services.input->learnerPin.wipe();
        openPanel(state, visit, LearnerPanel::Resume, Focus::LearnerCode);
        return;
    }
    SecretBytes pin = std::move(services.input->learnerPin);
    services.input->learnerPin.wipe();
    if (!pinLooksRight(pin)) {
        say(state, pin.empty() ? learner_message::kPinRule : learner_message::kNotRecognised);
        state.focus = services.input->learnerCode.empty() ? Focus::LearnerCode : Focus::LearnerPin;
        return;
    }
    if (!isValidReferenceCode(services.input->learnerCode.text())) {
        // A typo in the code (its check symbol) reads like a wrong PIN: nothing to look up.
        say(state, learner_message::kNotRecognised);
        state.focus = Focus::LearnerCode;
        return;
    }
    auto unlocked = services.learners->unlock(services.input->learnerCode.text(), pin);
    pin.wipe();
    if (!unlocked) {
        // A wrong PIN, an unknown code or a typo in the code all read the same to the resident
        // (and to someone guessing). Nothing was written.
        const bool unknown = unlocked.error() == LearnerProgress::kNotRecognised;
        say(state, unknown ? learner_message::kNotRecognised : learner_message::kProblem);
        state.focus = Focus::LearnerPin;
        return;
    }
    auto saved = LessonHistory::decode(unlocked->progress);
    if (!saved) {
        say(state, learner_message::kProblem);
        return;
    }
    // Lessons finished before resuming join the learner's record.
    const bool newHere = saved->lacksAnyOf(visit.history);
    saved->merge(visit.history);
    visit.history = std::move(*saved);
    visit.key = std::move(unlocked->key);
    closeLearnerPanel(state, services);
    services.input->learnerCode.wipe();
    if (newHere && !saveUnderKey(state, services, visit)) return;
    say(state, learner_message::kWelcomeBack);
}

void recordCompletion(KioskState& state, const KioskServices& services, LessonScore score) {
    auto& visit = lessonVisit(services.input);
    visit.history.record(std::move(score));
    if (visit.key && services.learners && saveUnderKey(state, services, visit))
        say(state, learner_message::kSaved);
}

} // namespace passerelle::resident
