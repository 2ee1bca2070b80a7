// E-services: the list with search, one question per screen, the review, the receipt.
#include "core/flow/flow_engine.h"
#include "core/resident/content_catalog.h"
#include "core/resident/qr_code.h"
#include "core/session/session.h"
#include "ui/screens/screens.h"
#include "ui/widgets/button.h"
#include "ui/widgets/date_picker.h"
#include "ui/widgets/keyboard.h"
#include "ui/widgets/scroll_area.h"
#include "ui/widgets/speaker_button.h"
#include "ui/widgets/text.h"
#include "ui/widgets/top_bar.h"

#include <charconv>
#include <chrono>
#include <imgui.h>
#include <string>
#include <vector>

namespace passerelle::ui {

namespace {

using flow::StepKind;

std::string_view answerView(const Ui& ui, const std::string& fieldId) {
    if (!ui.state.session) return {};
    auto values = ui.state.session->answer(fieldId);
    return values.empty() ? std::string_view{} : values.front().text();
}

std::string_view packText(const Ui& ui, const pack::Pack& pack, const LocalizedText& text) {
    return pack.text(text, ui.state.language);
}

std::optional<std::chrono::sys_days> parseIsoDate(std::string_view iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    if (std::from_chars(iso.data(), iso.data() + 4, y).ec != std::errc() ||
        std::from_chars(iso.data() + 5, iso.data() + 7, m).ec != std::errc() ||
        std::from_chars(iso.data() + 8, iso.data() + 10, d).ec != std::errc())
        return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                    std::chrono::day(d)};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd);
}

// The plain-language sentence for a refused answer: the pack's own, or the catalog's.
std::string validationMessage(const Ui& ui, const pack::Pack& pack,
                              const flow::ValidationError& error) {
    if (error.customMessage) return std::string(packText(ui, pack, *error.customMessage));
    std::vector<std::string> names;
    std::vector<i18n::NamedArg> args;
    names.reserve(error.params.size());
    for (auto& [name, value] : error.params)
        names.push_back(name);
    size_t i = 0;
    for (auto& [name, value] : error.params) {
        std::string_view n = names[i++];
        if (auto day = parseIsoDate(value)) {
            args.push_back({n, i18n::MessageArg(ui.i18n.formatDate(*day))});
            continue;
        }
        long long number = 0;
        auto res = std::from_chars(value.data(), value.data() + value.size(), number);
        if (res.ec == std::errc() && res.ptr == value.data() + value.size())
            args.push_back({n, i18n::MessageArg(number)});
        else
            args.push_back({n, i18n::MessageArg(value)});
    }
    return ui.i18n.format(error.code, std::span<const i18n::NamedArg>(args));
}

KeyboardKind keyboardFor(StepKind kind) {
    switch (kind) {
    case StepKind::Number:
        return KeyboardKind::Number;
    case StepKind::Phone:
        return KeyboardKind::Phone;
    case StepKind::Email:
        return KeyboardKind::Email;
    default:
        return KeyboardKind::Text;
    }
}

// A text field: the typed text (in guarded memory) in a large box; a tap brings the keyboard.
float drawTextField(const Ui& ui, const flow::Step& step, Rect box) {
    const Palette& p = ui.palette;
    auto* dl = ImGui::GetWindowDrawList();
    const bool focused = ui.state.focus == Focus::Answer;
    dl->AddRectFilled(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1), color(p.surface), ui.px(10));
    dl->AddRect(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1), color(focused ? p.focus : p.border),
                ui.px(10), 0, ui.px(focused ? 4 : 2));
    if (area(ui, "field.answer", step.id, box)) ui.emit(intent::FocusField{Focus::Answer});
    const std::string_view value = answerView(ui, step.id);
    Rect inner{box.x0 + ui.px(20), box.centerY() - ui.fonts.large->FontSize * 0.6f,
               box.x1 - ui.px(20), box.y1};
    if (value.empty()) {
        drawText(ui, ui.fonts.body, ui.tr("flow.type_here"), p.mutedText,
                 {inner.x0, box.centerY() - ui.fonts.body->FontSize * 0.6f, inner.x1, box.y1},
                 Align::Start, false);
    } else {
        drawText(ui, ui.fonts.large, value, p.text, inner, Align::Start, false);
    }
    // A caret after the text shows where typing goes.
    if (focused) {
        const float w = measureText(ui, ui.fonts.large, value).x;
        const float x = ui.rtl ? inner.x1 - w - ui.px(4) : inner.x0 + w + ui.px(4);
        dl->AddLine(ImVec2(x, inner.y0), ImVec2(x, inner.y0 + ui.fonts.large->FontSize * 1.1f),
                    color(p.text), ui.px(3));
    }
    return box.height();
}

