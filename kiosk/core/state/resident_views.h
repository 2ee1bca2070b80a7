#pragma once
// Parts of KioskState for the resident features. Each is drawn by its own screens and changed
// only by its own controller in kiosk/core/resident/.
#include "core/flow/flow.h"
#include "core/flow/flow_engine.h"
#include "core/flow/validation_error.h"
#include "core/lesson/lesson.h"
#include "core/pack/pack.h"
#include "core/state/intent.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace passerelle {

struct KeyboardView {
    bool shift = false;
    int page = 0; // 0 letters, 1 digits and symbols, 2 accented letters
};

struct ServiceView {
    std::shared_ptr<const pack::Pack> pack;
    const flow::Flow* flow = nullptr;
    std::shared_ptr<const flow::FlowEngine> engine;
    std::size_t step = 0;                       // index into flow->steps
    flow::Progress progress;                    // k of n visible steps
    std::optional<flow::ValidationError> error; // shown next to the field
    bool returnToReview = false;                // editing one answer from the review screen
    std::string referenceCode;                  // after sending
    std::int64_t sequence = 0;
    std::string submitError; // plain words; nothing typed is lost
    bool active() const { return flow != nullptr; }
};

struct LessonView {
    enum class Stage { Slides, Quiz, Done };
    std::shared_ptr<const pack::Pack> pack;
    const lesson::Lesson* lesson = nullptr;
    Stage stage = Stage::Slides;
    std::size_t slide = 0;
    std::size_t question = 0;
    std::optional<std::size_t> chosen; // the answer picked for the current question
    int rightAnswers = 0;
    std::string learnerMessage; // "code or PIN not recognised", "progress saved", ...
    bool active() const { return lesson != nullptr; }
};

struct AccessibilitySettings {
    int textSize = 0; // 0 normal, 1 large, 2 largest
    bool highContrast = false;
    bool readAloud = false;
    int volume = 70; // percent; reset for every visit (Section 508 §402.3.2)
    bool moreTime = false;
    bool operator==(const AccessibilitySettings&) const = default;
};

// A request for the app to speak (read-aloud): it speaks when `serial` changes.
struct SpeechRequest {
    std::string text;
    std::string language;
    int volume = 70;
    int serial = 0;
};

} // namespace passerelle
