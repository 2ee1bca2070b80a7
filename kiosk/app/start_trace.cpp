#include "start_trace.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace passerelle::app {

namespace {
double wallSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
} // namespace

void StartTrace::mark(const char* phase) {
    if (!reported_) marks_.push_back({phase, wallSeconds()});
}

void StartTrace::reportFirstFrame() {
    if (reported_) return;
    reported_ = true;
    const double presented = wallSeconds();
    if (!std::getenv("PASSERELLE_REPORT_FIRST_FRAME")) return;
    for (const Mark& m : marks_)
        std::printf("start-phase %s %.6f\n", m.phase, m.seconds);
    std::printf("first-frame-presented %.6f\n", presented);
    std::fflush(stdout);
    marks_.clear();
}

} // namespace passerelle::app