// Choices as big buttons, two columns when there are many.
float drawChoices(const Ui& ui, const pack::Pack& pack, const flow::Step& step, Rect area) {
    std::vector<std::pair<std::string, std::string>> options; // value, label
    if (step.kind == StepKind::YesNo) {
        options = {{"yes", ui.tr("common.yes")}, {"no", ui.tr("common.no")}};
    } else {
        for (auto& o : step.options)
            options.emplace_back(o.value, std::string(packText(ui, pack, o.label)));
    }
    const std::string_view current = answerView(ui, step.id);
    std::vector<std::string_view> chosen = step.kind == StepKind::MultipleChoice
                                               ? flow::splitMultiChoice(current)
                                               : std::vector<std::string_view>{current};
    const int columns = options.size() > 4 ? 2 : 1;
    const float gap = ui.px(16);
    const float w = columns == 1 ? std::min(area.width(), ui.px(760)) : (area.width() - gap) / 2;
    const float h = ui.px(78);
    for (size_t i = 0; i < options.size(); ++i) {
        const int col = static_cast<int>(i % columns), row = static_cast<int>(i / columns);
        Rect r{area.x0 + col * (w + gap), area.y0 + row * (h + gap), 0, 0};
        r.x1 = r.x0 + w;
        r.y1 = r.y0 + h;
        const bool selected =
            std::find(chosen.begin(), chosen.end(), options[i].first) != chosen.end() &&
            !current.empty();
        std::string label = options[i].second;
        const std::string id = "choice." + options[i].first;
        if (button(ui, id.c_str(), label, ui.mirrored(r),
                   selected ? ButtonKind::Selected : ButtonKind::Choice, Icon::None,
                   ui.fonts.large)) {
            if (step.kind == StepKind::MultipleChoice)
                ui.emit(intent::ToggleOption{options[i].first});
            else
                ui.emit(intent::SetAnswer{options[i].first});
        }
        if (selected) ui.record.texts.push_back("selected: " + label);
    }
    const size_t rows = (options.size() + columns - 1) / columns;
    return static_cast<float>(rows) * (h + gap);
}

void drawConsent(const Ui& ui, const flow::Step& step, Rect area) {
    const bool agreed = answerView(ui, step.id) == "yes";
    Rect r{area.x0, area.y0, area.x0 + std::min(area.width(), ui.px(760)), area.y0 + ui.px(86)};
    if (button(ui, "consent.agree", ui.tr(agreed ? "flow.consent_given" : "flow.consent_agree"),
               ui.mirrored(r), agreed ? ButtonKind::Selected : ButtonKind::Choice, Icon::None,
               ui.fonts.large))
        ui.emit(agreed ? Intent(intent::SetAnswer{"no"}) : Intent(intent::SetAnswer{"yes"}));
}

// Back at the reading start, Next (or Send on the last step) at the reading end.
void drawNavRow(const Ui& ui, Rect content, bool last) {
    const float h = ui.px(96), bw = ui.px(300);
    // Back moves aside for the speaker button in its corner.
    const float backX0 =
        speakerShown(ui) ? content.x0 + speakerButtonRect(ui).width() + ui.px(16) : content.x0;
    Rect back{backX0, content.y1 - h, backX0 + bw, content.y1};
    Rect next{content.x1 - bw - ui.px(60), content.y1 - h, content.x1, content.y1};
    if (button(ui, "flow.back", ui.tr("common.back"), ui.mirrored(back), ButtonKind::Secondary,
               Icon::Back))
        ui.emit(intent::PreviousStep{});
    if (button(ui, "flow.next", ui.tr(last ? "common.submit" : "common.next"), ui.mirrored(next),
               ButtonKind::Primary))
        ui.emit(last ? Intent(intent::Submit{}) : Intent(intent::NextStep{}));
}

