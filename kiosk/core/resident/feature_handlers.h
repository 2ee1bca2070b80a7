#pragma once
// Each resident feature handles its own intents; Kiosk::dispatch asks them in turn. A handler
// returns true when the intent was its own (and it updated the state).
#include "core/resident/kiosk_services.h"
#include "core/state/intent.h"
#include "core/state/kiosk_state.h"

namespace passerelle::resident {

bool handleTextEntry(KioskState& state, const KioskServices& services, const Intent& intent);
bool handleService(KioskState& state, const KioskServices& services, const Intent& intent);
bool handleLesson(KioskState& state, const KioskServices& services, const Intent& intent);
bool handleAccessibility(KioskState& state, const KioskServices& services, const Intent& intent);
bool handleHelp(KioskState& state, const KioskServices& services, const Intent& intent);

// Called before the session's personal data is wiped (idle, Finish, staff): counts abandoned
// services, and clears each feature's view.
void endService(KioskState& state, const KioskServices& services);
void endLesson(KioskState& state, const KioskServices& services);

} // namespace passerelle::resident
