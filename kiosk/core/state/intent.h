#pragma once
#include "core/state/screen_id.h"

#include <cstddef>
#include <string>
#include <variant>

namespace passerelle {

// Which text field the on-screen keyboard types into.
enum class Focus {
    None,
    Search,
    Answer,
    LearnerCode,
    LearnerPin,
    StaffPin,
    StaffName,     // a new staff member's name (admin form)
    StaffNewPin,   // the new member's PIN, then the same PIN again
    StaffPackPath, // a typed path to a pack file
    StaffCityUrl,  // the city server address (settings)
};

// What a touch means. The UI emits intents; only the core changes state in answer to them.
namespace intent {
// --- navigation and session ---
struct Touch {}; // any touch: the resident is still there
struct ChooseLanguage {
    std::string language;
};                      // also starts the session from the welcome screen
struct StartSession {}; // tap anywhere on the welcome screen
struct Open {
    ScreenId screen;
};
struct Back {};
struct Finish {};    // the resident is done: end and wipe the session
struct StillHere {}; // dismiss the "Are you still there?" countdown
struct EndSessionByStaff {};

// --- text entry (on-screen keyboard, numeric pad) ---
struct FocusField {
    Focus field;
};
struct TypeText {
    std::string text;
};                        // appended to the focused field
struct DeleteBackward {}; // one character (code point) from the focused field
struct ClearField {};
struct ToggleShift {};
struct SwitchKeyboardPage {
    int page;
}; // 0 letters, 1 digits and symbols, 2 accented letters

// --- e-services ---
struct OpenService {
    std::string packId;
    std::string flowId;
};
struct SetAnswer {
    std::string value;
}; // choice, yes/no, consent, date: replaces the answer
struct ToggleOption {
    std::string value;
}; // multiple choice
struct NextStep {};
struct PreviousStep {};
struct EditStep {
    std::size_t stepIndex;
}; // from the review screen
struct Submit {};

// --- lessons ---
struct OpenLesson {
    std::string packId;
    std::string lessonId;
};
struct NextSlide {};
struct PreviousSlide {};
struct ChooseQuizAnswer {
    std::size_t choice;
};
struct NextQuestion {};
struct ResumeLearner {}; // code + PIN typed in the LearnerCode / LearnerPin fields
struct SaveLearner {};   // remember progress under a new code + PIN

// --- accessibility, speech, help ---
struct SetTextSize {
    int step;
}; // 0 normal, 1 large, 2 largest
struct SetHighContrast {
    bool on;
};
struct SetReadAloud {
    bool on;
};
struct SetVolume {
    int percent;
};
struct SetMoreTime {
    bool on;
};
struct Speak {
    std::string text;
}; // the speaker button: read this instruction aloud
struct RequestHelp {};
struct CancelHelp {};

// --- staff mode ---
struct StaffLongPress {}; // the hidden gesture (3 s in the top-left corner of the welcome screen)
struct ChooseStaffMember {
    std::string staffId;
}; // on the PIN pad: whose PIN is typed
struct SubmitStaffPin {};
struct SignOutStaff {};
struct OpenStaffTab {
    int tab;
}; // StaffView::Tab
struct StartAssisted {};
struct FindUsbPacks {};
struct InstallPackFromPath {
    std::string path;
};
struct RollbackPack {
    std::string packId;
};
struct UnlockStaff {
    std::string staffId;
};
struct HandleHelpRequest {};
struct TestCityConnection {};
struct OpenStaffForm {
    int form; // StaffView::Form
};
struct CloseStaffForm {};
struct ConfirmStaffForm {}; // next step, or do it (the keyboard's Enter key too)
struct SetNewMemberRole {
    bool admin;
};
struct SetIdleTimeout {
    int seconds;
}; // settings draft
struct SetDefaultLanguage {
    std::string language;
};
struct ToggleOfferedLanguage {
    std::string language;
};
struct SaveStaffSettings {};
} // namespace intent

using Intent = std::variant<
    intent::Touch, intent::ChooseLanguage, intent::StartSession, intent::Open, intent::Back,
    intent::Finish, intent::StillHere, intent::EndSessionByStaff, intent::FocusField,
    intent::TypeText, intent::DeleteBackward, intent::ClearField, intent::ToggleShift,
    intent::SwitchKeyboardPage, intent::OpenService, intent::SetAnswer, intent::ToggleOption,
    intent::NextStep, intent::PreviousStep, intent::EditStep, intent::Submit, intent::OpenLesson,
    intent::NextSlide, intent::PreviousSlide, intent::ChooseQuizAnswer, intent::NextQuestion,
    intent::ResumeLearner, intent::SaveLearner, intent::SetTextSize, intent::SetHighContrast,
    intent::SetReadAloud, intent::SetVolume, intent::SetMoreTime, intent::Speak,
    intent::RequestHelp, intent::CancelHelp, intent::StaffLongPress, intent::ChooseStaffMember,
    intent::SubmitStaffPin, intent::SignOutStaff, intent::OpenStaffTab, intent::StartAssisted,
    intent::FindUsbPacks, intent::InstallPackFromPath, intent::RollbackPack, intent::UnlockStaff,
    intent::HandleHelpRequest, intent::TestCityConnection, intent::OpenStaffForm,
    intent::CloseStaffForm, intent::ConfirmStaffForm, intent::SetNewMemberRole,
    intent::SetIdleTimeout, intent::SetDefaultLanguage, intent::ToggleOfferedLanguage,
    intent::SaveStaffSettings>;

// For logs and test failure messages. Never includes typed text (it may be personal).
std::string describe(const Intent& intent);

} // namespace passerelle
