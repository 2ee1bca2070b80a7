#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace passerelle::app {

struct Options {
    std::filesystem::path dataDir; // empty: default for this user (see defaultDataDir)
    std::filesystem::path configFile;
    std::filesystem::path screenshot; // write a PNG of the first stable frame, then exit
    std::string startScreen;          // --show: open this screen first (docs, screenshots)
    std::filesystem::path script;     // --script: drive the kiosk with taps, drags and typing
    std::filesystem::path frameStats; // --frame-stats: per-frame CPU/wall times, written on exit
    int width = 1280;
    int height = 800;
    std::string language; // empty: the configured default
    bool fullscreen = false;
#ifdef PASSERELLE_DEFAULT_GLES
    bool gles = true; // built for the Pi
#else
    bool gles = false;
#endif
    bool demo = false;
    bool highContrast = false;
    float textScale = 1.0f;
    std::string createAdmin; // --create-admin NAME
};

enum class ParseOutcome { Run, ExitOk, ExitUsage };

struct ParseResult {
    ParseOutcome outcome = ParseOutcome::Run;
    Options options;
    std::string message; // usage/version text, or the error
};

ParseResult parseOptions(int argc, char** argv);
std::string usage();

// $STATE_DIRECTORY under systemd (StateDirectory=passerelle → /var/lib/passerelle), otherwise
// $XDG_DATA_HOME/passerelle or ~/.local/share/passerelle.
std::filesystem::path defaultDataDir();

} // namespace passerelle::app
