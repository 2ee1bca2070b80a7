#pragma once
// Learner code + PIN for lessons: save progress under a new code, resume it on any kiosk of the
// city. The code and PIN are typed into PrivateInput (guarded memory); the PIN is wiped after
// every attempt. Messages for the resident go to LessonView::learnerMessage as catalog keys.
//
// Argon2id (LearnerProgress) runs synchronously on the UI thread: ~0.2 s on the development
// machine, up to ~1 s on a Raspberry Pi 4, and only when the resident taps Save or Continue.
#include "core/resident/kiosk_services.h"
#include "core/resident/lesson_history.h"
#include "core/state/kiosk_state.h"

#include <string_view>

namespace passerelle::resident {

// Catalog keys of the messages (locales/*.json).
namespace learner_message {
inline constexpr std::string_view kSaved = "lesson.learner.saved";
inline constexpr std::string_view kWelcomeBack = "lesson.learner.welcome_back";
inline constexpr std::string_view kNotRecognised = "lesson.learner.not_recognised";
inline constexpr std::string_view kPinRule = "lesson.learner.pin_rule";
inline constexpr std::string_view kNothingToSave = "lesson.learner.nothing_to_save";
inline constexpr std::string_view kProblem = "lesson.learner.problem";
} // namespace learner_message

inline constexpr std::size_t kMinPinDigits = 4;
inline constexpr std::size_t kMaxPinDigits = 6;

// SaveLearner: opens the panel with a new code (or saves at once when the learner is known);
// when the panel is open, enrolls the code with the typed PIN.
void saveLearner(KioskState& state, const KioskServices& services);
// ResumeLearner: opens the panel; when open, unlocks with the typed code + PIN.
void resumeLearner(KioskState& state, const KioskServices& services);
bool learnerPanelOpen(const KioskServices& services);
// Closes the panel and wipes what was typed in it.
void closeLearnerPanel(KioskState& state, const KioskServices& services);
// A lesson was finished: remembered for this visit, and saved if the learner is known.
void recordCompletion(KioskState& state, const KioskServices& services, LessonScore score);

} // namespace passerelle::resident
