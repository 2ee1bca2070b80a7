#pragma once
// Parts of KioskState for the resident features. Each is drawn by its own screens and changed
// only by its own controller in kiosk/core/resident/.
#include "core/flow/flow.h"
#include "core/flow/flow_engine.h"
#include "core/flow/validation_error.h"
#include "core/lesson/lesson.h"
#include "core/pack/pack.h"
#include "core/state/intent.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace passerelle {

struct KeyboardView {
    bool shift = false;
    int page = 0; // 0 letters, 1 digits and symbols, 2 accented letters
};

struct ServiceView {
    std::shared_ptr<const pack::Pack> pack;
    const flow::Flow* flow = nullptr;
    std::shared_ptr<const flow::FlowEngine> engine;
    std::size_t step = 0;                       // index into flow->steps
    flow::Progress progress;                    // k of n visible steps
    std::optional<flow::ValidationError> error; // shown next to the field
    bool returnToReview = false;                // editing one answer from the review screen
    std::string referenceCode;                  // after sending
    std::int64_t sequence = 0;
    std::string submitError; // plain words; nothing typed is lost
    bool active() const { return flow != nullptr; }
};

struct LessonView {
    enum class Stage { Slides, Quiz, Done };
    std::shared_ptr<const pack::Pack> pack;
    const lesson::Lesson* lesson = nullptr;
    Stage stage = Stage::Slides;
    std::size_t slide = 0;
    std::size_t question = 0;
    std::optional<std::size_t> chosen; // the answer picked for the current question
    int rightAnswers = 0;
    std::string learnerMessage; // "code or PIN not recognised", "progress saved", ...
    bool active() const { return lesson != nullptr; }
};

struct AccessibilitySettings {
    int textSize = 0; // 0 normal, 1 large, 2 largest
    bool highContrast = false;
    bool readAloud = false;
    int volume = 70; // percent; reset for every visit (Section 508 §402.3.2)
    bool moreTime = false;
    bool operator==(const AccessibilitySettings&) const = default;
};

// A request for the app to speak (read-aloud): it speaks when `serial` changes.
struct SpeechRequest {
    std::string text;
    std::string language;
    int volume = 70;
    int serial = 0;
};

// Sync as the staff panel shows it; filled by the app from the sync client (the lead wires it).
struct SyncStatusView {
    bool connected = false; // false: no sync client wired yet ("not connected yet")
    // "idle", "syncing", "offline", "not-enrolled", "refused", "kiosk-error", "stopped" (the UI
    // says each in plain words)
    std::string state;
    std::string lastSuccess; // local time text, empty if never
    std::int64_t queueLength = 0;
    std::string lastError;   // plain words, empty when fine
    std::string nextAttempt; // local time text
    bool operator==(const SyncStatusView&) const = default;
};

// Staff mode (kiosk/core/resident/staff_controller.cpp): the PIN pad and the staff panel. Only
// names, roles, ids, versions and counts: no resident data and never the PIN (that stays in
// PrivateInput::staffPin).
struct StaffView {
    enum class Tab { Help, Sync, Packs, Stats, Settings, Staff, Audit };
    struct Member {
        std::string staffId;
        std::string name;
        bool admin = false;
        bool locked = false;
    };
    struct PackRow {
        std::string id, title, version, previousVersion, publisher;
    };
    struct StatLine {
        std::string metric, dimension;
        std::int64_t count = 0;
    };
    struct AuditLine {
        std::string when, who, action, detail;
    };
    struct AssistedStart {
        std::string mediatorId; // the staff id
        std::string mediatorName;
    };
    // Kiosk settings as edited in the Settings tab (admin); saved to the data folder.
    struct Settings {
        int idleTimeoutSeconds = 0;
        std::string defaultLanguage;
        std::vector<std::string> offeredLanguages;
        std::string cityUrl;
        bool operator==(const Settings&) const = default;
    };
    // Admin forms drawn over the panel with the on-screen keyboard or the PIN pad.
    enum class Form { None, AddMember, PackPath, CityUrl };

    // Staff mode lasts while either screen is shown; it ends by itself after kStaffInactivity.
    std::chrono::steady_clock::time_point lastTouch{};
    // PIN pad
    std::vector<Member> members;
    std::optional<std::string> chosen; // staff id whose PIN is being typed
    std::string pinMessage;            // "Wrong PIN, 3 tries left", "Locked for 15 min", ...
    // Signed in
    std::optional<Member> signedIn;
    Tab tab = Tab::Help;
    std::string message; // the result of the last action, in plain words
    bool messageIsError = false;
    std::vector<PackRow> packs;
    std::vector<std::string> usbPackFiles;
    std::vector<StatLine> statsToday;
    std::vector<AuditLine> audit; // newest first, at most 50
    std::int64_t outboxCount = 0;
    int idleTimeoutSeconds = 0;
    std::string cityUrl;
    Settings settings;                       // as saved (what the kiosk uses now)
    Settings settingsDraft;                  // as being edited; "Save" validates and applies it
    std::optional<Settings> pendingSettings; // saved: the Kiosk applies it (idle, languages)
    Form form = Form::None;
    int formStep = 0;          // AddMember: 0 name and role, 1 new PIN, 2 the PIN again
    std::string newMemberName; // typed on the on-screen keyboard
    bool newMemberAdmin = false;
    std::string packPath;             // typed path to a .ppack (USB stick)
    std::string formMessage;          // encoded like `message`; always an error or a hint
    std::string connectionTestResult; // filled by the sync wiring
    int connectionTestRequests = 0;   // bumped by TestCityConnection; the app watches it
    std::optional<AssistedStart> pendingAssisted; // taken by the Kiosk (startAssistedSession)
    std::string assistedMediator;                 // staff id of the running assisted session
};

} // namespace passerelle
