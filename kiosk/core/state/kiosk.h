#pragma once
#include "core/state/clock.h"
#include "core/state/intent.h"
#include "core/state/kiosk_state.h"

#include <functional>
#include <optional>

namespace passerelle {

// The kiosk's navigation and session state machine: intents in, state out. It owns the idle
// timer; the app asks nextDeadline() how long it may sleep.
class Kiosk {
  public:
    struct Options {
        std::string defaultLanguage = "en";
        std::vector<LanguageChoice> offeredLanguages;
        IdleSettings idle;
    };
    // Called when a session starts / ends, so the session store can begin and wipe.
    struct Hooks {
        std::function<void(const std::string& language)> sessionStarted;
        std::function<void(SessionEnd)> sessionEnded;
        std::function<void(const std::string& language)> languageChanged;
    };

    Kiosk(Options options, const Clock& clock);

    void setHooks(Hooks hooks) { hooks_ = std::move(hooks); }
    void dispatch(const Intent& intent);
    // Advances timers to the clock's now; returns true if the state changed.
    bool tick();
    const KioskState& state() const { return state_; }
    // When the next timer is due (idle warning, countdown second, session end); none when idle
    // on the welcome screen.
    std::optional<Clock::time_point> nextDeadline() const;

  private:
    void startSession();
    void endSession(SessionEnd why);
    void setLanguage(const std::string& language);
    void open(ScreenId screen);

    Options options_;
    const Clock& clock_;
    Hooks hooks_;
    KioskState state_;
    Clock::time_point lastTouch_{};
};

} // namespace passerelle
