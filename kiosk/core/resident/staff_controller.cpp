// Staff mode: the hidden gesture, the PIN pad, the staff panel's actions. Every action is
// audited (staff/audit_log.h). Nothing here reads or writes resident data.
#include "core/pack/pack_library.h"
#include "core/resident/private_input.h"
#include "core/resident/text_entry.h"
#include "core/staff/staff_desk.h"
#include "core/staff/staff_mode.h"
#include "core/staff/staff_wiring.h"
#include "core/state/overloaded.h"
#include "core/store/store.h"

#include <algorithm>
#include <ctime>

namespace passerelle::staff {

namespace {
constexpr std::size_t kMaxPinDigits = 12;

Clock::time_point nowOf(const KioskServices& services) {
    const Clock* clock = clockOf(services);
    return clock ? clock->now() : std::chrono::steady_clock::now();
}

bool isStaffIntent(const Intent& intent) {
    return intent.index() >= Intent(intent::StaffLongPress{}).index();
}

StaffView::Member memberRow(const StaffAccount& a, StaffAccounts& accounts) {
    return {a.staffId, a.name, a.role == StaffRole::Admin, accounts.isLocked(a)};
}

std::string todayUtc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    return day;
}

std::string localTime(std::int64_t unix) {
    const std::time_t t = static_cast<std::time_t>(unix);
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
    return text;
}

StaffView::Settings viewOf(const LocalSettings& s) {
    return {s.idleTimeoutSeconds, s.defaultLanguage, s.offeredLanguages, s.cityUrl};
}

LocalSettings localOf(const StaffView::Settings& s) {
    LocalSettings out;
    out.idleTimeoutSeconds = s.idleTimeoutSeconds;
    out.defaultLanguage = s.defaultLanguage;
    out.offeredLanguages = s.offeredLanguages;
    out.cityUrl = s.cityUrl;
    return out;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

std::string lowerAscii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

void wipeNewPins(const KioskServices& services) {
    if (!services.input) return;
    services.input->newStaffPin.wipe();
    services.input->newStaffPinAgain.wipe();
}

void say(StaffView& view, std::string message, bool error) {
    view.message = std::move(message);
    view.messageIsError = error;
}

void refreshMembers(StaffView& view, StaffDesk& desk) {
    view.members.clear();
    if (auto list = desk.accounts().list())
        for (auto& a : *list)
            view.members.push_back(memberRow(a, desk.accounts()));
}

// Reloads what the panel shows (cheap: a few small queries).
void refreshPanel(StaffView& view, StaffDesk& desk, const KioskServices& services) {
    view.packs.clear();
    if (auto installed = desk.packs().installed())
        for (auto& p : *installed)
            view.packs.push_back(
                {p.id, p.title, p.version, p.previousVersion.value_or(""), p.publisher});
    view.statsToday.clear();
    view.outboxCount = 0;
    if (services.store) {
        if (auto rows = services.store->statsForDay(todayUtc()))
            for (auto& r : *rows)
                view.statsToday.push_back({r.metric, r.dimension, r.count});
        if (auto n = services.store->outboxCount())
            view.outboxCount = static_cast<std::int64_t>(*n);
    }
    view.audit.clear();
    if (auto entries = desk.latestAudit(50))
        for (auto& e : *entries)
            view.audit.push_back({localTime(e.atUnix), e.staffId, e.action, e.detail});
    view.idleTimeoutSeconds = desk.settings().idleTimeoutSeconds;
    view.cityUrl = desk.settings().cityUrl;
    view.settings = viewOf(desk.settings());
    refreshMembers(view, desk);
}

void clearView(StaffView& view) {
    StaffView fresh;
    // Kept across staff visits: the app compares the request count with what it last saw, the
    // Kiosk takes the pending assisted session, the running one ends later.
    fresh.connectionTestRequests = view.connectionTestRequests;
    fresh.pendingAssisted = std::move(view.pendingAssisted);
    fresh.assistedMediator = std::move(view.assistedMediator);
    fresh.pendingSettings = std::move(view.pendingSettings);
    view = std::move(fresh);
}

void leave(KioskState& state, StaffView& view, const KioskServices& services) {
    if (services.input) services.input->staffPin.wipe();
    wipeNewPins(services);
    state.keyboard = {};
    clearView(view);
    state.screen = ScreenId::Welcome;
    state.history.clear();
    state.focus = Focus::None;
}

void openPinPad(KioskState& state, StaffView& view, StaffDesk& desk, const KioskServices& services,
                Clock::time_point now) {
    clearView(view);
    view.lastTouch = now;
    refreshMembers(view, desk);
    if (view.members.size() == 1) view.chosen = view.members.front().staffId;
    if (services.input) services.input->staffPin.wipe();
    state.history.clear();
    state.screen = ScreenId::StaffPin;
    state.focus = Focus::StaffPin;
}

// What the PIN pad says after a refusal, from the account's counters (localised by the UI).
std::string refusal(StaffDesk& desk, const std::string& staffId) {
    auto found = desk.accounts().find(staffId);
    if (!found || !*found) return "staff.pin_choose_name";
    const StaffAccount& a = **found;
    const auto wait = desk.accounts().secondsUntilNextTry(a);
    if (desk.accounts().isLocked(a)) return "staff.locked|" + std::to_string((wait + 59) / 60);
    const int left = StaffPolicy{}.maxFailures - a.failedAttempts;
    return "staff.pin_wrong|" + std::to_string(left) + "|" + std::to_string(wait);
}

void submitPin(KioskState& state, StaffView& view, StaffDesk& desk, const KioskServices& services,
               Clock::time_point now) {
    if (!view.chosen) {
        view.pinMessage = "staff.pin_choose_name";
        return;
    }
    if (!services.input) return;
    // The PIN is only ever read from guarded memory and wiped straight after the check.
    const auto result = desk.accounts().verify(*view.chosen, services.input->staffPin);
    services.input->staffPin.wipe();
    if (!result) {
        view.pinMessage = refusal(desk, *view.chosen);
        refreshMembers(view, desk);
        return;
    }
    clearView(view);
    view.lastTouch = now;
    view.signedIn = memberRow(*result, desk.accounts());
    view.tab = StaffView::Tab::Help;
    state.screen = ScreenId::StaffPanel;
    state.focus = Focus::None;
    refreshPanel(view, desk, services);
    view.settingsDraft = view.settings;
}

// Typing on a PIN pad: digits only, at most kMaxPinDigits; Delete and Clear. False when the
// typed text is refused (not digits).
bool editPinDigits(SecretBytes& pin, const Intent& intent) {
    if (const auto* type = std::get_if<intent::TypeText>(&intent)) {
        for (char c : type->text)
            if (c < '0' || c > '9') return false;
        if (pin.size() + type->text.size() <= kMaxPinDigits)
            pin = resident::appended(pin.text(), type->text);
    } else if (std::holds_alternative<intent::DeleteBackward>(intent)) {
        pin = resident::withoutLastCharacter(pin.text());
    } else if (std::holds_alternative<intent::ClearField>(intent)) {
        pin.wipe();
    }
    return true;
}

void editPin(const KioskServices& services, const Intent& intent) {
    if (!services.input) return;
    (void)editPinDigits(services.input->staffPin, intent);
}

void install(StaffView& view, StaffDesk& desk, const std::string& path) {
    const auto& who = *view.signedIn;
    auto installed = desk.packs().install(path);
    if (!installed) {
        (void)desk.record(who.staffId, audit_action::kPackInstallFailed,
                          std::filesystem::path(path).filename().string());
        say(view, installed.error(), true);
        return;
    }
    desk.reloadContent();
    (void)desk.record(who.staffId, audit_action::kPackInstall,
                      installed->id + " " + installed->version);
    say(view, "staff.pack_installed|" + installed->id + "|" + installed->version, false);
}

void rollback(StaffView& view, StaffDesk& desk, const std::string& packId) {
    const auto& who = *view.signedIn;
    auto back = desk.packs().rollback(packId);
    if (!back) {
        say(view, back.error(), true);
        return;
    }
    desk.reloadContent();
    (void)desk.record(who.staffId, audit_action::kPackRollback, back->id + " -> " + back->version);
    say(view, "staff.pack_rolled_back|" + back->id + "|" + back->version, false);
}

void closeForm(KioskState& state, StaffView& view, const KioskServices& services) {
    view.form = StaffView::Form::None;
    view.formStep = 0;
    view.formMessage.clear();
    view.newMemberName.clear();
    wipeNewPins(services);
    state.focus = Focus::None;
    state.keyboard = {};
}

void openForm(KioskState& state, StaffView& view, const KioskServices& services,
              StaffView::Form form) {
    closeForm(state, view, services);
    view.form = form;
    switch (form) {
    case StaffView::Form::AddMember:
        view.newMemberAdmin = false;
        state.focus = Focus::StaffName;
        break;
    case StaffView::Form::PackPath:
        if (view.packPath.empty()) view.packPath = "/media/";
        state.focus = Focus::StaffPackPath;
        break;
    case StaffView::Form::CityUrl:
        state.focus = Focus::StaffCityUrl;
        break;
    case StaffView::Form::None:
        break;
    }
}

// Typing into the form's field (on-screen keyboard or PIN pad).
void editForm(KioskState& state, StaffView& view, const KioskServices& services,
              const Intent& intent) {
    if (const auto* page = std::get_if<intent::SwitchKeyboardPage>(&intent)) {
        state.keyboard.page = page->page;
        state.keyboard.shift = false;
        return;
    }
    if (std::holds_alternative<intent::ToggleShift>(intent)) {
        state.keyboard.shift = !state.keyboard.shift;
        return;
    }
    if (state.focus == Focus::StaffNewPin) {
        if (!services.input) return;
        SecretBytes& pin =
            view.formStep == 2 ? services.input->newStaffPinAgain : services.input->newStaffPin;
        if (!editPinDigits(pin, intent)) return;
        view.formMessage.clear();
        return;
    }
    std::string* field = nullptr;
    std::size_t limit = 0;
    if (state.focus == Focus::StaffName) field = &view.newMemberName, limit = 60;
    if (state.focus == Focus::StaffPackPath) field = &view.packPath, limit = 255;
    if (state.focus == Focus::StaffCityUrl) field = &view.settingsDraft.cityUrl, limit = 200;
    if (!field) return;
    if (const auto* type = std::get_if<intent::TypeText>(&intent)) {
        std::string next = *field + type->text;
        if (resident::characterCount(next) <= limit) *field = std::move(next);
        state.keyboard.shift = false;
    } else if (std::holds_alternative<intent::DeleteBackward>(intent)) {
        *field = std::string(resident::withoutLastCharacter(*field).text());
    } else if (std::holds_alternative<intent::ClearField>(intent)) {
        field->clear();
    }
    view.formMessage.clear();
}

// An id for a new member: from the name, made unique with -2, -3, ...
std::string freeStaffId(StaffDesk& desk, const std::string& name) {
    const std::string base = staffIdFor(name);
    std::string id = base;
    for (int n = 2; n < 100; ++n) {
        auto found = desk.accounts().find(id);
        if (found && !*found) return id;
        id = base + "-" + std::to_string(n);
    }
    return id;
}

void confirmAddMember(KioskState& state, StaffView& view, StaffDesk& desk,
                      const KioskServices& services) {
    if (view.formStep == 0) {
        const std::string name = trimmed(view.newMemberName);
        if (name.empty()) {
            view.formMessage = "staff.name_missing";
            return;
        }
        if (auto list = desk.accounts().list())
            for (auto& a : *list)
                if (lowerAscii(a.name) == lowerAscii(name)) {
                    view.formMessage = "staff.name_taken|" + a.name;
                    return;
                }
        view.newMemberName = name;
        view.formStep = 1;
        view.formMessage.clear();
        wipeNewPins(services);
        state.focus = Focus::StaffNewPin;
        return;
    }
    if (!services.input) return;
    if (view.formStep == 1) {
        if (services.input->newStaffPin.size() < 4) {
            view.formMessage = "staff.new_pin_short";
            return;
        }
        view.formStep = 2;
        view.formMessage.clear();
        services.input->newStaffPinAgain.wipe();
        return;
    }
    if (!(services.input->newStaffPin == services.input->newStaffPinAgain)) {
        wipeNewPins(services);
        view.formStep = 1;
        view.formMessage = "staff.new_pin_differ";
        return;
    }
    const auto role = view.newMemberAdmin ? StaffRole::Admin : StaffRole::Mediator;
    auto created =
        desk.accounts().create(view.signedIn->staffId, freeStaffId(desk, view.newMemberName),
                               view.newMemberName, role, services.input->newStaffPin);
    wipeNewPins(services);
    if (!created) {
        view.formStep = 1;
        view.formMessage = created.error();
        return;
    }
    const std::string name = created->name;
    closeForm(state, view, services);
    view.tab = StaffView::Tab::Staff;
    say(view, "staff.member_added|" + name, false);
}

void confirmPackPath(KioskState& state, StaffView& view, StaffDesk& desk,
                     const KioskServices& services) {
    const std::string path = trimmed(view.packPath);
    std::error_code ec;
    std::string problem;
    if (path.empty() || path.back() == '/')
        problem = "staff.path_missing";
    else if (!std::filesystem::exists(path, ec))
        problem = "staff.path_not_found|" + path;
    else if (std::filesystem::is_directory(path, ec))
        problem = "staff.path_is_folder|" + path;
    if (!problem.empty()) {
        if (!path.empty() && path.back() != '/')
            (void)desk.record(view.signedIn->staffId, audit_action::kPackInstallFailed,
                              "not found: " + std::filesystem::path(path).filename().string());
        view.formMessage = problem;
        return;
    }
    closeForm(state, view, services);
    view.packPath = path;
    install(view, desk, path);
}

void confirmCityUrl(KioskState& state, StaffView& view, const KioskServices& services) {
    view.settingsDraft.cityUrl = trimmed(view.settingsDraft.cityUrl);
    LocalSettings check = localOf(view.settingsDraft);
    if (check.problem() == "staff.settings_bad_url") {
        view.formMessage = "staff.settings_bad_url";
        return;
    }
    closeForm(state, view, services);
    say(view, "staff.settings_unsaved", false);
}

void saveSettings(StaffView& view, StaffDesk& desk) {
    auto saved = desk.saveSettings(view.signedIn->staffId, localOf(view.settingsDraft));
    if (!saved) {
        say(view, saved.error(), true);
        return;
    }
    view.settings = view.settingsDraft;
    view.pendingSettings = view.settingsDraft;
    say(view, "staff.settings_saved", false);
}

// Panel intents; `view.signedIn` is set.
void handlePanel(KioskState& state, StaffView& view, StaffDesk& desk, const KioskServices& services,
                 const Intent& intent) {
    const auto who = *view.signedIn;
    const bool admin = who.admin;
    std::visit(
        Overloaded{
            [&](const intent::SignOutStaff&) { endStaffMode(state, services, "signed out"); },
            [&](const intent::Back&) { endStaffMode(state, services, "signed out"); },
            [&](const intent::OpenStaffTab& i) {
                view.tab = static_cast<StaffView::Tab>(i.tab);
                if (view.tab == StaffView::Tab::Settings) view.settingsDraft = view.settings;
                say(view, "", false);
            },
            [&](const intent::OpenStaffForm& i) {
                if (admin) openForm(state, view, services, static_cast<StaffView::Form>(i.form));
            },
            [&](const intent::CloseStaffForm&) {
                if (view.form == StaffView::Form::CityUrl)
                    view.settingsDraft.cityUrl = view.settings.cityUrl;
                closeForm(state, view, services);
            },
            [&](const intent::ConfirmStaffForm&) {
                if (!admin) return;
                switch (view.form) {
                case StaffView::Form::AddMember:
                    confirmAddMember(state, view, desk, services);
                    break;
                case StaffView::Form::PackPath:
                    confirmPackPath(state, view, desk, services);
                    break;
                case StaffView::Form::CityUrl:
                    confirmCityUrl(state, view, services);
                    break;
                case StaffView::Form::None:
                    break;
                }
            },
            [&](const intent::SetNewMemberRole& i) { view.newMemberAdmin = i.admin; },
            [&](const intent::TypeText&) { editForm(state, view, services, intent); },
            [&](const intent::DeleteBackward&) { editForm(state, view, services, intent); },
            [&](const intent::ClearField&) { editForm(state, view, services, intent); },
            [&](const intent::ToggleShift&) { editForm(state, view, services, intent); },
            [&](const intent::SwitchKeyboardPage&) { editForm(state, view, services, intent); },
            [&](const intent::SetIdleTimeout& i) {
                if (admin) view.settingsDraft.idleTimeoutSeconds = i.seconds;
            },
            [&](const intent::SetDefaultLanguage& i) {
                if (!admin) return;
                auto& d = view.settingsDraft;
                d.defaultLanguage = i.language;
                if (std::find(d.offeredLanguages.begin(), d.offeredLanguages.end(), i.language) ==
                    d.offeredLanguages.end())
                    d.offeredLanguages.push_back(i.language);
            },
            [&](const intent::ToggleOfferedLanguage& i) {
                if (!admin) return;
                auto& list = view.settingsDraft.offeredLanguages;
                auto found = std::find(list.begin(), list.end(), i.language);
                if (found != list.end())
                    list.erase(found);
                else
                    list.push_back(i.language);
            },
            [&](const intent::SaveStaffSettings&) {
                if (admin) saveSettings(view, desk);
            },
            [&](const intent::StartAssisted&) {
                (void)desk.record(who.staffId, audit_action::kAssistedStart);
                view.pendingAssisted = StaffView::AssistedStart{who.staffId, who.name};
                view.assistedMediator = who.staffId;
                leave(state, view, services);
            },
            [&](const intent::FindUsbPacks&) {
                view.usbPackFiles.clear();
                for (auto& f : desk.findPackFiles())
                    view.usbPackFiles.push_back(f.string());
                say(view, view.usbPackFiles.empty() ? "staff.usb_none" : "", false);
            },
            [&](const intent::InstallPackFromPath& i) {
                if (admin) install(view, desk, i.path);
            },
            [&](const intent::RollbackPack& i) {
                if (admin) rollback(view, desk, i.packId);
            },
            [&](const intent::UnlockStaff& i) {
                if (!admin) return;
                auto staffMember = desk.accounts().find(i.staffId);
                auto done = desk.accounts().unlock(who.staffId, i.staffId);
                if (!done)
                    say(view, done.error(), true);
                else if (staffMember && *staffMember)
                    say(view, "staff.unlocked|" + (*staffMember)->name, false);
            },
            [&](const intent::HandleHelpRequest&) {
                if (!state.helpRequested) return;
                state.helpRequested = false;
                (void)desk.record(who.staffId, audit_action::kHelpHandled);
                say(view, "staff.help_handled", false);
            },
            [&](const intent::TestCityConnection&) {
                view.connectionTestRequests++;
                view.connectionTestResult.clear();
                (void)desk.record(who.staffId, audit_action::kTestConnection);
            },
            [](const auto&) {},
        },
        intent);
    if (inStaffMode(state)) refreshPanel(view, desk, services);
}
} // namespace

bool inStaffMode(const KioskState& state) {
    return state.screen == ScreenId::StaffPin || state.screen == ScreenId::StaffPanel;
}

bool staffTimedOut(const KioskState& state, Clock::time_point now) {
    const auto* view = staffViewOf(state);
    return view && inStaffMode(state) && now - view->lastTouch >= kStaffInactivity;
}

std::optional<Clock::time_point> staffDeadline(const KioskState& state) {
    const auto* view = staffViewOf(state);
    if (!view || !inStaffMode(state)) return std::nullopt;
    return view->lastTouch + kStaffInactivity;
}

void endStaffMode(KioskState& state, const KioskServices& services, std::string_view why) {
    auto* view = staffViewOf(state);
    if (!view) return;
    StaffDesk* desk = deskOf(services);
    if (desk && view->signedIn)
        (void)desk->record(view->signedIn->staffId, audit_action::kLogout, std::string(why));
    leave(state, *view, services);
}

std::optional<StaffView::Settings> takeSettingsChange(KioskState& state) {
    auto* view = staffViewOf(state);
    if (!view || !view->pendingSettings) return std::nullopt;
    auto settings = std::move(view->pendingSettings);
    view->pendingSettings.reset();
    return settings;
}

std::optional<StaffView::AssistedStart> takeAssistedStart(KioskState& state) {
    auto* view = staffViewOf(state);
    if (!view || !view->pendingAssisted) return std::nullopt;
    auto start = std::move(view->pendingAssisted);
    view->pendingAssisted.reset();
    return start;
}

void noteAssistedEnded(KioskState& state, const KioskServices& services, SessionEnd why) {
    auto* view = staffViewOf(state);
    StaffDesk* desk = deskOf(services);
    if (!view || !desk || !state.assisted || view->assistedMediator.empty()) return;
    const char* reason = why == SessionEnd::Finished      ? "finished"
                         : why == SessionEnd::IdleTimeout ? "idle"
                                                          : "ended by staff";
    (void)desk->record(view->assistedMediator, audit_action::kAssistedEnd, reason);
    view->assistedMediator.clear();
}

} // namespace passerelle::staff

