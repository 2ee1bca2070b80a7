#include "frame_pacer.h"

#include <algorithm>
#include <imgui.h>

namespace passerelle::app {

bool FramePacer::wait(SDL_Event& event, std::optional<Clock::time_point> deadline,
                      const Clock& clock, std::optional<std::chrono::milliseconds> maxSleep) {
    timerFired_ = false;
    if (owed_ > 0) return SDL_PollEvent(&event) != 0;
    // No timer due: sleep until an event, waking once a minute only as a safety net.
    int timeoutMs = 60'000;
    if (deadline) {
        auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - clock.now()).count();
        timeoutMs = static_cast<int>(std::clamp<long long>(ms + 1, 0, 60'000));
    }
    if (maxSleep) timeoutMs = std::min(timeoutMs, static_cast<int>(maxSleep->count()));
    const bool got = SDL_WaitEventTimeout(&event, timeoutMs) != 0;
    if (!got && deadline && clock.now() >= *deadline) timerFired_ = true;
    return got;
}

void FramePacer::framePresented() {
    if (owed_ > 0) --owed_;
    timerFired_ = false;
}

bool StableFrameDetector::isStable(const ImDrawData* data) {
    // FNV-1a over every vertex and index of the frame.
    unsigned long long hash = 1469598103934665603ull;
    auto mix = [&](const void* p, size_t n) {
        auto* b = static_cast<const unsigned char*>(p);
        for (size_t i = 0; i < n; ++i)
            hash = (hash ^ b[i]) * 1099511628211ull;
    };
    for (int i = 0; data && i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        mix(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    }
    ++frames_;
    const bool same = frames_ > 1 && hash == lastHash_;
    lastHash_ = hash;
    return (same && frames_ >= 4) || frames_ >= 60;
}

} // namespace passerelle::app
