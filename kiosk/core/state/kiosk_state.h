#pragma once
#include "core/state/resident_views.h"
#include "core/state/screen_id.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace passerelle {

class Session;
class ContentCatalog;
struct PrivateInput;

struct LanguageChoice {
    std::string code;       // "fr"
    std::string nativeName; // "Français", in its own script
    bool rightToLeft = false;
};

struct IdleSettings {
    std::chrono::seconds timeout{60};   // no touch for this long → "Are you still there?"
    std::chrono::seconds countdown{30}; // then this long to answer before the session ends
};

enum class SessionEnd { Finished, IdleTimeout, EndedByStaff };

// Everything a frame needs to draw. Screens are functions of this; nothing personal lives here.
struct KioskState {
    ScreenId screen = ScreenId::Welcome;
    std::vector<ScreenId> history; // for Back; empty on Home
    std::string language;
    std::string defaultLanguage;
    std::vector<LanguageChoice> offeredLanguages;
    std::vector<LanguageChoice> availableLanguages; // every catalog (staff settings)
    bool sessionActive = false;
    bool idleWarning = false; // the full-screen countdown is showing
    int idleSecondsLeft = 0;  // while idleWarning
    int sessionsEnded = 0;
    std::optional<SessionEnd> lastSessionEnd;

    Focus focus = Focus::None; // which field the on-screen keyboard types into
    KeyboardView keyboard;
    std::string searchQuery; // the service/lesson search box (not sent anywhere)
    ServiceView service;
    LessonView lesson;
    AccessibilitySettings accessibility;
    SpeechRequest speech;
    bool helpRequested = false;
    StaffView staff;       // staff mode (PIN pad, panel)
    SyncStatusView sync;   // what the sync client reports, for the staff panel
    bool assisted = false; // an assisted session started by a mediator
    std::string mediatorName;
    // Read-only view of what the resident typed (guarded memory in the Session), for drawing.
    const Session* session = nullptr;
    // Non-personal content: the installed packs, for lists and screens.
    const ContentCatalog* content = nullptr;
    // Learner code / PIN and staff PIN being typed (drawn masked).
    const PrivateInput* input = nullptr;

    bool rightToLeft() const;
};

} // namespace passerelle
