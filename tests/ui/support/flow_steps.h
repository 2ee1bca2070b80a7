#pragma once
// Steps a resident takes in an e-service, shared by the screen tests.
#include "screen_harness.h"

#include <cctype>
#include <string>

namespace passerelle::test {

// Types on the on-screen keyboard, key by key (Shift for capitals, the digits page for digits).
inline void type(ScreenHarness& h, const std::string& text) {
    for (char c : text) {
        std::string key(1, c);
        if (c == ' ') {
            h.tap("key.space");
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) && !h.hasTarget("key." + key)) {
            h.tap("key.page.letters_or_digits");
            h.tap("key." + key);
            h.tap("key.page.letters_or_digits");
            continue;
        }
        if (std::isupper(static_cast<unsigned char>(c))) h.tap("key.shift");
        h.tap("key." + key);
    }
}

// Next: the button, or the keyboard's Enter while the keyboard covers it.
inline void next(ScreenHarness& h) {
    h.tap(h.hasTarget("flow.next") ? "flow.next" : "key.enter");
}

} // namespace passerelle::test
