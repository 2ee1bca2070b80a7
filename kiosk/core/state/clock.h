#pragma once
#include <chrono>

namespace passerelle {

// Time source for everything timed in the core (idle timeout, countdown, lockouts), so tests can
// move time forward without sleeping.
class Clock {
  public:
    using time_point = std::chrono::steady_clock::time_point;
    virtual ~Clock() = default;
    virtual time_point now() const = 0;
};

class SystemClock final : public Clock {
  public:
    time_point now() const override { return std::chrono::steady_clock::now(); }
};

class ManualClock final : public Clock {
  public:
    time_point now() const override { return now_; }
    void advance(std::chrono::milliseconds by) { now_ += by; }

  private:
    time_point now_ = std::chrono::steady_clock::time_point(std::chrono::hours(1));
};

} // namespace passerelle
