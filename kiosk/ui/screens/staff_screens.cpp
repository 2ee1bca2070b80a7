// Staff mode: the PIN pad (after the hidden gesture) and the staff panel. Staff screens follow
// the kiosk's language and mirror in right-to-left languages like the resident screens.
#include "core/identity/local_settings.h"
#include "core/resident/private_input.h"
#include "core/staff/staff_wiring.h"
#include "ui/screens/screens.h"
#include "ui/screens/staff_ui.h"
#include "ui/widgets/button.h"
#include "ui/widgets/keyboard.h"
#include "ui/widgets/scroll_area.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <imgui.h>
#include <map>
#include <vector>

namespace passerelle::ui {

namespace {
using Tab = StaffView::Tab;

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t bar; (bar = s.find('|', start)) != std::string::npos; start = bar + 1)
        parts.push_back(s.substr(start, bar - start));
    parts.push_back(s.substr(start));
    return parts;
}

std::int64_t number(const std::string& s) {
    try {
        return std::stoll(s);
    } catch (...) {
        return 0;
    }
}

void header(const Ui& ui, const std::string& title) {
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.px(112)), color(ui.palette.surface));
    dl->AddLine(ImVec2(0, ui.px(112)), ImVec2(ui.width, ui.px(112)), color(ui.palette.border),
                ui.px(2));
    drawText(ui, ui.fonts.large, title, ui.palette.text,
             ui.mirrored({ui.px(260), ui.px(30), ui.width - ui.px(24), ui.px(100)}), Align::Start,
             false);
}

// A PIN as dots in a box (never the digits); `focused` when it is the field being typed.
void drawPinDots(const Ui& ui, Rect box, std::size_t digits, bool focused) {
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1), color(ui.palette.surface),
                      ui.px(12));
    dl->AddRect(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1),
                color(focused ? ui.palette.focus : ui.palette.border), ui.px(12), 0,
                ui.px(focused ? 3 : 2));
    // Spaced so that the longest PIN (12 digits) stays inside the box.
    const float step = std::min(ui.px(46), (box.width() - ui.px(80)) / 11);
    for (std::size_t i = 0; i < digits; ++i)
        dl->AddCircleFilled(
            ImVec2(box.x0 + ui.px(40) + static_cast<float>(i) * step, box.centerY()), ui.px(14),
            color(ui.palette.text));
}

// The digits pad of a PIN: 1-9, then Delete, 0, OK; key ids are `idPrefix` + the digit (or
// "delete"), OK is `okId` and emits `ok`.
void drawPinPad(const Ui& ui, float padX, float padY, float keyW, float keyH, float gap,
                const std::string& idPrefix, const char* okId, const Intent& ok) {
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, col = i % 3;
        const Rect r{padX + col * (keyW + gap), padY + row * (keyH + gap / 2),
                     padX + col * (keyW + gap) + keyW, padY + row * (keyH + gap / 2) + keyH};
        if (i == 9) {
            const std::string id = idPrefix + "delete";
            if (button(ui, id.c_str(), ui.tr("staff.delete"), ui.mirrored(r)))
                ui.emit(intent::DeleteBackward{});
        } else if (i == 11) {
            if (button(ui, okId, ui.tr("staff.ok"), ui.mirrored(r), ButtonKind::Primary))
                ui.emit(ok);
        } else {
            const std::string id = idPrefix + labels[i];
            if (button(ui, id.c_str(), labels[i], ui.mirrored(r), ButtonKind::Choice, Icon::None,
                       ui.fonts.large))
                ui.emit(intent::TypeText{labels[i]});
        }
    }
}

void message(const Ui& ui, const std::string& encoded, bool error, Rect box) {
    if (encoded.empty()) return;
    drawText(ui, ui.fonts.body, staffText(ui, encoded), error ? ui.palette.danger : ui.palette.text,
             box, Align::Start, true);
}
} // namespace

