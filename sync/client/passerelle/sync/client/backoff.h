#pragma once
// Capped exponential backoff with jitter: after the n-th failure in a row the next attempt comes
// after a random delay in [d/2, d], d = min(cap, initial * 2^(n-1)). Kiosks that lost the city at
// the same moment (a city outage) then do not all come back in the same second.
#include <chrono>
#include <cstdint>
#include <random>

namespace passerelle::sync {

class Backoff {
  public:
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds cap);
    std::chrono::milliseconds
    next(); // records one more failure and returns the delay before retrying
    void reset() { failures_ = 0; }
    int failures() const { return failures_; }

  private:
    std::chrono::milliseconds initial_, cap_;
    int failures_ = 0;
    std::mt19937_64 random_;
};

} // namespace passerelle::sync
