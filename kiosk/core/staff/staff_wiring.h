#pragma once
// Transitional: staff mode keeps its state in KioskState::staff / KioskState::sync and reaches
// its services through KioskServices::staff / KioskServices::clock. Until those members are added
// to the lead's headers (see docs/staff.md, "Wiring"), these accessors return nullptr and staff
// mode stays off, so the tree builds either way. Once wired, they are plain member accesses.
#include "core/resident/kiosk_services.h"
#include "core/state/clock.h"
#include "core/state/kiosk_state.h"

namespace passerelle::staff {

class StaffDesk;

template <class State> auto* staffViewOf(State& state) {
    if constexpr (requires { state.staff; })
        return &state.staff;
    else
        return static_cast<StaffView*>(nullptr);
}

template <class State> auto* syncViewOf(State& state) {
    if constexpr (requires { state.sync; })
        return &state.sync;
    else
        return static_cast<const SyncStatusView*>(nullptr);
}

template <class Services> StaffDesk* deskOf(const Services& services) {
    if constexpr (requires { services.staff; })
        return services.staff;
    else
        return nullptr;
}

template <class Services> const Clock* clockOf(const Services& services) {
    if constexpr (requires { services.clock; })
        return services.clock;
    else
        return nullptr;
}

} // namespace passerelle::staff