float drawProgress(const Ui& ui, Rect content) {
    const auto& s = ui.state.service;
    const std::string label =
        ui.format("flow.step_of", {{"current", static_cast<int64_t>(s.progress.position)},
                                   {"total", static_cast<int64_t>(s.progress.total)}});
    const float barW = ui.px(360), barH = ui.px(12);
    drawText(ui, ui.fonts.body, label, ui.palette.mutedText,
             {content.x0, content.y0, content.x1 - barW - ui.px(20), content.y0 + ui.px(40)},
             Align::Start, false);
    auto* dl = ImGui::GetWindowDrawList();
    Rect bar = ui.mirrored(
        Rect{content.x1 - barW, content.y0 + ui.px(12), content.x1, content.y0 + ui.px(12) + barH});
    dl->AddRectFilled(ImVec2(bar.x0, bar.y0), ImVec2(bar.x1, bar.y1), color(ui.palette.secondary),
                      barH / 2);
    // Outlined, so the track shows in high contrast too (its fill is the background there).
    dl->AddRect(ImVec2(bar.x0, bar.y0), ImVec2(bar.x1, bar.y1), color(ui.palette.border), barH / 2,
                0, ui.px(1.5f));
    const float share =
        s.progress.total ? static_cast<float>(s.progress.position) / s.progress.total : 0;
    // Progress grows from the reading start: from the right in Arabic.
    if (ui.rtl)
        dl->AddRectFilled(ImVec2(bar.x1 - barW * share, bar.y0), ImVec2(bar.x1, bar.y1),
                          color(ui.palette.accent), barH / 2);
    else
        dl->AddRectFilled(ImVec2(bar.x0, bar.y0), ImVec2(bar.x0 + barW * share, bar.y1),
                          color(ui.palette.accent), barH / 2);
    return ui.px(48);
}

} // namespace

void drawServiceListScreen(const Ui& ui) {
    const Rect content = topBar(ui, ui.tr("home.services"));
    const Palette& p = ui.palette;
    const bool typing = ui.state.focus == Focus::Search;
    // The search box.
    Rect box{content.x0, content.y0, content.x1, content.y0 + ui.px(76)};
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1), color(p.surface), ui.px(10));
    dl->AddRect(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1), color(typing ? p.focus : p.border),
                ui.px(10), 0, ui.px(typing ? 4 : 2));
    if (area(ui, "search.box", ui.tr("search.placeholder"), box))
        ui.emit(intent::FocusField{Focus::Search});
    Rect inner{box.x0 + ui.px(20), box.centerY() - ui.fonts.body->FontSize * 0.6f,
               box.x1 - ui.px(20), box.y1};
    if (ui.state.searchQuery.empty())
        drawText(ui, ui.fonts.body, ui.tr("search.placeholder"), p.mutedText, inner, Align::Start,
                 false);
    else
        drawText(ui, ui.fonts.body, ui.state.searchQuery, p.text, inner, Align::Start, false);
    ui.record.instruction = ui.tr("services.choose");

    std::vector<ContentCatalog::ServiceEntry> services;
    if (ui.state.content)
        services = ui.state.content->services(ui.state.searchQuery, ui.state.language);
    float y = box.y1 + ui.px(20);
    const float bottom = typing ? ui.height - keyboardHeight(ui, KeyboardKind::Text) - ui.px(30)
                                : bottomClearOfSpeaker(ui, content.y1);
    if (!ui.state.searchQuery.empty() || services.empty()) {
        y += drawText(
            ui, ui.fonts.body,
            ui.format("search.no_results", {{"count", static_cast<int64_t>(services.size())}}),
            p.mutedText, {content.x0, y, content.x1, y + ui.px(40)}, Align::Start, true);
        y += ui.px(8);
    }
    // Every service stays reachable: the list drags when it is taller than the room left. Each
    // tile is as tall as its text needs at the chosen text size.
    const float rowGap = ui.px(16);
    const Rect listRect{content.x0, y, content.x1, bottom};
    std::vector<std::pair<std::string, std::string>> texts; // title, hint
    std::vector<float> heights;
    float listH = 0;
    for (const auto& entry : services) {
        texts.emplace_back(packText(ui, *entry.pack, entry.flow->title),
                           typing ? std::string_view{}
                                  : packText(ui, *entry.pack, entry.flow->description));
        heights.push_back(typing ? ui.px(84)
                                 : tileHeight(ui, listRect.width() - ui.px(20), texts.back().first,
                                              texts.back().second, ui.px(128)));
        listH += heights.back() + (heights.size() > 1 ? rowGap : 0);
    }
    const ScrollView view = beginScrollArea(ui, "services.list", listRect, listH);
    const Rect rows = rowsBeside(ui, listRect, listH);
    float top = view.top;
    for (size_t i = 0; i < services.size(); ++i) {
        const auto& entry = services[i];
        const Rect r{rows.x0, top, rows.x1, top + heights[i]};
        top += heights[i] + rowGap;
        if (!view.visible(r)) continue;
        const std::string id = "service." + entry.flow->id;
        if (tile(ui, id.c_str(), texts[i].first, texts[i].second, Icon::Services, p.primary, r))
            ui.emit(intent::OpenService{entry.pack->manifest().id, entry.flow->id});
    }
    endScrollArea(ui);
    if (typing) {
        const float kh = keyboardHeight(ui, KeyboardKind::Text);
        drawKeyboard(ui,
                     {content.x0, ui.height - kh - ui.px(14), content.x1, ui.height - ui.px(14)},
                     KeyboardKind::Text, intent::FocusField{Focus::None}, ui.tr("keyboard.done"));
    }
}

