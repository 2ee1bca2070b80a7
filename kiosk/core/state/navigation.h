#pragma once
#include "core/state/kiosk_state.h"

namespace passerelle {

// Screen changes shared by the navigation and the feature controllers.
void openScreen(KioskState& state, ScreenId screen);    // remembers the current one for Back
void replaceScreen(KioskState& state, ScreenId screen); // no new Back entry (steps of one flow)
void goBack(KioskState& state);

} // namespace passerelle
