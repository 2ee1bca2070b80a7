#include "options.h"

#include "passerelle/version.h"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace passerelle::app {

std::string usage() {
    return "usage: passerelle-kiosk [options]\n"
           "\n"
           "Touchscreen kiosk for digital-inclusion access points.\n"
           "\n"
           "  --data-dir DIR       where the kiosk keeps its database, keys and packs\n"
           "                       (default: $STATE_DIRECTORY under systemd, else "
           "~/.local/share/passerelle)\n"
           "  --config FILE        kiosk configuration (default: DIR/config.json)\n"
           "  --demo               use the demo configuration and demo content pack\n"
           "  --lang CODE          start in this language (en, fr, es, ar, pt, nl)\n"
           "  --size WxH           window size in pixels (default 1280x800)\n"
           "  --fullscreen         fill the screen (what the kiosk service uses)\n"
           "  --gles               OpenGL ES 3 context (Raspberry Pi); --gl for desktop OpenGL 3\n"
           "  --screenshot FILE    render until the frame is stable, write FILE as PNG, exit\n"
           "  --show SCREEN        open SCREEN first (welcome, home, learn, services, help, "
           "accessibility)\n"
           "  --script FILE        play FILE: taps, drags, typing, waits, screenshots (see\n"
           "                       kiosk/app/script.h), then exit\n"
           "  --frame-stats FILE   on exit, write each frame's CPU and wall time to FILE\n"
           "  --high-contrast      start with the high-contrast theme\n"
           "  --text-scale X       start with text scaled by X (1.0 to 1.6)\n"
           "  --create-admin NAME  create the kiosk's first admin (PIN read twice from stdin), "
           "exit\n"
           "  --version            print the version and exit\n"
           "  --help               print this help and exit\n";
}

std::filesystem::path defaultDataDir() {
    if (const char* state = std::getenv("STATE_DIRECTORY"); state && *state) {
        std::string_view s(state);
        return std::filesystem::path(std::string(s.substr(0, s.find(':'))));
    }
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "passerelle";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local/share/passerelle";
    return "/var/lib/passerelle";
}

namespace {
bool parseSize(std::string_view text, int& w, int& h) {
    auto x = text.find('x');
    if (x == std::string_view::npos) return false;
    auto a = std::from_chars(text.data(), text.data() + x, w);
    auto b = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
    return a.ec == std::errc() && a.ptr == text.data() + x && b.ec == std::errc() &&
           b.ptr == text.data() + text.size() && w >= 320 && h >= 240 && w <= 8192 && h <= 8192;
}
} // namespace

ParseResult parseOptions(int argc, char** argv) {
    ParseResult r;
    auto fail = [&](const std::string& why) {
        r.outcome = ParseOutcome::ExitUsage;
        r.message = "passerelle-kiosk: " + why + "\n\n" + usage();
        return r;
    };
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return !out.empty();
        };
        std::string v;
        if (arg == "--help" || arg == "-h") {
            r.outcome = ParseOutcome::ExitOk;
            r.message = usage();
            return r;
        } else if (arg == "--version") {
            r.outcome = ParseOutcome::ExitOk;
            r.message = std::string("passerelle-kiosk ") + PASSERELLE_VERSION + "\n";
            return r;
        } else if (arg == "--data-dir") {
            if (!value(v)) return fail("--data-dir needs a folder");
            r.options.dataDir = v;
        } else if (arg == "--config") {
            if (!value(v)) return fail("--config needs a file");
            r.options.configFile = v;
        } else if (arg == "--screenshot") {
            if (!value(v)) return fail("--screenshot needs a file name");
            r.options.screenshot = v;
        } else if (arg == "--script") {
            if (!value(v)) return fail("--script needs a file");
            r.options.script = v;
        } else if (arg == "--frame-stats") {
            if (!value(v)) return fail("--frame-stats needs a file name");
            r.options.frameStats = v;
        } else if (arg == "--show") {
            if (!value(v)) return fail("--show needs a screen name");
            r.options.startScreen = v;
        } else if (arg == "--size") {
            if (!value(v) || !parseSize(v, r.options.width, r.options.height))
                return fail("--size needs WxH, for example 1280x800");
        } else if (arg == "--lang") {
            if (!value(v) || v.size() > 8) return fail("--lang needs a language code such as fr");
            r.options.language = v;
        } else if (arg == "--text-scale") {
            if (!value(v)) return fail("--text-scale needs a number");
            float s = 0;
            auto res = std::from_chars(v.data(), v.data() + v.size(), s);
            if (res.ec != std::errc() || s < 1.0f || s > 1.6f)
                return fail("--text-scale must be between 1.0 and 1.6");
            r.options.textScale = s;
        } else if (arg == "--create-admin") {
            if (!value(v)) return fail("--create-admin needs the admin's name");
            r.options.createAdmin = v;
        } else if (arg == "--fullscreen") {
            r.options.fullscreen = true;
        } else if (arg == "--gles") {
            r.options.gles = true;
        } else if (arg == "--gl") {
            r.options.gles = false;
        } else if (arg == "--demo") {
            r.options.demo = true;
        } else if (arg == "--high-contrast") {
            r.options.highContrast = true;
        } else {
            return fail("unknown option '" + std::string(arg) + "'");
        }
    }
    return r;
}

} // namespace passerelle::app
