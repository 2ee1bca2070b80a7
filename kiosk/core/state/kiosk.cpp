#include "core/state/kiosk.h"

#include <algorithm>

namespace passerelle {

namespace {
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
} // namespace

bool KioskState::rightToLeft() const {
    for (auto& lang : offeredLanguages)
        if (lang.code == language) return lang.rightToLeft;
    return false;
}

Kiosk::Kiosk(Options options, const Clock& clock) : options_(std::move(options)), clock_(clock) {
    state_.defaultLanguage = options_.defaultLanguage;
    state_.language = options_.defaultLanguage;
    state_.offeredLanguages = options_.offeredLanguages;
    lastTouch_ = clock_.now();
}

void Kiosk::dispatch(const Intent& intent) {
    // Every intent comes from a touch, so each one also proves the resident is there.
    lastTouch_ = clock_.now();
    if (state_.idleWarning && !std::holds_alternative<intent::Finish>(intent)) {
        state_.idleWarning = false; // any touch dismisses the countdown
    }
    std::visit(Overloaded{
                   [](const intent::Touch&) {},
                   [this](const intent::ChooseLanguage& i) {
                       setLanguage(i.language);
                       if (!state_.sessionActive)
                           startSession();
                       else if (state_.screen == ScreenId::Welcome)
                           open(ScreenId::Home);
                   },
                   [this](const intent::StartSession&) {
                       if (!state_.sessionActive)
                           startSession();
                       else if (state_.screen == ScreenId::Welcome)
                           open(ScreenId::Home);
                   },
                   [this](const intent::Open& i) {
                       if (!state_.sessionActive) startSession();
                       open(i.screen);
                   },
                   [this](const intent::Back&) {
                       if (!state_.history.empty()) {
                           state_.screen = state_.history.back();
                           state_.history.pop_back();
                       } else if (state_.screen == ScreenId::Home) {
                           // Back from Home: the language choice, session kept (idle still ends
                           // it).
                           state_.screen = ScreenId::Welcome;
                       }
                   },
                   [this](const intent::Finish&) {
                       if (state_.sessionActive) endSession(SessionEnd::Finished);
                   },
                   [](const intent::StillHere&) {},
                   [this](const intent::EndSessionByStaff&) {
                       if (state_.sessionActive) endSession(SessionEnd::EndedByStaff);
                   },
               },
               intent);
}

bool Kiosk::tick() {
    if (!state_.sessionActive) return false;
    const auto idleFor = clock_.now() - lastTouch_;
    if (idleFor < options_.idle.timeout) return false;
    const auto intoCountdown = idleFor - options_.idle.timeout;
    if (intoCountdown >= options_.idle.countdown) {
        endSession(SessionEnd::IdleTimeout);
        return true;
    }
    const auto left =
        std::chrono::ceil<std::chrono::seconds>(options_.idle.countdown - intoCountdown);
    bool changed = !state_.idleWarning || state_.idleSecondsLeft != static_cast<int>(left.count());
    state_.idleWarning = true;
    state_.idleSecondsLeft = static_cast<int>(left.count());
    return changed;
}

std::optional<Clock::time_point> Kiosk::nextDeadline() const {
    if (!state_.sessionActive) return std::nullopt;
    const auto warnAt = lastTouch_ + options_.idle.timeout;
    const auto now = clock_.now();
    if (now < warnAt) return warnAt;
    const auto endAt = warnAt + options_.idle.countdown;
    // Wake on each whole second of the countdown so the number on screen stays true.
    const auto sinceWarn = now - warnAt;
    const auto next =
        warnAt + std::chrono::ceil<std::chrono::seconds>(sinceWarn + std::chrono::milliseconds(1));
    return std::min<Clock::time_point>(next, endAt);
}

void Kiosk::startSession() {
    state_.sessionActive = true;
    state_.idleWarning = false;
    state_.history.clear();
    state_.screen = ScreenId::Home;
    if (hooks_.sessionStarted) hooks_.sessionStarted(state_.language);
}

void Kiosk::endSession(SessionEnd why) {
    state_.sessionActive = false;
    state_.idleWarning = false;
    state_.idleSecondsLeft = 0;
    state_.history.clear();
    state_.screen = ScreenId::Welcome;
    state_.sessionsEnded++;
    state_.lastSessionEnd = why;
    if (hooks_.sessionEnded) hooks_.sessionEnded(why);
    setLanguage(state_.defaultLanguage);
}

void Kiosk::setLanguage(const std::string& language) {
    if (language == state_.language) return;
    state_.language = language;
    if (hooks_.languageChanged) hooks_.languageChanged(language);
}

void Kiosk::open(ScreenId screen) {
    if (screen == state_.screen) return;
    if (screen == ScreenId::Home || state_.screen == ScreenId::Welcome) {
        state_.history.clear();
    } else {
        state_.history.push_back(state_.screen);
    }
    state_.screen = screen;
}

} // namespace passerelle
