#include "core/resident/feature_handlers.h"

#include "core/resident/content_catalog.h"
#include "core/state/navigation.h"

namespace passerelle::resident {

// Lessons: slides, quiz with immediate feedback, completion, learner code + PIN.
// (Being built: until then a lesson opens on its first slide and can be left with Back.)
bool handleLesson(KioskState& state, const KioskServices& services, const Intent& intent) {
    if (const auto* open = std::get_if<intent::OpenLesson>(&intent)) {
        if (!services.content) return true;
        auto entry = services.content->findLesson(open->packId, open->lessonId);
        if (!entry.lesson) return true;
        state.lesson = {};
        state.lesson.pack = entry.pack;
        state.lesson.lesson = entry.lesson;
        openScreen(state, ScreenId::Lesson);
        return true;
    }
    return false;
}

void endLesson(KioskState& state, const KioskServices&) {
    state.lesson = {};
}

} // namespace passerelle::resident
