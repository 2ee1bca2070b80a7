#pragma once
// What the lesson feature remembers during one visit beside LessonView: the learner code + PIN
// panel that is open, the learner's key once saved or resumed (later lessons are then saved
// without asking again), and the lessons finished. It is tied to the Kiosk's PrivateInput (one
// per Kiosk) and forgotten by endLesson() when the visit ends; the key lives in guarded memory.
//
// Why not in LessonView: KioskState is copied into frames and must hold nothing secret; the key
// must not be there. (The lead may later move `panel` and the finished list into LessonView.)
#include "core/resident/lesson_history.h"
#include "core/store/learner_progress.h"

#include <optional>

namespace passerelle {
struct PrivateInput;
}

namespace passerelle::resident {

enum class LearnerPanel {
    None,
    Save,   // a new learner code is shown; the resident chooses a PIN
    Resume, // the resident types their code and PIN
};

struct LessonVisit {
    LearnerPanel panel = LearnerPanel::None;
    std::optional<LearnerKey> key; // after a save or a resume
    LessonHistory history;         // finished this visit, plus a resumed learner's lessons
};

// The visit of the Kiosk owning `input` (created on first use).
LessonVisit& lessonVisit(const PrivateInput* input);
// For screens: nullptr when nothing was remembered yet.
const LessonVisit* findLessonVisit(const PrivateInput* input);
// Wipes the key and forgets everything (end of the visit).
void forgetLessonVisit(const PrivateInput* input);

} // namespace passerelle::resident
