#include "core/resident/lesson_visit.h"

#include <map>

namespace passerelle::resident {

namespace {
// Keyed by the Kiosk's PrivateInput: the app has one Kiosk; tests may have several at once.
// Only the UI thread touches it (dispatch and drawing), like the rest of KioskState.
std::map<const PrivateInput*, LessonVisit>& visits() {
    static std::map<const PrivateInput*, LessonVisit> all;
    return all;
}
} // namespace

LessonVisit& lessonVisit(const PrivateInput* input) {
    return visits()[input];
}

const LessonVisit* findLessonVisit(const PrivateInput* input) {
    auto it = visits().find(input);
    return it == visits().end() ? nullptr : &it->second;
}

void forgetLessonVisit(const PrivateInput* input) {
    visits().erase(input); // LearnerKey's SecretBytes zero the key as they are freed
}

} // namespace passerelle::resident