namespace passerelle::resident {

bool handleStaff(KioskState& state, const KioskServices& services, const Intent& intent) {
    using namespace passerelle::staff;
    StaffView* view = staffViewOf(state);
    StaffDesk* desk = deskOf(services);
    if (!view || !desk) return isStaffIntent(intent); // not wired: staff intents do nothing
    desk->useClock(clockOf(services));
    const auto now = nowOf(services);

    if (std::holds_alternative<intent::StaffLongPress>(intent)) {
        // Only from the welcome screen. A visit may still be open there (a resident asked for
        // help and went back): staff then see the request; the visit is not ended.
        if (state.screen == ScreenId::Welcome) openPinPad(state, *view, *desk, services, now);
        return true;
    }
    if (!inStaffMode(state)) return isStaffIntent(intent); // out of staff mode they do nothing
    if (std::holds_alternative<intent::Touch>(intent)) {
        view->lastTouch = now;
        return false; // the Kiosk's own bookkeeping for touches still runs
    }
    view->lastTouch = now;

    if (state.screen == ScreenId::StaffPin) {
        std::visit(Overloaded{
                       [&](const intent::ChooseStaffMember& i) {
                           view->chosen = i.staffId;
                           view->pinMessage.clear();
                           if (services.input) services.input->staffPin.wipe();
                       },
                       [&](const intent::SubmitStaffPin&) {
                           submitPin(state, *view, *desk, services, now);
                       },
                       [&](const intent::TypeText&) { editPin(services, intent); },
                       [&](const intent::DeleteBackward&) { editPin(services, intent); },
                       [&](const intent::ClearField&) { editPin(services, intent); },
                       [&](const intent::Back&) { leave(state, *view, services); },
                       [&](const intent::SignOutStaff&) { leave(state, *view, services); },
                       [](const auto&) {},
                   },
                   intent);
        return true;
    }
    if (view->signedIn) handlePanel(state, *view, *desk, services, intent);
    return true; // nothing else happens while a staff screen is shown
}

} // namespace passerelle::resident
