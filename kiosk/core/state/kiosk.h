#pragma once
#include "core/resident/kiosk_services.h"
#include "core/resident/private_input.h"
#include "core/state/clock.h"
#include "core/state/intent.h"
#include "core/state/kiosk_state.h"

#include <functional>
#include <optional>

namespace passerelle {

// The kiosk's state machine: intents in, state out. Owns navigation, the session lifecycle and
// the idle timer, and hands feature intents (text entry, e-services, lessons, accessibility,
// help) to their controllers in kiosk/core/resident/. The app asks nextDeadline() how long it
// may sleep.
class Kiosk {
  public:
    struct Options {
        std::string defaultLanguage = "en";
        std::vector<LanguageChoice> offeredLanguages;
        // Every language the kiosk can show (its catalogs), for the settings; empty: the offered.
        std::vector<LanguageChoice> availableLanguages;
        IdleSettings idle;
        double longerTimeFactor = 3.0; // "more time" and assisted sessions
    };
    // Called when a session starts / ends and when the language changes (fonts, speech).
    struct Hooks {
        std::function<void(const std::string& language)> sessionStarted;
        std::function<void(SessionEnd)> sessionEnded;
        std::function<void(const std::string& language)> languageChanged;
    };

    Kiosk(Options options, const Clock& clock);

    void setHooks(Hooks hooks) { hooks_ = std::move(hooks); }
    // Store, session, sealer, content: what the features need. Without them only navigation works.
    void setServices(KioskServices services);
    const KioskServices& services() const { return services_; }

    void dispatch(const Intent& intent);
    // Advances timers to the clock's now; returns true if the state changed.
    bool tick();
    const KioskState& state() const { return state_; }
    // When the next timer is due (idle warning, countdown second, session end); none when idle
    // on the welcome screen.
    std::optional<Clock::time_point> nextDeadline() const;

    // Settings an admin saved in the staff panel, applied at once: the idle time for the next
    // touch, the offered languages, and the default language for the next visit.
    void applySettings(int idleTimeoutSeconds, const std::string& defaultLanguage,
                       const std::vector<std::string>& offeredLanguages);
    // The sync worker's status and a connection test's answer (UI thread, from SyncLink::tick).
    void setSyncStatus(SyncStatusView status);
    void setConnectionTestResult(std::string result);

    // Starts an assisted session for a mediator (staff mode); the resident is then shown Home.
    void startAssistedSession(const std::string& mediatorId, const std::string& mediatorName);

  private:
    bool handleNavigation(const Intent& intent);
    void startSession();
    void endSession(SessionEnd why);
    void setLanguage(const std::string& language);
    std::chrono::seconds idleTimeout() const;
    std::chrono::seconds idleCountdown() const;

    Options options_;
    const Clock& clock_;
    Hooks hooks_;
    KioskServices services_;
    PrivateInput input_;
    KioskState state_;
    Clock::time_point lastTouch_{};
    std::string mediatorId_;
};

} // namespace passerelle