std::string staffText(const Ui& ui, const std::string& encoded) {
    if (!encoded.starts_with("staff.")) return encoded; // a message from the core, in English
    const auto p = split(encoded);
    const std::string& key = p[0];
    auto arg = [&](std::size_t i) { return i < p.size() ? p[i] : std::string(); };
    if (key == "staff.pin_wrong") {
        std::string text = ui.format(key, {{"tries", number(arg(1))}});
        if (number(arg(2)) > 0)
            text += " " + ui.format("staff.pin_wait", {{"seconds", number(arg(2))}});
        return text;
    }
    if (key == "staff.locked") return ui.format(key, {{"minutes", number(arg(1))}});
    if (key == "staff.pin_wait") return ui.format(key, {{"seconds", number(arg(1))}});
    if (key == "staff.pack_installed" || key == "staff.pack_rolled_back")
        return ui.format(key, {{"pack", arg(1)}, {"version", arg(2)}});
    if (key == "staff.unlocked" || key == "staff.member_added" || key == "staff.name_taken")
        return ui.format(key, {{"name", arg(1)}});
    if (key == "staff.path_not_found" || key == "staff.path_is_folder")
        return ui.format(key, {{"path", arg(1)}});
    if (key == "staff.settings_bad_idle")
        return ui.format(key, {{"min", number(arg(1))}, {"max", number(arg(2))}});
    if (key == "staff.test_ok") return ui.format(key, {{"url", arg(1)}, {"ms", number(arg(2))}});
    if (key == "staff.test_not_enrolled" || key == "staff.test_not_city")
        return ui.format(key, {{"url", arg(1)}});
    if (key == "staff.test_unreachable" || key == "staff.test_refused" ||
        key == "staff.test_bad_url")
        return ui.format(key, {{"url", arg(1)}, {"detail", arg(2)}});
    return ui.tr(key);
}

void drawStaffPinScreen(const Ui& ui) {
    const StaffView* view = staff::staffViewOf(ui.state);
    header(ui, ui.tr("staff.pin_title"));
    if (button(ui, "staff.cancel", ui.tr("staff.cancel"),
               ui.mirrored({ui.px(24), ui.px(16), ui.px(234), ui.px(96)}), ButtonKind::Secondary,
               Icon::Back))
        ui.emit(intent::Back{});
    ui.record.instruction = ui.tr("staff.pin_title");
    if (!view) return;

    // Start column: who is signing in.
    float y = ui.px(140);
    drawText(ui, ui.fonts.large, ui.tr("staff.choose_name"), ui.palette.text,
             ui.mirrored({ui.px(48), y, ui.px(560), y + ui.px(50)}), Align::Start, false);
    y += ui.px(64);
    if (view->members.empty())
        drawText(ui, ui.fonts.body, ui.tr("staff.no_accounts"), ui.palette.mutedText,
                 ui.mirrored({ui.px(48), y, ui.px(560), y + ui.px(300)}));
    for (auto& m : view->members) {
        if (y > ui.height - ui.px(100)) break;
        std::string label = m.name;
        if (m.locked) label += " — " + ui.tr("staff.locked_badge");
        const std::string id = "staff.member." + m.staffId;
        const bool chosen = view->chosen && *view->chosen == m.staffId;
        if (button(ui, id.c_str(), label, ui.mirrored({ui.px(48), y, ui.px(560), y + ui.px(76)}),
                   chosen ? ButtonKind::Selected : ButtonKind::Choice))
            ui.emit(intent::ChooseStaffMember{m.staffId});
        y += ui.px(92);
    }

    // End column: the PIN as dots, the message, the pad.
    const float padX = ui.px(700), keyW = ui.px(150), keyH = ui.px(100), gap = ui.px(18);
    const std::size_t digits = ui.state.input ? ui.state.input->staffPin.size() : 0;
    drawPinDots(ui, ui.mirrored({padX, ui.px(140), padX + 3 * keyW + 2 * gap, ui.px(200)}), digits,
                false);
    message(ui, view->pinMessage, true,
            ui.mirrored({padX, ui.px(206), padX + 3 * keyW + 2 * gap, ui.px(266)}));

    drawPinPad(ui, padX, ui.px(272), keyW, keyH, gap, "staff.key.", "staff.submit",
               intent::SubmitStaffPin{});
}

