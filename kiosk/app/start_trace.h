#pragma once
// Where the kiosk's start-up time goes. With PASSERELLE_REPORT_FIRST_FRAME set (tests, the
// benchmark), the first presented frame prints one line per phase ("start-phase NAME SECONDS",
// wall-clock times) and then "first-frame-presented SECONDS"; the benchmark subtracts the time it
// spawned the process. Otherwise marks cost one clock read and nothing is printed.
#include <vector>

namespace passerelle::app {

class StartTrace {
  public:
    // `phase` names what has just finished; a string literal (kept as a pointer).
    void mark(const char* phase);
    // Prints the phases and the first-frame line once; later calls do nothing.
    void reportFirstFrame();

  private:
    struct Mark {
        const char* phase;
        double seconds;
    };
    std::vector<Mark> marks_;
    bool reported_ = false;
};

} // namespace passerelle::app
