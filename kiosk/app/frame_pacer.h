#pragma once
#include "core/state/clock.h"

#include <SDL.h>
#include <optional>

struct ImDrawData;

namespace passerelle::app {

// Event-driven rendering: sleep in SDL_WaitEventTimeout until input or the next timer, draw a few
// frames after each input so ImGui settles, then sleep again. An idle kiosk draws nothing.
class FramePacer {
  public:
    static constexpr int kSettleFrames = 3;

    // Waits for the next event, the next deadline, or returns at once while frames are owed.
    // `maxSleep` caps the wait (the systemd watchdog must be fed even when nothing happens).
    bool wait(SDL_Event& event, std::optional<Clock::time_point> deadline, const Clock& clock,
              std::optional<std::chrono::milliseconds> maxSleep = std::nullopt);
    void wake() { owed_ = kSettleFrames; }
    bool shouldDraw() const { return owed_ > 0 || timerFired_; }
    void framePresented();

  private:
    int owed_ = kSettleFrames; // the first frames
    bool timerFired_ = false;
};

// For --screenshot: true once two consecutive frames produced the same geometry (fonts loaded,
// layout settled), after at least a few frames.
class StableFrameDetector {
  public:
    bool isStable(const ImDrawData* data);

  private:
    unsigned long long lastHash_ = 0;
    int frames_ = 0;
};

} // namespace passerelle::app
