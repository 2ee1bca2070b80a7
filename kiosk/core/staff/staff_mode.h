#pragma once
// Staff mode as seen by the Kiosk: the controller for the staff intents and the few calls the
// Kiosk makes around it (inactivity, assisted sessions). See docs/staff.md.
#include "core/resident/kiosk_services.h"
#include "core/state/clock.h"
#include "core/state/intent.h"
#include "core/state/kiosk_state.h"

#include <chrono>
#include <optional>

namespace passerelle::staff {

class StaffDesk;

// Staff mode ends by itself after this long without a touch.
inline constexpr std::chrono::minutes kStaffInactivity{2};

bool inStaffMode(const KioskState& state);
// True when staff mode has been left alone for kStaffInactivity (the Kiosk calls it in tick()
// and then endStaffMode()).
bool staffTimedOut(const KioskState& state, Clock::time_point now);
// When staffTimedOut() becomes true (for Kiosk::nextDeadline); none outside staff mode.
std::optional<Clock::time_point> staffDeadline(const KioskState& state);
// Leaves staff mode: wipes the PIN, signs out (audited with `why`), back to the welcome screen.
void endStaffMode(KioskState& state, const KioskServices& services, std::string_view why);
// After a staff intent: an assisted session the mediator asked for (the Kiosk then calls
// startAssistedSession(start.mediatorId, start.mediatorName)).
std::optional<StaffView::AssistedStart> takeAssistedStart(KioskState& state);
// After a staff intent: settings an admin saved (the Kiosk applies idle time and languages).
std::optional<StaffView::Settings> takeSettingsChange(KioskState& state);
// The Kiosk calls this when an assisted session ends (before it clears state.assisted).
void noteAssistedEnded(KioskState& state, const KioskServices& services, SessionEnd why);

} // namespace passerelle::staff

namespace passerelle::resident {
// Staff intents, and every intent while a staff screen is shown (so none starts a resident
// session). Returns true when the intent was handled here.
bool handleStaff(KioskState& state, const KioskServices& services, const Intent& intent);
} // namespace passerelle::resident