namespace {
void helpTab(const Ui& ui, const StaffView&, Rect area) {
    if (!ui.state.helpRequested) {
        drawText(ui, ui.fonts.large, ui.tr("staff.help_none"), ui.palette.text, area);
        return;
    }
    drawText(ui, ui.fonts.large, ui.tr("staff.help_waiting"), ui.palette.danger, area);
    if (button(
            ui, "staff.help_handled", ui.tr("staff.help_mark_handled"),
            ui.mirrored({area.x0, area.y0 + ui.px(70), area.x0 + ui.px(420), area.y0 + ui.px(160)}),
            ButtonKind::Primary))
        ui.emit(intent::HandleHelpRequest{});
}

void line(const Ui& ui, float& y, const Rect& area, const std::string& text, Rgb rgb) {
    y += drawText(ui, ui.fonts.body, text, rgb, ui.mirrored({area.x0, y, area.x1, y + ui.px(80)})) +
         ui.px(10);
}

void syncTab(const Ui& ui, const StaffView& view, Rect area) {
    float y = area.y0;
    const SyncStatusView* sync = staff::syncViewOf(ui.state);
    if (!sync || !sync->connected) {
        line(ui, y, area, ui.tr("staff.sync_not_connected"), ui.palette.text);
    } else {
        // A calm sentence for the state: offline is normal for a kiosk.
        const bool needsStaff = sync->state == "refused" || sync->state == "kiosk-error" ||
                                sync->state == "not-enrolled";
        line(ui, y, area, ui.tr("staff.sync_state_" + sync->state),
             needsStaff ? ui.palette.danger : ui.palette.text);
        line(ui, y, area,
             sync->lastSuccess.empty()
                 ? ui.tr("staff.sync_never")
                 : ui.format("staff.sync_last_success", {{"when", sync->lastSuccess}}),
             ui.palette.text);
        if (!sync->lastError.empty())
            line(ui, y, area, ui.format("staff.sync_last_error", {{"error", sync->lastError}}),
                 ui.palette.mutedText);
        if (!sync->nextAttempt.empty())
            line(ui, y, area, ui.format("staff.sync_next", {{"when", sync->nextAttempt}}),
                 ui.palette.text);
    }
    line(ui, y, area, ui.format("staff.sync_queue", {{"count", view.outboxCount}}),
         ui.palette.text);
    y += ui.px(10);
    if (button(ui, "staff.test_connection", ui.tr("staff.test_connection"),
               ui.mirrored({area.x0, y, area.x0 + ui.px(520), y + ui.px(88)}), ButtonKind::Primary))
        ui.emit(intent::TestCityConnection{});
    y += ui.px(104);
    if (!view.connectionTestResult.empty())
        line(ui, y, area, staffText(ui, view.connectionTestResult), ui.palette.text);
    else if (view.connectionTestRequests > 0)
        line(ui, y, area, ui.tr("staff.test_waiting"), ui.palette.mutedText);
}

void packsTab(const Ui& ui, const StaffView& view, Rect area) {
    float y = area.y0;
    if (view.packs.empty()) line(ui, y, area, ui.tr("staff.packs_none"), ui.palette.text);
    for (auto& p : view.packs) {
        const float rowY = y;
        drawText(
            ui, ui.fonts.body,
            ui.format("staff.pack_line",
                      {{"title", p.title}, {"version", p.version}, {"publisher", p.publisher}}),
            ui.palette.text,
            ui.mirrored({area.x0, rowY + ui.px(20), area.x1 - ui.px(380), rowY + ui.px(80)}),
            Align::Start, false);
        if (!p.previousVersion.empty()) {
            const std::string id = "staff.rollback." + p.id;
            if (button(ui, id.c_str(),
                       ui.format("staff.pack_rollback", {{"version", p.previousVersion}}),
                       ui.mirrored({area.x1 - ui.px(360), rowY, area.x1, rowY + ui.px(76)})))
                ui.emit(intent::RollbackPack{p.id});
        }
        y += ui.px(92);
    }
    y += ui.px(10);
    if (button(ui, "staff.find_usb", ui.tr("staff.find_usb"),
               ui.mirrored({area.x0, y, area.x0 + ui.px(560), y + ui.px(80)})))
        ui.emit(intent::FindUsbPacks{});
    if (button(ui, "staff.type_path", ui.tr("staff.type_path"),
               ui.mirrored({area.x0 + ui.px(580), y, area.x1, y + ui.px(80)})))
        ui.emit(intent::OpenStaffForm{static_cast<int>(StaffView::Form::PackPath)});
    y += ui.px(96);
    for (std::size_t i = 0; i < view.usbPackFiles.size() && y < area.y1 - ui.px(80); ++i) {
        const std::string& path = view.usbPackFiles[i];
        const std::string file = path.substr(path.find_last_of('/') + 1);
        const std::string id = "staff.install." + std::to_string(i);
        if (button(ui, id.c_str(), ui.format("staff.install_file", {{"file", file}}),
                   ui.mirrored({area.x0, y, area.x1, y + ui.px(76)}), ButtonKind::Choice))
            ui.emit(intent::InstallPackFromPath{path});
        y += ui.px(88);
    }
}

void statsTab(const Ui& ui, const StaffView& view, Rect area) {
    std::int64_t sessions = 0, assisted = 0, help = 0, sent = 0, lessons = 0;
    for (auto& s : view.statsToday) {
        if (s.metric == "session.started") sessions += s.count;
        if (s.metric == "session.mode" && s.dimension == "assisted") assisted += s.count;
        if (s.metric == "help.requested") help += s.count;
        if (s.metric == "service.completed") sent += s.count;
        if (s.metric == "lesson.completed") lessons += s.count;
    }
    float y = area.y0;
    line(ui, y, area, ui.format("staff.stats_sessions", {{"count", sessions}}), ui.palette.text);
    line(ui, y, area, ui.format("staff.stats_assisted", {{"count", assisted}}), ui.palette.text);
    line(ui, y, area, ui.format("staff.stats_services", {{"count", sent}}), ui.palette.text);
    line(ui, y, area, ui.format("staff.stats_lessons", {{"count", lessons}}), ui.palette.text);
    line(ui, y, area, ui.format("staff.stats_help", {{"count", help}}), ui.palette.text);
}

void settingsTab(const Ui& ui, const StaffView& view, Rect area) {
    const auto& d = view.settingsDraft;
    const float labelW = ui.px(330), rowH = ui.px(76), rowGap = ui.px(16);
    const float x = area.x0 + labelW + ui.px(20);
    float y = area.y0;
    auto label = [&](const std::string& text) {
        drawText(ui, ui.fonts.body, text, ui.palette.text,
                 ui.mirrored({area.x0, y, area.x0 + labelW, y + rowH}), Align::Start, true);
    };

    // Idle time: - value +
    label(ui.tr("staff.settings_idle_label"));
    constexpr int kStep = 10;
    if (button(ui, "staff.idle.less", "-", ui.mirrored({x, y, x + ui.px(96), y + rowH}),
               ButtonKind::Choice, Icon::None, ui.fonts.large) &&
        d.idleTimeoutSeconds - kStep >= LocalSettings::kMinIdleSeconds)
        ui.emit(intent::SetIdleTimeout{d.idleTimeoutSeconds - kStep});
    drawText(ui, ui.fonts.large,
             ui.format("staff.settings_seconds", {{"seconds", d.idleTimeoutSeconds}}),
             ui.palette.text, ui.mirrored({x + ui.px(96), y + ui.px(16), x + ui.px(336), y + rowH}),
             Align::Center, false);
    if (button(ui, "staff.idle.more", "+",
               ui.mirrored({x + ui.px(336), y, x + ui.px(432), y + rowH}), ButtonKind::Choice,
               Icon::None, ui.fonts.large) &&
        d.idleTimeoutSeconds + kStep <= LocalSettings::kMaxIdleSeconds)
        ui.emit(intent::SetIdleTimeout{d.idleTimeoutSeconds + kStep});
    y += rowH + rowGap;

    // Languages: one row for the default, one for the offered ones.
    const auto& langs = ui.state.availableLanguages;
    const float gap = ui.px(10);
    const float langW = langs.empty() ? 0
                                      : (area.x1 - x - gap * static_cast<float>(langs.size() - 1)) /
                                            static_cast<float>(langs.size());
    auto languageRow = [&](const char* prefix, auto selected, auto makeIntent) {
        for (std::size_t i = 0; i < langs.size(); ++i) {
            const float bx = x + static_cast<float>(i) * (langW + gap);
            const std::string id = std::string(prefix) + langs[i].code;
            if (button(ui, id.c_str(), langs[i].nativeName,
                       ui.mirrored({bx, y, bx + langW, y + rowH}),
                       selected(langs[i].code) ? ButtonKind::Selected : ButtonKind::Choice,
                       Icon::None, ui.fonts.body))
                ui.emit(makeIntent(langs[i].code));
        }
    };
    label(ui.tr("staff.settings_default_label"));
    languageRow(
        "staff.default.", [&](const std::string& c) { return c == d.defaultLanguage; },
        [](const std::string& c) { return Intent(intent::SetDefaultLanguage{c}); });
    y += rowH + rowGap;
    label(ui.tr("staff.settings_offered_label"));
    languageRow(
        "staff.offer.",
        [&](const std::string& c) {
            return std::find(d.offeredLanguages.begin(), d.offeredLanguages.end(), c) !=
                   d.offeredLanguages.end();
        },
        [](const std::string& c) { return Intent(intent::ToggleOfferedLanguage{c}); });
    y += rowH + rowGap;

    // City server: the address and "Change" (typed on the keyboard).
    label(ui.tr("staff.settings_city_label"));
    drawText(ui, ui.fonts.body, d.cityUrl, ui.palette.text,
             ui.mirrored({x, y + ui.px(20), area.x1 - ui.px(260), y + rowH}), Align::Start, false);
    if (button(ui, "staff.city.change", ui.tr("staff.change"),
               ui.mirrored({area.x1 - ui.px(240), y, area.x1, y + rowH})))
        ui.emit(intent::OpenStaffForm{static_cast<int>(StaffView::Form::CityUrl)});
    y += rowH + rowGap;

    const bool changed = !(d == view.settings);
    if (button(ui, "staff.settings.save", ui.tr("staff.settings_save"),
               ui.mirrored({x, y, x + ui.px(432), y + ui.px(80)}),
               changed ? ButtonKind::Primary : ButtonKind::Secondary))
        ui.emit(intent::SaveStaffSettings{});
    if (changed)
        drawText(ui, ui.fonts.body, ui.tr("staff.settings_unsaved"), ui.palette.mutedText,
                 ui.mirrored({x + ui.px(452), y + ui.px(20), area.x1, y + ui.px(80)}), Align::Start,
                 false);
}

void staffTab(const Ui& ui, const StaffView& view, Rect area) {
    float y = area.y0;
    if (button(ui, "staff.add_member", ui.tr("staff.add_member"),
               ui.mirrored({area.x0, y, area.x0 + ui.px(480), y + ui.px(80)}), ButtonKind::Primary,
               Icon::None, ui.fonts.body))
        ui.emit(intent::OpenStaffForm{static_cast<int>(StaffView::Form::AddMember)});
    y += ui.px(96);
    for (auto& m : view.members) {
        if (y > area.y1 - ui.px(76)) break;
        std::string text =
            m.name + " — " + ui.tr(m.admin ? "staff.role_admin" : "staff.role_mediator");
        if (m.locked) text += " — " + ui.tr("staff.locked_badge");
        drawText(ui, ui.fonts.body, text, m.locked ? ui.palette.danger : ui.palette.text,
                 ui.mirrored({area.x0, y + ui.px(20), area.x1 - ui.px(260), y + ui.px(76)}),
                 Align::Start, false);
        if (m.locked) {
            const std::string id = "staff.unlock." + m.staffId;
            if (button(ui, id.c_str(), ui.tr("staff.unlock"),
                       ui.mirrored({area.x1 - ui.px(240), y, area.x1, y + ui.px(76)})))
                ui.emit(intent::UnlockStaff{m.staffId});
        }
        y += ui.px(88);
    }
}

void auditTab(const Ui& ui, const StaffView& view, Rect area) {
    if (view.audit.empty()) {
        float y = area.y0;
        line(ui, y, area, ui.tr("staff.audit_none"), ui.palette.text);
        return;
    }
    // The latest entries (newest first) in a drag-scroll list; sync sends them all.
    const float rowH = ui.px(38);
    const float listH = rowH * static_cast<float>(view.audit.size());
    const ScrollView list = beginScrollArea(ui, "staff.audit", area, listH);
    const Rect rows = rowsBeside(ui, area, listH);
    float y = list.top;
    for (auto& a : view.audit) {
        const Rect row{rows.x0, y, rows.x1, y + rowH};
        y += rowH;
        if (!list.visible(row)) continue;
        const std::string text =
            a.when + "   " + a.who + "   " + a.action + (a.detail.empty() ? "" : "   " + a.detail);
        drawText(ui, ui.fonts.body, text, ui.palette.text,
                 ui.mirrored({row.x0, row.y0, row.x1, row.y1 - ui.px(2)}), Align::Start, false);
    }
    endScrollArea(ui);
}
// A one-line text field showing what was typed (with a caret), tap to focus.
void textField(const Ui& ui, const char* id, const std::string& label, const std::string& value,
               Rect box) {
    auto* dl = ImGui::GetWindowDrawList();
    const float labelH = ui.fonts.body->FontSize * 1.4f;
    drawText(ui, ui.fonts.body, label, ui.palette.text,
             ui.mirrored({box.x0, box.y0, box.x1, box.y0 + labelH}), Align::Start, false);
    const Rect field = ui.mirrored({box.x0, box.y0 + labelH + ui.px(6), box.x1, box.y1});
    area(ui, id, label, field);
    dl->AddRectFilled(ImVec2(field.x0, field.y0), ImVec2(field.x1, field.y1),
                      color(ui.palette.surface), ui.px(10));
    dl->AddRect(ImVec2(field.x0, field.y0), ImVec2(field.x1, field.y1), color(ui.palette.focus),
                ui.px(10), 0, ui.px(5));
    // Paths and addresses read left to right in every language.
    const float textY = field.centerY() - ui.fonts.large->FontSize * 0.6f;
    drawText(ui, ui.fonts.large, value + "|", ui.palette.text,
             {field.x0 + ui.px(16), textY, field.x1 - ui.px(16), field.y1}, Align::Start, false);
}

// The new member's PIN: dots and a digit pad (OK goes to the next step).
void newPinPad(const Ui& ui, const StaffView& view) {
    const PrivateInput* input = ui.state.input;
    const std::size_t digits =
        !input ? 0 : (view.formStep == 2 ? input->newStaffPinAgain : input->newStaffPin).size();
    const float padX = ui.px(700), keyW = ui.px(150), keyH = ui.px(100), gap = ui.px(18);
    drawPinDots(ui, ui.mirrored({padX, ui.px(140), padX + 3 * keyW + 2 * gap, ui.px(200)}), digits,
                true);
    drawPinPad(ui, padX, ui.px(272), keyW, keyH, gap, "staff.newpin.", "staff.newpin.ok",
               intent::ConfirmStaffForm{});
}

void drawStaffForm(const Ui& ui, const StaffView& view) {
    using Form = StaffView::Form;
    const char* titleKey = view.form == Form::AddMember  ? "staff.add_member"
                           : view.form == Form::PackPath ? "staff.type_path"
                                                         : "staff.settings_city_label";
    header(ui, ui.tr(titleKey));
    ui.record.instruction = ui.tr(titleKey);
    if (button(ui, "staff.form.cancel", ui.tr("staff.cancel"),
               ui.mirrored({ui.px(24), ui.px(16), ui.px(234), ui.px(96)}), ButtonKind::Secondary,
               Icon::Back))
        ui.emit(intent::CloseStaffForm{});
    const float margin = ui.px(40);
    const float kh = keyboardHeight(ui, KeyboardKind::Text);
    const Rect keys{ui.px(24), ui.height - kh - ui.px(14), ui.width - ui.px(24),
                    ui.height - ui.px(14)};
    const Rect messageBox{margin, ui.px(270), ui.width - margin, ui.px(330)};

    if (view.form == Form::AddMember && view.formStep > 0) {
        const Rect left{margin, ui.px(140), ui.px(660), ui.px(600)};
        float y = left.y0;
        y += drawText(ui, ui.fonts.large,
                      ui.tr(view.formStep == 1 ? "staff.new_pin_first" : "staff.new_pin_again"),
                      ui.palette.text, ui.mirrored({left.x0, y, left.x1, y + ui.px(160)})) +
             ui.px(16);
        y += drawText(ui, ui.fonts.body,
                      ui.format("staff.new_member_line",
                                {{"name", view.newMemberName},
                                 {"role", ui.tr(view.newMemberAdmin ? "staff.role_admin"
                                                                    : "staff.role_mediator")}}),
                      ui.palette.text, ui.mirrored({left.x0, y, left.x1, y + ui.px(100)})) +
             ui.px(16);
        message(ui, view.formMessage, true, ui.mirrored({left.x0, y, left.x1, left.y1}));
        newPinPad(ui, view);
        return;
    }

    if (view.form == Form::AddMember) {
        textField(ui, "staff.form.field", ui.tr("staff.new_member_name"), view.newMemberName,
                  {margin, ui.px(130), ui.px(760), ui.px(262)});
        // Role: mediator or admin.
        const float rx = ui.px(790);
        drawText(ui, ui.fonts.body, ui.tr("staff.new_member_role"), ui.palette.text,
                 ui.mirrored({rx, ui.px(130), ui.width - margin, ui.px(170)}), Align::Start, false);
        if (button(ui, "staff.role.mediator", ui.tr("staff.role_mediator"),
                   ui.mirrored({rx, ui.px(178), rx + ui.px(215), ui.px(262)}),
                   view.newMemberAdmin ? ButtonKind::Choice : ButtonKind::Selected, Icon::None,
                   ui.fonts.body))
            ui.emit(intent::SetNewMemberRole{false});
        if (button(ui, "staff.role.admin", ui.tr("staff.role_admin"),
                   ui.mirrored({rx + ui.px(235), ui.px(178), ui.width - margin, ui.px(262)}),
                   view.newMemberAdmin ? ButtonKind::Selected : ButtonKind::Choice, Icon::None,
                   ui.fonts.body))
            ui.emit(intent::SetNewMemberRole{true});
        message(ui, view.formMessage, true, ui.mirrored(messageBox));
        drawKeyboard(ui, keys, KeyboardKind::Text, intent::ConfirmStaffForm{}, ui.tr("staff.next"));
        return;
    }
    const bool path = view.form == Form::PackPath;
    textField(ui, "staff.form.field", ui.tr(path ? "staff.path_label" : "staff.city_url_label"),
              path ? view.packPath : view.settingsDraft.cityUrl,
              {margin, ui.px(130), ui.width - margin, ui.px(262)});
    if (view.formMessage.empty())
        drawText(ui, ui.fonts.body, ui.tr(path ? "staff.path_hint" : "staff.city_url_hint"),
                 ui.palette.mutedText, ui.mirrored(messageBox));
    else
        message(ui, view.formMessage, true, ui.mirrored(messageBox));
    drawKeyboard(ui, keys, KeyboardKind::Email, intent::ConfirmStaffForm{},
                 ui.tr(path ? "staff.install" : "staff.ok"));
}
} // namespace

