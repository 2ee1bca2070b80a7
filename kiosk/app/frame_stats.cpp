#include "frame_stats.h"

#include "passerelle/common/files.h"

#include <ctime>

namespace passerelle::app {

namespace {
long long micros(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}
} // namespace

void FrameStats::frameStarts() {
    cpuStart_ = micros(CLOCK_THREAD_CPUTIME_ID);
    wallStart_ = micros(CLOCK_MONOTONIC);
}

void FrameStats::frameEnds(const std::string& phase) {
    frames_.push_back(
        {phase, micros(CLOCK_THREAD_CPUTIME_ID) - cpuStart_, micros(CLOCK_MONOTONIC) - wallStart_});
}

std::expected<void, std::string> FrameStats::write(const std::filesystem::path& file) const {
    std::string text;
    for (auto& f : frames_)
        text +=
            f.phase + ' ' + std::to_string(f.cpuMicros) + ' ' + std::to_string(f.wallMicros) + '\n';
    return writeFileAtomic(file, text);
}

} // namespace passerelle::app
