#include "core/state/kiosk.h"
#include "core/state/overloaded.h"

#include "core/resident/feature_handlers.h"
#include "core/session/session.h"
#include "core/staff/staff_mode.h"
#include "core/state/navigation.h"
#include "core/store/store.h"

#include <algorithm>

namespace passerelle {

bool KioskState::rightToLeft() const {
    for (auto& lang : offeredLanguages)
        if (lang.code == language) return lang.rightToLeft;
    return false;
}

Kiosk::Kiosk(Options options, const Clock& clock) : options_(std::move(options)), clock_(clock) {
    state_.defaultLanguage = options_.defaultLanguage;
    state_.language = options_.defaultLanguage;
    state_.offeredLanguages = options_.offeredLanguages;
    state_.availableLanguages = options_.availableLanguages.empty() ? options_.offeredLanguages
                                                                    : options_.availableLanguages;
    lastTouch_ = clock_.now();
    services_.input = &input_;
    services_.clock = &clock_;
    state_.input = &input_;
}

void Kiosk::setServices(KioskServices services) {
    services_ = std::move(services);
    services_.input = &input_;
    services_.clock = &clock_;
    state_.input = &input_;
    state_.session = services_.session;
    state_.content = services_.content;
}

void Kiosk::dispatch(const Intent& intent) {
    // Every intent comes from a touch, so each one also proves the resident is there.
    lastTouch_ = clock_.now();
    if (state_.idleWarning && !std::holds_alternative<intent::Finish>(intent))
        state_.idleWarning = false;

    if (resident::handleStaff(state_, services_, intent)) {
        if (auto settings = staff::takeSettingsChange(state_))
            applySettings(settings->idleTimeoutSeconds, settings->defaultLanguage,
                          settings->offeredLanguages);
        if (auto start = staff::takeAssistedStart(state_))
            startAssistedSession(start->mediatorId, start->mediatorName);
        // Out of staff mode with no visit open, the welcome screen speaks the default language.
        else if (!staff::inStaffMode(state_) && !state_.sessionActive)
            setLanguage(state_.defaultLanguage);
        return;
    }
    // Feature intents start a visit too (a touch on a list from a fresh screen).
    const bool navigation = std::holds_alternative<intent::Touch>(intent) ||
                            std::holds_alternative<intent::StillHere>(intent) ||
                            std::holds_alternative<intent::EndSessionByStaff>(intent) ||
                            std::holds_alternative<intent::Finish>(intent) ||
                            std::holds_alternative<intent::ChooseLanguage>(intent) ||
                            std::holds_alternative<intent::StartSession>(intent);
    if (!navigation && !state_.sessionActive) startSession();

    if (resident::handleTextEntry(state_, services_, intent)) return;
    if (resident::handleService(state_, services_, intent)) return;
    if (resident::handleLesson(state_, services_, intent)) return;
    if (resident::handleAccessibility(state_, services_, intent)) return;
    if (resident::handleHelp(state_, services_, intent)) return;
    handleNavigation(intent);
}

bool Kiosk::handleNavigation(const Intent& intent) {
    return std::visit(Overloaded{
                          [](const intent::Touch&) { return true; },
                          [this](const intent::ChooseLanguage& i) {
                              setLanguage(i.language);
                              if (!state_.sessionActive)
                                  startSession();
                              else if (state_.screen == ScreenId::Welcome)
                                  openScreen(state_, ScreenId::Home);
                              return true;
                          },
                          [this](const intent::StartSession&) {
                              if (!state_.sessionActive)
                                  startSession();
                              else if (state_.screen == ScreenId::Welcome)
                                  openScreen(state_, ScreenId::Home);
                              return true;
                          },
                          [this](const intent::Open& i) {
                              openScreen(state_, i.screen);
                              return true;
                          },
                          [this](const intent::Back&) {
                              goBack(state_);
                              return true;
                          },
                          [this](const intent::Finish&) {
                              if (state_.sessionActive) endSession(SessionEnd::Finished);
                              return true;
                          },
                          [](const intent::StillHere&) { return true; },
                          [this](const intent::EndSessionByStaff&) {
                              if (state_.sessionActive) endSession(SessionEnd::EndedByStaff);
                              return true;
                          },
                          [](const auto&) { return false; },
                      },
                      intent);
}

std::chrono::seconds Kiosk::idleTimeout() const {
    const bool longer = state_.accessibility.moreTime || state_.assisted;
    return longer ? std::chrono::seconds(static_cast<long>(options_.idle.timeout.count() *
                                                           options_.longerTimeFactor))
                  : options_.idle.timeout;
}

std::chrono::seconds Kiosk::idleCountdown() const {
    const bool longer = state_.accessibility.moreTime || state_.assisted;
    return longer ? std::chrono::seconds(static_cast<long>(options_.idle.countdown.count() * 2))
                  : options_.idle.countdown;
}

bool Kiosk::tick() {
    if (staff::staffTimedOut(state_, clock_.now())) {
        staff::endStaffMode(state_, services_, "inactivity");
        return true;
    }
    if (!state_.sessionActive) return false;
    const auto idleFor = clock_.now() - lastTouch_;
    if (idleFor < idleTimeout()) return false;
    const auto intoCountdown = idleFor - idleTimeout();
    if (intoCountdown >= idleCountdown()) {
        endSession(SessionEnd::IdleTimeout);
        return true;
    }
    const auto left = std::chrono::ceil<std::chrono::seconds>(idleCountdown() - intoCountdown);
    const bool changed =
        !state_.idleWarning || state_.idleSecondsLeft != static_cast<int>(left.count());
    state_.idleWarning = true;
    state_.idleSecondsLeft = static_cast<int>(left.count());
    return changed;
}

std::optional<Clock::time_point> Kiosk::nextDeadline() const {
    if (auto staffEnd = staff::staffDeadline(state_)) return staffEnd;
    if (!state_.sessionActive) return std::nullopt;
    const auto warnAt = lastTouch_ + idleTimeout();
    const auto now = clock_.now();
    if (now < warnAt) return warnAt;
    const auto endAt = warnAt + idleCountdown();
    // Wake on each whole second of the countdown so the number on screen stays true.
    const auto sinceWarn = now - warnAt;
    const auto next =
        warnAt + std::chrono::ceil<std::chrono::seconds>(sinceWarn + std::chrono::milliseconds(1));
    return std::min<Clock::time_point>(next, endAt);
}

void Kiosk::applySettings(int idleTimeoutSeconds, const std::string& defaultLanguage,
                          const std::vector<std::string>& offeredLanguages) {
    options_.idle.timeout = std::chrono::seconds(idleTimeoutSeconds);
    std::vector<LanguageChoice> offered;
    for (auto& lang : state_.availableLanguages)
        if (std::find(offeredLanguages.begin(), offeredLanguages.end(), lang.code) !=
            offeredLanguages.end())
            offered.push_back(lang);
    if (!offered.empty()) {
        options_.offeredLanguages = offered;
        state_.offeredLanguages = std::move(offered);
    }
    for (auto& lang : state_.offeredLanguages)
        if (lang.code == defaultLanguage) {
            options_.defaultLanguage = defaultLanguage;
            state_.defaultLanguage = defaultLanguage;
        }
}

void Kiosk::setSyncStatus(SyncStatusView status) {
    state_.staff.outboxCount = status.queueLength;
    state_.sync = std::move(status);
}

void Kiosk::setConnectionTestResult(std::string result) {
    state_.staff.connectionTestResult = std::move(result);
}

void Kiosk::startAssistedSession(const std::string& mediatorId, const std::string& mediatorName) {
    if (state_.sessionActive) endSession(SessionEnd::EndedByStaff);
    mediatorId_ = mediatorId;
    state_.assisted = true;
    state_.mediatorName = mediatorName;
    state_.accessibility.textSize = 1; // larger text by default; the resident can change it
    lastTouch_ = clock_.now();
    startSession();
}

void Kiosk::startSession() {
    state_.sessionActive = true;
    state_.idleWarning = false;
    state_.history.clear();
    state_.screen = ScreenId::Home;
    if (services_.session) {
        std::optional<std::string> mediator;
        if (state_.assisted) mediator = mediatorId_;
        (void)services_.session->begin(state_.language, state_.assisted, mediator);
    }
    if (services_.store)
        (void)services_.store->countSessionStarted(state_.language, state_.assisted);
    if (hooks_.sessionStarted) hooks_.sessionStarted(state_.language);
}

void Kiosk::endSession(SessionEnd why) {
    if (state_.assisted) staff::noteAssistedEnded(state_, services_, why);
    resident::endService(state_, services_);
    resident::endLesson(state_, services_);
    if (services_.session) {
        const EndReason reason = why == SessionEnd::Finished      ? EndReason::Finished
                                 : why == SessionEnd::IdleTimeout ? EndReason::IdleTimeout
                                                                  : EndReason::EndedByStaff;
        services_.session->end(reason);
    }
    state_.sessionActive = false;
    state_.idleWarning = false;
    state_.idleSecondsLeft = 0;
    state_.history.clear();
    state_.screen = ScreenId::Welcome;
    state_.sessionsEnded++;
    state_.lastSessionEnd = why;
    state_.focus = Focus::None;
    state_.keyboard = {};
    input_.wipe();
    std::fill(state_.searchQuery.begin(), state_.searchQuery.end(), '\0');
    state_.searchQuery.clear();
    state_.accessibility = {}; // every resident starts with the defaults (and the volume reset)
    state_.helpRequested = false;
    state_.assisted = false;
    state_.mediatorName.clear();
    mediatorId_.clear();
    if (hooks_.sessionEnded) hooks_.sessionEnded(why);
    setLanguage(state_.defaultLanguage);
}

void Kiosk::setLanguage(const std::string& language) {
    if (language == state_.language) return;
    state_.language = language;
    if (hooks_.languageChanged) hooks_.languageChanged(language);
}

} // namespace passerelle
