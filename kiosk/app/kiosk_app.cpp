#include "kiosk_app.h"

#include "adjustable_clock.h"
#include "app_fonts.h"
#include "font_loader.h"
#include "frame_pacer.h"
#include "frame_stats.h"
#include "gl_driver_preload.h"
#include "gl_image_source.h"
#include "gl_window.h"
#include "resources.h"
#include "screenshot.h"
#include "script_player.h"
#include "speech.h"
#include "start_trace.h"
#include "systemd_notify.h"
#include "ui/widgets/image_view.h"
#include "ui/widgets/scroll_area.h"

#include "core/resident/kiosk_runtime.h"
#include "core/state/kiosk.h"
#include "ui/kiosk_ui.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <malloc.h>
#include <memory>

namespace passerelle::app {

namespace {
// The configured languages that have a catalog, in the catalogs' display order (all of them when
// none of the configured ones can be shown).
std::vector<LanguageChoice> offeredLanguages(const i18n::I18n& i18n,
                                             const std::vector<std::string>& configured) {
    std::vector<LanguageChoice> out;
    for (auto& lang : i18n.languages())
        if (configured.empty() ||
            std::find(configured.begin(), configured.end(), lang.code) != configured.end())
            out.push_back({lang.code, lang.nativeName, lang.rtl});
    if (out.empty())
        for (auto& lang : i18n.languages())
            out.push_back({lang.code, lang.nativeName, lang.rtl});
    return out;
}

// Gives the pages of freed memory back to the system: glibc keeps them in its arenas (one per
// thread that allocated), where the fonts' worker left the font files and atlas images it no
// longer needs. About 2.6 MiB after the start; called again when each visit ends.
void returnFreedMemory() {
    malloc_trim(0);
}

bool isTouchOrClick(const SDL_Event& e) {
    return e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN || e.type == SDL_KEYDOWN;
}

bool isInput(const SDL_Event& e) {
    switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
    case SDL_WINDOWEVENT:
        return true;
    default:
        return false;
    }
}

} // namespace

