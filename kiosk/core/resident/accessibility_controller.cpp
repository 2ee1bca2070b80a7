#include "core/resident/feature_handlers.h"
#include "core/state/overloaded.h"

#include <algorithm>

namespace passerelle::resident {

bool handleAccessibility(KioskState& state, const KioskServices&, const Intent& intent) {
    auto& a = state.accessibility;
    return std::visit(Overloaded{
                          [&](const intent::SetTextSize& i) {
                              a.textSize = std::clamp(i.step, 0, 2);
                              return true;
                          },
                          [&](const intent::SetHighContrast& i) {
                              a.highContrast = i.on;
                              return true;
                          },
                          [&](const intent::SetReadAloud& i) {
                              a.readAloud = i.on;
                              return true;
                          },
                          [&](const intent::SetVolume& i) {
                              a.volume = std::clamp(i.percent, 10, 100);
                              return true;
                          },
                          [&](const intent::SetMoreTime& i) {
                              a.moreTime = i.on;
                              return true;
                          },
                          [&](const intent::Speak& i) {
                              // Speech is the app's job; the core only says what and how loud.
                              state.speech.text = i.text;
                              state.speech.language = state.language;
                              state.speech.volume = a.volume;
                              state.speech.serial++;
                              return true;
                          },
                          [](const auto&) { return false; },
                      },
                      intent);
}

} // namespace passerelle::resident