void drawStaffPanelScreen(const Ui& ui) {
    const StaffView* view = staff::staffViewOf(ui.state);
    if (!view || !view->signedIn) {
        drawComingSoonScreen(ui, "staff.pin_title");
        return;
    }
    if (view->form != StaffView::Form::None && view->signedIn->admin) {
        drawStaffForm(ui, *view);
        return;
    }
    const auto& me = *view->signedIn;
    header(ui, ui.format("staff.panel_title", {{"name", me.name}}) + " (" +
                   ui.tr(me.admin ? "staff.role_admin" : "staff.role_mediator") + ")");
    if (button(ui, "staff.sign_out", ui.tr("staff.sign_out"),
               ui.mirrored({ui.px(24), ui.px(16), ui.px(234), ui.px(96)}), ButtonKind::Secondary,
               Icon::Back))
        ui.emit(intent::SignOutStaff{});
    if (button(ui, "staff.start_assisted", ui.tr("staff.start_assisted"),
               ui.mirrored({ui.width - ui.px(464), ui.px(16), ui.width - ui.px(24), ui.px(96)}),
               ButtonKind::Primary))
        ui.emit(intent::StartAssisted{});
    ui.record.instruction = ui.tr("staff.start_assisted");

    struct TabDef {
        Tab tab;
        const char* key;
        const char* id;
        bool adminOnly;
    };
    static constexpr TabDef kTabs[] = {
        {Tab::Help, "staff.tab_help", "staff.tab.help", false},
        {Tab::Sync, "staff.tab_sync", "staff.tab.sync", false},
        {Tab::Stats, "staff.tab_stats", "staff.tab.stats", false},
        {Tab::Packs, "staff.tab_packs", "staff.tab.packs", true},
        {Tab::Settings, "staff.tab_settings", "staff.tab.settings", true},
        {Tab::Staff, "staff.tab_staff", "staff.tab.staff", true},
        {Tab::Audit, "staff.tab_audit", "staff.tab.audit", true},
    };
    std::vector<const TabDef*> shown;
    for (auto& t : kTabs)
        if (me.admin || !t.adminOnly) shown.push_back(&t);
    const float margin = ui.px(24), tabGap = ui.px(10), tabY = ui.px(128), tabH = ui.px(80);
    const float tabW = (ui.width - 2 * margin - (static_cast<float>(shown.size()) - 1) * tabGap) /
                       static_cast<float>(shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const float x = margin + static_cast<float>(i) * (tabW + tabGap);
        std::string label = ui.tr(shown[i]->key);
        if (shown[i]->tab == Tab::Help && ui.state.helpRequested) label += " (1)";
        // Body-size labels: seven tabs share the width in every language.
        if (button(ui, shown[i]->id, label, ui.mirrored({x, tabY, x + tabW, tabY + tabH}),
                   view->tab == shown[i]->tab ? ButtonKind::Selected : ButtonKind::Choice,
                   Icon::None, ui.fonts.body))
            ui.emit(intent::OpenStaffTab{static_cast<int>(shown[i]->tab)});
    }

    const float messageH = view->message.empty() ? 0 : ui.px(56);
    Rect area{margin + ui.px(16), tabY + tabH + ui.px(28), ui.width - margin - ui.px(16),
              ui.height - margin - messageH};
    switch (view->tab) {
    case Tab::Help:
        helpTab(ui, *view, area);
        break;
    case Tab::Sync:
        syncTab(ui, *view, area);
        break;
    case Tab::Packs:
        packsTab(ui, *view, area);
        break;
    case Tab::Stats:
        statsTab(ui, *view, area);
        break;
    case Tab::Settings:
        settingsTab(ui, *view, area);
        break;
    case Tab::Staff:
        staffTab(ui, *view, area);
        break;
    case Tab::Audit:
        auditTab(ui, *view, area);
        break;
    }
    message(ui, view->message, view->messageIsError,
            ui.mirrored({area.x0, ui.height - margin - messageH, area.x1, ui.height - margin}));
}

} // namespace passerelle::ui