void drawServiceStepScreen(const Ui& ui) {
    const auto& s = ui.state.service;
    if (!s.active()) return drawComingSoonScreen(ui, "home.services");
    const pack::Pack& pack = *s.pack;
    const flow::Step& step = s.flow->steps[s.step];
    const Palette& p = ui.palette;
    Rect content = topBar(ui, packText(ui, pack, s.flow->title));
    float y = content.y0 + drawProgress(ui, content);

    const std::string_view title = packText(ui, pack, step.title);
    ui.record.instruction = std::string(title);
    const bool keyboardUp = ui.state.focus == Focus::Answer;
    const bool last =
        !s.engine->nextStep(s.step, [&](std::string_view id) -> std::optional<std::string_view> {
            auto v = answerView(ui, std::string(id));
            if (v.empty()) return std::nullopt;
            return v;
        });
    const std::string message = s.error ? validationMessage(ui, pack, *s.error) : std::string();

    // The question, its explanation and the answer widget, from `top`; returns the bottom.
    auto drawQuestion = [&](Rect area, float top) {
        float at = top;
        at += drawText(ui, ui.fonts.large, title, p.text, {area.x0, at, area.x1, at}, Align::Start,
                       true) +
              ui.px(6);
        const std::string_view body = packText(ui, pack, step.body);
        if (!body.empty() && !(keyboardUp && step.kind != StepKind::Information))
            at += drawText(ui, ui.fonts.body, body, p.mutedText, {area.x0, at, area.x1, at},
                           Align::Start, true) +
                  ui.px(10);
        at += ui.px(6);
        switch (step.kind) {
        case StepKind::Text:
        case StepKind::Number:
        case StepKind::Phone:
        case StepKind::Email:
            at += drawTextField(ui, step, {area.x0, at, area.x1, at + ui.px(84)});
            break;
        case StepKind::Date:
            at += drawDatePicker(ui, step.id, answerView(ui, step.id),
                                 {area.x0, at, area.x1, area.y1});
            break;
        case StepKind::SingleChoice:
        case StepKind::MultipleChoice:
        case StepKind::YesNo:
            at += drawChoices(ui, pack, step, {area.x0, at, area.x1, area.y1});
            break;
        case StepKind::Consent:
            drawConsent(ui, step, {area.x0, at, area.x1, area.y1});
            at += ui.px(86);
            break;
        case StepKind::Information:
        case StepKind::Review:
            break;
        }
        return at;
    };

    if (keyboardUp) {
        // A text answer: the question, the field and the refusal stay above the keyboard.
        float bottom = drawQuestion(content, y);
        if (!message.empty())
            drawText(ui, ui.fonts.large, message, p.danger,
                     {content.x0, bottom + ui.px(10), content.x1, bottom + ui.px(100)},
                     Align::Start, true);
        const KeyboardKind kind = keyboardFor(step.kind);
        const float kh = keyboardHeight(ui, kind);
        drawKeyboard(ui,
                     {content.x0, ui.height - kh - ui.px(14), content.x1, ui.height - ui.px(14)},
                     kind, last ? Intent(intent::Submit{}) : Intent(intent::NextStep{}),
                     ui.tr(last ? "common.submit" : "common.next"));
        return;
    }
    // Otherwise the question drags when it is taller than the room (largest text, many
    // choices); a refusal sits just above Back/Next, always in view.
    const float navTop = content.y1 - ui.px(96) - ui.px(12);
    const float messageH =
        message.empty() ? 0
                        : measureText(ui, ui.fonts.large, message, content.width()).y + ui.px(12);
    if (!message.empty())
        drawText(ui, ui.fonts.large, message, p.danger,
                 {content.x0, navTop - messageH, content.x1, navTop}, Align::Start, true);
    const Rect questionRect{content.x0, y, content.x1, navTop - messageH};
    const std::string areaId = "step." + step.id;
    const ScrollView view = beginScrollArea(ui, areaId.c_str(), questionRect);
    const float bottom = drawQuestion(rowsBeside(ui, questionRect, view.contentHeight), view.top);
    endScrollArea(ui, bottom);
    drawNavRow(ui, content, last);
}

