#include "passerelle/sync/client/backoff.h"

#include <algorithm>

namespace passerelle::sync {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds cap)
    : initial_(initial), cap_(cap), random_(std::random_device{}()) {}

std::chrono::milliseconds Backoff::next() {
    ++failures_;
    auto exponent = std::min(failures_ - 1, 30);
    auto ceiling = std::min<std::int64_t>(cap_.count(), initial_.count() << exponent);
    if (ceiling <= 1) return std::chrono::milliseconds(ceiling);
    std::uniform_int_distribution<std::int64_t> pick(ceiling / 2, ceiling);
    return std::chrono::milliseconds(pick(random_));
}

} // namespace passerelle::sync
