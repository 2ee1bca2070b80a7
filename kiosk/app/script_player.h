#pragma once
#include "script.h"
#include "ui/frame_record.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace passerelle::app {

// Plays a --script: a virtual finger the app feeds to ImGui instead of the mouse, advanced once
// per drawn frame from what that frame showed (its touch targets), the way the headless screen
// tests tap. Time for drags and waits is real time (steady_clock).
class ScriptPlayer {
  public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit ScriptPlayer(std::vector<ScriptStep> steps);

    struct Finger {
        float x = -1, y = -1;
        bool down = false;
    };
    Finger finger() const { return finger_; }
    // True for the one frame where the finger goes down: a touch the core must hear about.
    bool pressingNow() const { return pressingNow_; }

    // What the app must do after a frame.
    struct Actions {
        std::optional<std::filesystem::path> screenshot;
        std::chrono::seconds advanceClock{0};
        bool quit = false;
        std::string error; // the script cannot go on (the app prints it and exits non-zero)
    };
    Actions afterFrame(const ui::FrameRecord& shown, bool frameStable, TimePoint now);

    // False while a `wait` runs: the kiosk then draws only what it would draw by itself.
    bool wantsFrames() const;
    std::optional<TimePoint> waitEnds() const;
    const std::string& phase() const { return phase_; }

  private:
    // One tap = four frames: finger over the target, down, up (ImGui's click), then settling.
    struct Tap {
        float x = 0, y = 0;
        int stage = 0;
    };
    bool advanceTap(Actions& actions); // true when the tap has finished settling
    bool startTypingNext(const ui::FrameRecord& shown, Actions& actions);
    void finishStep(TimePoint now);
    std::string fail(const std::string& why) const;

    std::vector<ScriptStep> steps_;
    size_t index_ = 0;
    bool stepStarted_ = false;
    TimePoint stepStart_{};
    std::optional<Tap> tap_;
    std::vector<std::string> typing_; // the characters still to type, one UTF-8 sequence each
    int helperTaps_ = 0;              // shift/page taps tried for the current character
    Finger finger_;
    bool pressingNow_ = false;
    std::string phase_ = "start";
    std::optional<TimePoint> waitEnds_;
};

} // namespace passerelle::app
