#include "core/resident/feature_handlers.h"

#include "core/state/navigation.h"
#include "core/store/store.h"

namespace passerelle::resident {

bool handleHelp(KioskState& state, const KioskServices& services, const Intent& intent) {
    if (std::holds_alternative<intent::RequestHelp>(intent)) {
        if (!state.helpRequested) {
            state.helpRequested = true;
            if (services.store) (void)services.store->countHelpRequested();
        }
        if (state.screen != ScreenId::Help) openScreen(state, ScreenId::Help);
        return true;
    }
    if (std::holds_alternative<intent::CancelHelp>(intent)) {
        state.helpRequested = false;
        return true;
    }
    return false;
}

} // namespace passerelle::resident