void drawServiceReviewScreen(const Ui& ui) {
    const auto& s = ui.state.service;
    if (!s.active()) return drawComingSoonScreen(ui, "home.services");
    const pack::Pack& pack = *s.pack;
    const Palette& p = ui.palette;
    Rect content = topBar(ui, packText(ui, pack, s.flow->title));
    float y = content.y0 + drawProgress(ui, content);
    const std::string heading = ui.tr("flow.review_title");
    ui.record.instruction = heading;
    y += drawText(ui, ui.fonts.large, heading, p.text, {content.x0, y, content.x1, y + ui.px(60)},
                  Align::Start, false) +
         ui.px(8);

    auto lookup = [&](std::string_view id) -> std::optional<std::string_view> {
        auto v = answerView(ui, std::string(id));
        if (v.empty()) return std::nullopt;
        return v;
    };
    const auto rows = s.engine->submittedSteps(lookup);
    const float navH = ui.px(110);
    const float listBottom = content.y1 - navH - (s.submitError.empty() ? 0 : ui.px(70));

    // Long reviews drag inside their own region; the Send button stays in view.
    const float rowH = ui.px(92), changeW = ui.px(200);
    std::vector<std::size_t> reviewed;
    for (std::size_t index : rows)
        if (s.flow->steps[index].kind != StepKind::Consent) // asked after the review
            reviewed.push_back(index);
    const Rect listRect{content.x0, y, content.x1, listBottom};
    const float listH = reviewed.size() * rowH;
    const ScrollView view = beginScrollArea(ui, "review.rows", listRect, listH);
    const Rect rowsRect = rowsBeside(ui, listRect, listH);
    float ry = view.top;
    for (std::size_t index : reviewed) {
        const flow::Step& step = s.flow->steps[index];
        Rect row{rowsRect.x0, ry, rowsRect.x1, ry + rowH};
        ry += rowH;
        if (!view.visible(row)) continue;
        auto* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(row.x0, row.y0), ImVec2(row.x1, row.y1 - ui.px(8)),
                          color(p.surface), ui.px(10));
        Rect textBox = ui.mirrored(
            Rect{row.x0 + ui.px(18), row.y0 + ui.px(6), row.x1 - changeW - ui.px(30), row.y1});
        drawText(ui, ui.fonts.body, packText(ui, pack, step.title), p.mutedText,
                 {textBox.x0, textBox.y0, textBox.x1, textBox.y0 + ui.px(36)}, Align::Start, false);
        std::string value = s.engine->displayValue(index, answerView(ui, step.id),
                                                   ui.state.language, pack.fallbackLanguage());
        if (step.kind == StepKind::Date) // written out in the resident's language
            if (auto day = parseIsoDate(answerView(ui, step.id))) value = ui.i18n.formatDate(*day);
        drawText(ui, ui.fonts.large, value, p.text,
                 {textBox.x0, textBox.y0 + ui.px(32), textBox.x1, row.y1}, Align::Start, false);
        const std::string id = "review.change." + step.id;
        Rect change = ui.mirrored(Rect{row.x1 - changeW - ui.px(10), row.y0 + ui.px(8),
                                       row.x1 - ui.px(10), row.y1 - ui.px(16)});
        if (button(ui, id.c_str(), ui.tr("common.change"), change, ButtonKind::Secondary,
                   Icon::None, ui.fonts.body))
            ui.emit(intent::EditStep{index});
    }
    endScrollArea(ui);

    if (!s.submitError.empty())
        drawText(ui, ui.fonts.body, s.submitError, p.danger,
                 {content.x0, listBottom + ui.px(8), content.x1, listBottom + ui.px(70)},
                 Align::Start, true);
    const bool last = !s.engine->nextStep(s.step, lookup);
    drawNavRow(ui, content, last);
}

