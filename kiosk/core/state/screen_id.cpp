#include "core/state/screen_id.h"

#include <array>
#include <utility>

namespace passerelle {

namespace {
constexpr std::array<std::pair<ScreenId, std::string_view>, 12> kNames{{
    {ScreenId::Welcome, "welcome"},
    {ScreenId::Home, "home"},
    {ScreenId::Learn, "learn"},
    {ScreenId::Services, "services"},
    {ScreenId::Help, "help"},
    {ScreenId::Accessibility, "accessibility"},
    {ScreenId::ServiceStep, "service-step"},
    {ScreenId::ServiceReview, "service-review"},
    {ScreenId::ServiceReceipt, "service-receipt"},
    {ScreenId::Lesson, "lesson"},
    {ScreenId::StaffPin, "staff-pin"},
    {ScreenId::StaffPanel, "staff-panel"},
}};
} // namespace

std::string_view screenName(ScreenId screen) {
    for (auto& [id, name] : kNames)
        if (id == screen) return name;
    return "?";
}

bool parseScreenName(std::string_view name, ScreenId& out) {
    for (auto& [id, n] : kNames)
        if (n == name) {
            out = id;
            return true;
        }
    return false;
}

} // namespace passerelle
