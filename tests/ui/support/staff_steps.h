#pragma once
// Staff-mode steps shared by the staff screen tests: the hidden gesture, the PIN pad, accounts.
#include "core/staff/staff_desk.h"
#include "screen_harness.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <imgui.h>
#include <string>
#include <vector>

namespace passerelle::test {

// Presses at (x, y), holds for `seconds` of frames (60 per second), releases.
inline void hold(ScreenHarness& h, float x, float y, double seconds) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = false;
    h.frame();
    io.MouseDown[0] = true;
    if (!h.state().idleWarning) h.kiosk().dispatch(intent::Touch{});
    for (int i = 0; i < static_cast<int>(seconds * 60); ++i)
        h.frame();
    io.MouseDown[0] = false;
    h.frame();
    h.frame();
}

inline void backToWelcome(ScreenHarness& h) {
    if (h.state().sessionActive) h.kiosk().dispatch(intent::Finish{});
    h.frame();
    REQUIRE(h.state().screen == ScreenId::Welcome);
}

inline int count(const std::vector<std::string>& log, const std::string& what) {
    return static_cast<int>(std::count(log.begin(), log.end(), what));
}

inline void typePin(ScreenHarness& h, const std::string& pin) {
    for (char d : pin)
        h.tap(std::string("staff.key.") + d);
    h.tap("staff.submit");
}

// Amina (admin, PIN 4826) and Bruno (mediator, PIN 2468).
inline void addStaff(ScreenHarness& h) {
    auto& accounts = h.runtime().staffDesk().accounts();
    REQUIRE(accounts.createFirstAdmin("amina", "Amina", SecretBytes("4826")));
    REQUIRE(accounts.create("amina", "bruno", "Bruno", StaffRole::Mediator, SecretBytes("2468")));
}

inline void signIn(ScreenHarness& h, const std::string& who, const std::string& pin) {
    backToWelcome(h);
    hold(h, 30, 30, 3.2);
    REQUIRE(h.state().screen == ScreenId::StaffPin);
    h.tap("staff.member." + who);
    typePin(h, pin);
    REQUIRE(h.state().screen == ScreenId::StaffPanel);
}

inline std::vector<std::string> auditActions(ScreenHarness& h) {
    std::vector<std::string> out;
    auto entries = h.runtime().staffDesk().accounts().audit().entriesAfter(0, 1000);
    REQUIRE(entries.has_value());
    for (auto& e : *entries)
        out.push_back(e.action);
    return out;
}

} // namespace passerelle::test