void drawServiceReceiptScreen(const Ui& ui) {
    const auto& s = ui.state.service;
    const Palette& p = ui.palette;
    Rect content = topBar(ui, s.active() ? std::string(packText(ui, *s.pack, s.flow->title))
                                         : ui.tr("home.services"));
    const std::string title = ui.tr("receipt.title");
    ui.record.instruction = title;
    float y = content.y0 + ui.px(10);
    // Text at the reading start, the QR code at the reading end.
    const float qrSide = ui.px(300);
    Rect textCol = ui.mirrored(Rect{content.x0, y, content.x1 - qrSide - ui.px(60), content.y1});
    y += drawText(ui, ui.fonts.large, title, p.text, {textCol.x0, y, textCol.x1, y + ui.px(60)},
                  Align::Start, true) +
         ui.px(16);
    y += drawText(ui, ui.fonts.body,
                  ui.format("receipt.reference", {{"reference", s.referenceCode}}), p.text,
                  {textCol.x0, y, textCol.x1, y + ui.px(40)}, Align::Start, true);
    // The reference itself, big and spaced, left to right in every language (it is a code).
    auto* dl = ImGui::GetWindowDrawList();
    Rect codeBox{textCol.x0, y + ui.px(8), textCol.x1, y + ui.px(110)};
    dl->AddRectFilled(ImVec2(codeBox.x0, codeBox.y0), ImVec2(codeBox.x1, codeBox.y1),
                      color(p.surface), ui.px(12));
    dl->AddRect(ImVec2(codeBox.x0, codeBox.y0), ImVec2(codeBox.x1, codeBox.y1), color(p.accent),
                ui.px(12), 0, ui.px(3));
    ui.record.texts.push_back(s.referenceCode);
    const ImVec2 size = ui.fonts.title->CalcTextSizeA(ui.fonts.title->FontSize, FLT_MAX, 0,
                                                      s.referenceCode.c_str());
    dl->AddText(ui.fonts.title, ui.fonts.title->FontSize,
                ImVec2(codeBox.centerX() - size.x / 2, codeBox.centerY() - size.y / 2),
                color(p.text), s.referenceCode.c_str());
    y = codeBox.y1 + ui.px(24);
    y += drawText(ui, ui.fonts.body, ui.tr("receipt.next_steps"), p.text,
                  {textCol.x0, y, textCol.x1, y + ui.px(90)}, Align::Start, true);
    y += ui.px(8);
    drawText(ui, ui.fonts.body, ui.tr("receipt.keep_code"), p.mutedText,
             {textCol.x0, y, textCol.x1, y + ui.px(90)}, Align::Start, true);

    if (auto qr = makeQrCode(s.referenceCode)) {
        Rect qrBox = ui.mirrored(Rect{content.x1 - qrSide, content.y0 + ui.px(20), content.x1,
                                      content.y0 + ui.px(20) + qrSide});
        dl->AddRectFilled(ImVec2(qrBox.x0, qrBox.y0), ImVec2(qrBox.x1, qrBox.y1), IM_COL32_WHITE);
        const int quiet = 4; // the quiet zone QR readers need
        const float module = qrSide / static_cast<float>(qr->size + 2 * quiet);
        for (int my = 0; my < qr->size; ++my)
            for (int mx = 0; mx < qr->size; ++mx)
                if (qr->at(mx, my)) {
                    const float x0 = qrBox.x0 + (mx + quiet) * module,
                                y0 = qrBox.y0 + (my + quiet) * module;
                    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + module, y0 + module),
                                      IM_COL32_BLACK);
                }
    }
    const float h = ui.px(96), bw = ui.px(360);
    Rect home = ui.mirrored(Rect{content.x0, content.y1 - h, content.x0 + bw, content.y1});
    Rect finish = ui.mirrored(Rect{content.x1 - bw, content.y1 - h, content.x1, content.y1});
    if (button(ui, "receipt.home", ui.tr("receipt.another"), home, ButtonKind::Secondary))
        ui.emit(intent::Open{ScreenId::Home});
    if (button(ui, "receipt.finish", ui.tr("common.finish"), finish, ButtonKind::Primary,
               Icon::Finish))
        ui.emit(intent::Finish{});
}

} // namespace passerelle::ui
