#pragma once
#include "core/i18n/i18n.h"
#include "core/resident/kiosk_runtime.h"
#include "core/state/clock.h"
#include "core/state/kiosk.h"
#include "temp_dir.h"
#include "ui/kiosk_ui.h"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

struct ImGuiContext;

namespace passerelle::test {

// Runs the real kiosk screens in an ImGui context with no window and no GPU: synthetic touches
// on widgets found by id or label, a fake clock, and a record of what each frame showed and
// which intents reached the core. Wired like kiosk/app: a press is also a Touch for the core.
class ScreenHarness {
  public:
    struct Setup {
        int width = 1280;
        int height = 800;
        std::string defaultLanguage = "en";
        IdleSettings idle{};
        float textScale = 1.0f;
        bool highContrast = false;
        bool withRuntime = true; // a real store, session, sealer and the demo pack in a temp folder
        // The city server the demo configuration points at (empty: the demo default), and
        // whether the sync worker runs (it retries quickly in tests).
        std::string cityUrl;
        bool startSync = false;
        std::filesystem::path dataDir; // empty: a fresh temporary folder
    };
    ScreenHarness();
    explicit ScreenHarness(Setup setup);
    ~ScreenHarness();
    ScreenHarness(const ScreenHarness&) = delete;
    ScreenHarness& operator=(const ScreenHarness&) = delete;

    void frame();
    // Draws frames in real time (the sync worker runs on its own thread) until `done` is true or
    // `limit` passes; returns whether it became true.
    bool frameUntil(const std::function<bool()>& done,
                    std::chrono::milliseconds limit = std::chrono::seconds(20));
    // Finds the target (id first, then label) in the last frame and taps its centre.
    // Fails the current test (doctest) if no such target is shown.
    void tap(const std::string& idOrLabel);
    void tapAt(float x, float y);
    // A finger drag from (x, fromY) to (x, toY) over `steps` frames; it rests before lifting, so
    // the list does not glide on.
    void drag(float x, float fromY, float toY, int steps = 10);
    bool hasTarget(const std::string& idOrLabel) const {
        return shown().findTarget(idOrLabel) != nullptr;
    }
    bool showsText(const std::string& text) const { return shown().showsText(text); }
    // Moves the fake clock forward in one-second steps, drawing a frame after each.
    void wait(std::chrono::seconds duration);

    const ui::FrameRecord& shown() const { return ui_.lastFrame(); }
    const KioskState& state() const { return kiosk_.state(); }
    Kiosk& kiosk() { return kiosk_; }
    i18n::I18n& i18n() { return i18n_; }
    ManualClock& clock() { return clock_; }
    KioskRuntime& runtime() { return *runtime_; } // only with Setup::withRuntime
    const std::filesystem::path& dataDir() const { return dataDir_.path(); }
    std::filesystem::path kioskDataDir() const {
        return setup_.dataDir.empty() ? dataDir_.path() / "kiosk" : setup_.dataDir;
    }
    const std::vector<std::string>& intentLog() const { return intentLog_; }
    std::string describeScreen() const; // for failure messages

  private:
    void rebuildFonts();

    Setup setup_;
    TempDir dataDir_{"passerelle-screens"};
    std::unique_ptr<KioskRuntime> runtime_;
    ManualClock clock_;
    i18n::I18n i18n_;
    Kiosk kiosk_;
    ui::KioskUi ui_;
    ImGuiContext* context_ = nullptr;
    std::vector<Intent> intents_;
    std::vector<std::string> intentLog_;
    bool fontsStale_ = false;
    int fontsTextSize_ = 0;
};

} // namespace passerelle::test