int runKiosk(const Options& options) {
    StartTrace startTrace;
    startTrace.mark("main");
    std::optional<GlDriverPreload> glDriver(std::in_place); // while catalogs and data open
    const std::filesystem::path dataDir =
        options.dataDir.empty() ? defaultDataDir() : options.dataDir;

    i18n::I18n i18n;
    if (auto loaded = i18n.load(localesDir()); !loaded) {
        std::fprintf(stderr, "passerelle-kiosk: %s\n", loaded.error().c_str());
        return 1;
    } else {
        for (auto& warning : loaded->warnings)
            std::fprintf(stderr, "passerelle-kiosk: %s\n", warning.c_str());
    }

    startTrace.mark("catalogs");

    KioskRuntime::Options runtimeOptions;
    runtimeOptions.dataDir = dataDir;
    runtimeOptions.configFile = options.configFile;
    runtimeOptions.demoKeysDir = demoKeysDir();
    runtimeOptions.demoPackFile = demoPackFile();
    const auto configPath =
        options.configFile.empty() ? dataDir / KioskConfig::kFileName : options.configFile;
    runtimeOptions.demo = options.demo || !std::filesystem::exists(configPath);
    if (runtimeOptions.demo && !options.demo)
        std::fprintf(
            stderr,
            "passerelle-kiosk: no configuration in %s: starting with the DEMO configuration "
            "(public demo keys; enrol the kiosk at the city for real use)\n",
            configPath.c_str());
    auto runtime = KioskRuntime::open(runtimeOptions);
    if (!runtime) {
        std::fprintf(stderr, "passerelle-kiosk: %s\n", runtime.error().c_str());
        return 1;
    }
    for (auto& warning : (*runtime)->warnings())
        std::fprintf(stderr, "passerelle-kiosk: %s\n", warning.c_str());
    const KioskConfig& config = (*runtime)->config();
    startTrace.mark("runtime");

    std::optional<ScriptPlayer> script;
    if (!options.script.empty()) {
        auto steps = loadScript(options.script);
        if (!steps) {
            std::fprintf(stderr, "passerelle-kiosk: %s\n", steps.error().c_str());
            return 2;
        }
        script.emplace(std::move(*steps));
    }

    AdjustableClock clock;
    Kiosk::Options kioskOptions;
    kioskOptions.offeredLanguages = offeredLanguages(i18n, config.offeredLanguages);
    kioskOptions.availableLanguages = offeredLanguages(i18n, {});
    kioskOptions.defaultLanguage =
        !options.language.empty() ? options.language : config.defaultLanguage;
    kioskOptions.idle.timeout = std::chrono::seconds(config.idleTimeoutSeconds);
    kioskOptions.idle.countdown = std::chrono::seconds(config.idleCountdownSeconds);
    kioskOptions.longerTimeFactor = config.assistedTimeFactor;
    Kiosk kiosk(kioskOptions, clock);
    kiosk.setServices((*runtime)->services());
    // The sync worker runs on its own thread; offline is normal (the Sync tab says so). It
    // starts once the first frame is shown: its first act, loading libcurl, would compete with
    // the window's start on a two-core machine.
    SyncLink& sync = (*runtime)->syncLink();

    i18n.setLanguage(kiosk.state().language);
    bool fontsStale = false;
    kiosk.setHooks({.sessionStarted = {},
                    .sessionEnded = [](SessionEnd) { returnFreedMemory(); },
                    .languageChanged =
                        [&](const std::string& lang) {
                            i18n.setLanguage(lang);
                            fontsStale = true;
                        }});
    if (options.highContrast) kiosk.dispatch(intent::SetHighContrast{true});
    ScreenId first{};
    if (!options.startScreen.empty()) {
        if (!parseScreenName(options.startScreen, first)) {
            std::fprintf(stderr, "passerelle-kiosk: unknown screen '%s'\n",
                         options.startScreen.c_str());
            return 2;
        }
        if (first != ScreenId::Welcome) kiosk.dispatch(intent::Open{first});
    }

    static constexpr float kTextSteps[] = {1.0f, 1.25f, 1.5f}; // the accessibility panel's sizes
    int fontsTextSize = kiosk.state().accessibility.textSize;
    auto layoutScaleOf = [](int width, int height) {
        return std::min(width / 1280.0f, height / 800.0f);
    };
    auto fontScaleFor = [&](float layout) {
        return layout * options.textScale * kTextSteps[fontsTextSize];
    };

    startTrace.mark("state");
    if (auto started = GlWindow::startVideo(); !started) {
        std::fprintf(stderr, "passerelle-kiosk: %s\n", started.error().c_str());
        return 1;
    }
    startTrace.mark("sdl-init");
    // The fonts are rasterized on a worker while the window and its GL context open, for the
    // size the window is about to get (checked below).
    int w = options.width, h = options.height;
    if (options.fullscreen) GlWindow::desktopSize(w, h);
    FontLoader fontLoader(i18n, fontScaleFor(layoutScaleOf(w, h)));
    glDriver.reset(); // joined: SDL would wait for the loader anyway
    auto window = GlWindow::create(options.width, options.height, options.fullscreen, options.gles);
    if (!window) {
        std::fprintf(stderr, "passerelle-kiosk: %s\n", window.error().c_str());
        return 1;
    }
    std::unique_ptr<GlWindow> win(*window);
    startTrace.mark("window");
    auto fonts = fontLoader.fonts();
    startTrace.mark("fonts");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext(fontLoader.atlas()); // only now: see FontLoader
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    if (options.fullscreen) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    win->attachImGui();

    SDL_GetWindowSize(win->sdl(), &w, &h);
    const float layoutScale = layoutScaleOf(w, h);
    ui::KioskUi kioskUi(i18n);
    kioskUi.setHighContrast(kiosk.state().accessibility.highContrast);
    ui::applyStyle(kioskUi.palette(), layoutScale);
    bool highContrast = kiosk.state().accessibility.highContrast;
    auto fontScale = [&] { return fontScaleFor(layoutScale); };
    if (fonts && fontScale() != fontLoader.scale()) // the window got another size than asked
        fonts = buildKioskFonts(*io.Fonts, i18n, fontScale());
    if (!fonts) {
        std::fprintf(stderr, "passerelle-kiosk: %s\n", fonts.error().c_str());
        return 1;
    }
    kioskUi.setFonts(*fonts);

    GlImageSource images; // slide pictures as GL textures
    ui::setImageSource(&images);
    // The speech engine starts with the first read-aloud request (no audio when taking a
    // screenshot or playing a script): most visits never use it, and espeak-ng with the sound
    // server's client costs about 1.7 MiB and a few ms of CPU that the first screen does not need.
    std::optional<Speech> speech;
    const bool wantsSpeech = options.screenshot.empty() && !script;
    int spokenSerial = kiosk.state().speech.serial;
    const auto watchdogSleep = watchdogMaxSleep();

    FramePacer pacer;
    StableFrameDetector stable;
    FrameStats frameStats;
    int exitCode = 0;
    std::vector<Intent> intents;
    bool firstFramePresented = false;
    bool running = true;
    while (running) {
        SDL_Event event;
        if (!options.screenshot.empty()) pacer.wake(); // keep drawing until the frame is stable
        notifyWatchdog();
        // While a finger is down (staff long-press) or a list still glides, keep drawing.
        if (ImGui::GetCurrentContext() && (ImGui::GetIO().MouseDown[0] || ui::scrollAnimating()))
            pacer.wake();
        auto deadline = kiosk.nextDeadline();
        if (auto poll = sync.nextPoll(kiosk.state(), clock.now()))
            deadline = deadline ? std::min(*deadline, *poll) : *poll;
        if (script && script->wantsFrames()) pacer.wake();
        if (script && script->waitEnds()) {
            const auto ends =
                clock.now() + (*script->waitEnds() - std::chrono::steady_clock::now());
            deadline = deadline ? std::min(*deadline, ends) : ends;
        }
        bool got = pacer.wait(event, deadline, clock, watchdogSleep);
        frameStats.frameStarts();
        if (script && script->waitEnds() && std::chrono::steady_clock::now() >= *script->waitEnds())
            pacer.wake(); // one frame, so the script moves on
        while (got) {
            ImGui_ImplSDL2_ProcessEvent(&event);
            if (event.type == SDL_QUIT) running = false;
            if (isInput(event)) pacer.wake();
            // A touch anywhere proves someone is there (not during the countdown: its own
            // button answers, so the tap cannot fall through to the screen below).
            if (isTouchOrClick(event) && !kiosk.state().idleWarning)
                kiosk.dispatch(intent::Touch{});
            got = SDL_PollEvent(&event);
        }
        if (kiosk.tick()) pacer.wake();
        if (sync.tick(kiosk)) pacer.wake(); // the staff panel's Sync tab, a connection test
        if (!pacer.shouldDraw() && options.screenshot.empty()) continue;

        if (highContrast != kiosk.state().accessibility.highContrast) {
            highContrast = kiosk.state().accessibility.highContrast;
            kioskUi.setHighContrast(highContrast);
            ui::applyStyle(kioskUi.palette(), layoutScale);
        }
        if (fontsStale || fontsTextSize != kiosk.state().accessibility.textSize) {
            fontsTextSize = kiosk.state().accessibility.textSize;
            auto rebuilt = buildKioskFonts(*io.Fonts, i18n, fontScale());
            if (!rebuilt) {
                std::fprintf(stderr, "passerelle-kiosk: %s\n", rebuilt.error().c_str());
                return 1;
            }
            kioskUi.setFonts(*rebuilt);
            win->rebuildFontTexture();
            fontsStale = false;
        }
        win->beginFrame();
        if (script) { // the script's finger replaces the pointer
            const auto finger = script->finger();
            io.MousePos = ImVec2(finger.x, finger.y);
            io.MouseDown[0] = finger.down;
            if (script->pressingNow() && !kiosk.state().idleWarning)
                kiosk.dispatch(intent::Touch{});
        }
        ImGui::NewFrame();
        startTrace.mark("frame-begun");
        kioskUi.draw(kiosk.state(), intents);
        startTrace.mark("ui-built");
        ImGui::Render();
        const ui::Rgb& background = kioskUi.palette().background;
        win->render({background.r(), background.g(), background.b()});
        startTrace.mark("frame-drawn");
        for (auto& i : intents)
            kiosk.dispatch(i);
        if (kiosk.state().speech.serial != spokenSerial) {
            spokenSerial = kiosk.state().speech.serial;
            if (wantsSpeech && !speech) speech.emplace();
            if (speech) speech->speak(kiosk.state().speech);
        }
        if (!intents.empty()) pacer.wake();
        intents.clear();

        if (!options.screenshot.empty() && stable.isStable(ImGui::GetDrawData())) {
            int pw = 0, ph = 0;
            std::string rgba = win->readPixels(pw, ph);
            if (auto written = writePng(options.screenshot, rgba, pw, ph); !written) {
                std::fprintf(stderr, "passerelle-kiosk: %s\n", written.error().c_str());
                return 1;
            }
            return 0;
        }
        if (script) {
            const bool frameStable = stable.isStable(ImGui::GetDrawData());
            auto actions = script->afterFrame(kioskUi.lastFrame(), frameStable,
                                              std::chrono::steady_clock::now());
            if (!actions.error.empty()) {
                std::fprintf(stderr, "passerelle-kiosk: %s\n", actions.error.c_str());
                exitCode = 3;
                running = false;
            }
            if (actions.screenshot) {
                int pw = 0, ph = 0;
                std::string rgba = win->readPixels(pw, ph);
                if (auto written = writePng(*actions.screenshot, rgba, pw, ph); !written) {
                    std::fprintf(stderr, "passerelle-kiosk: %s\n", written.error().c_str());
                    exitCode = 1;
                    running = false;
                }
            }
            if (actions.advanceClock.count() > 0) clock.advance(actions.advanceClock);
            if (actions.quit) running = false;
        }
        win->swap();
        frameStats.frameEnds(script ? script->phase() : "run");
        pacer.framePresented();
        if (!firstFramePresented) {
            firstFramePresented = true;
            startTrace.reportFirstFrame();
            notifyReady();
            (*runtime)->startSync();
            returnFreedMemory(); // the fonts' worker, the atlas images and the TTF copies
        }
    }
    notifyStopping();
    if (!options.frameStats.empty())
        if (auto written = frameStats.write(options.frameStats); !written) {
            std::fprintf(stderr, "passerelle-kiosk: %s\n", written.error().c_str());
            exitCode = 1;
        }
    ui::setImageSource(nullptr);
    images.clear(); // textures go while the GL context is still current
    win.reset();    // backends first, then the context they belong to
    ImGui::DestroyContext();
    return exitCode;
}

} // namespace passerelle::app
