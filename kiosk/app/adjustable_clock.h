#pragma once
#include "core/state/clock.h"

namespace passerelle::app {

// The system's steady clock, which a --script may move forward (to reach the idle countdown
// without waiting minutes). Without a script, the offset stays zero.
class AdjustableClock final : public Clock {
  public:
    time_point now() const override { return std::chrono::steady_clock::now() + offset_; }
    void advance(std::chrono::steady_clock::duration by) { offset_ += by; }

  private:
    std::chrono::steady_clock::duration offset_{0};
};

} // namespace passerelle::app
