#include "core/state/navigation.h"

namespace passerelle {

void openScreen(KioskState& state, ScreenId screen) {
    if (screen == state.screen) return;
    if (screen == ScreenId::Home || state.screen == ScreenId::Welcome) {
        state.history.clear();
    } else {
        state.history.push_back(state.screen);
    }
    state.screen = screen;
    state.focus = Focus::None;
}

void replaceScreen(KioskState& state, ScreenId screen) {
    state.screen = screen;
    state.focus = Focus::None;
}

void goBack(KioskState& state) {
    state.focus = Focus::None;
    if (!state.history.empty()) {
        state.screen = state.history.back();
        state.history.pop_back();
    } else if (state.screen == ScreenId::Home) {
        // Back from Home: the language choice; the visit goes on (idle still ends it).
        state.screen = ScreenId::Welcome;
    } else if (state.screen != ScreenId::Welcome) {
        state.screen = ScreenId::Home;
    }
}

} // namespace passerelle
