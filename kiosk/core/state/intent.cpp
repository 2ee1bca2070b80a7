#include "core/state/intent.h"

namespace passerelle {

namespace {
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
} // namespace

std::string describe(const Intent& intent) {
    return std::visit(
        Overloaded{
            [](const intent::Touch&) { return std::string("Touch"); },
            [](const intent::ChooseLanguage& i) { return "ChooseLanguage(" + i.language + ")"; },
            [](const intent::StartSession&) { return std::string("StartSession"); },
            [](const intent::Open& i) { return "Open(" + std::string(screenName(i.screen)) + ")"; },
            [](const intent::Back&) { return std::string("Back"); },
            [](const intent::Finish&) { return std::string("Finish"); },
            [](const intent::StillHere&) { return std::string("StillHere"); },
            [](const intent::EndSessionByStaff&) { return std::string("EndSessionByStaff"); },
        },
        intent);
}

} // namespace passerelle
