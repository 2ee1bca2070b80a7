#pragma once
#include <expected>
#include <filesystem>
#include <string>
#include <vector>

namespace passerelle::app {

// --frame-stats: the UI thread's CPU time and the wall time of every drawn frame (input, layout,
// render, swap), tagged with the script's phase, written as `phase cpu_us wall_us` lines.
class FrameStats {
  public:
    void frameStarts();
    void frameEnds(const std::string& phase);
    std::expected<void, std::string> write(const std::filesystem::path& file) const;

  private:
    struct Frame {
        std::string phase;
        long long cpuMicros = 0, wallMicros = 0;
    };
    std::vector<Frame> frames_;
    long long cpuStart_ = 0, wallStart_ = 0;
};

} // namespace passerelle::app
