#pragma once
#include <chrono>
#include <expected>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace passerelle::app {

// A `--script` file drives the kiosk like a finger would, for reproducible screenshots and for
// the benchmarks' scrolling and typing figures. One command per line, `#` starts a comment:
//   tap ID-OR-LABEL        tap the centre of a touch target shown on screen (waits up to 5 s
//                          for it to appear)
//   tap-at X Y             tap a point (window pixels)
//   drag X Y DX DY MS      press at X,Y, move by DX,DY over MS milliseconds, release
//   type TEXT              tap the on-screen keyboard's keys for TEXT (rest of the line)
//   wait MS                let MS milliseconds pass (real time; the kiosk draws only if it must)
//   advance-clock SECONDS  move the kiosk's clock forward (idle timeout, countdown, lockouts)
//   mark NAME              name the phase for --frame-stats
//   screenshot FILE        once the frame is stable, write it as PNG
//   quit                   leave the kiosk (also what happens after the last line)
namespace script {
struct Tap {
    std::string target;
};
struct TapAt {
    float x = 0, y = 0;
};
struct Drag {
    float x = 0, y = 0, dx = 0, dy = 0;
    std::chrono::milliseconds duration{0};
};
struct Type {
    std::string text;
};
struct Wait {
    std::chrono::milliseconds duration{0};
};
struct AdvanceClock {
    std::chrono::seconds by{0};
};
struct Mark {
    std::string phase;
};
struct Screenshot {
    std::filesystem::path file;
};
struct Quit {};
} // namespace script

using ScriptCommand =
    std::variant<script::Tap, script::TapAt, script::Drag, script::Type, script::Wait,
                 script::AdvanceClock, script::Mark, script::Screenshot, script::Quit>;

struct ScriptStep {
    int line = 0;
    ScriptCommand command;
};

// Errors name the line: "line 3: drag needs X Y DX DY MS".
std::expected<std::vector<ScriptStep>, std::string> parseScript(const std::string& text);
std::expected<std::vector<ScriptStep>, std::string> loadScript(const std::filesystem::path& file);

} // namespace passerelle::app
