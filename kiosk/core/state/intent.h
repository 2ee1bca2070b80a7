#pragma once
#include "core/state/screen_id.h"

#include <string>
#include <variant>

namespace passerelle {

// What a touch means. The UI emits intents; only the core changes state in answer to them.
namespace intent {
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
} // namespace intent

using Intent =
    std::variant<intent::Touch, intent::ChooseLanguage, intent::StartSession, intent::Open,
                 intent::Back, intent::Finish, intent::StillHere, intent::EndSessionByStaff>;

std::string describe(const Intent& intent); // for logs and test failure messages

} // namespace passerelle
