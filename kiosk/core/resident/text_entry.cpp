#include "core/resident/text_entry.h"

#include "core/flow/flow_engine.h"
#include "core/resident/feature_handlers.h"
#include "core/resident/private_input.h"
#include "core/session/session.h"

#include <cstring>

namespace passerelle::resident {

namespace {
constexpr std::size_t kMaxAnswerBytes = 2000;
constexpr std::size_t kMaxSearchBytes = 80;
constexpr std::size_t kMaxCodeBytes = 16;

const flow::Step* currentStep(const KioskState& state) {
    if (!state.service.flow || state.service.step >= state.service.flow->steps.size())
        return nullptr;
    return &state.service.flow->steps[state.service.step];
}

std::string_view currentAnswer(const KioskServices& services, const flow::Step& step) {
    if (!services.session) return {};
    auto values = services.session->answer(step.id);
    return values.empty() ? std::string_view{} : values.front().text();
}

SecretBytes* privateField(const KioskServices& services, Focus focus) {
    if (!services.input) return nullptr;
    switch (focus) {
    case Focus::LearnerCode:
        return &services.input->learnerCode;
    case Focus::LearnerPin:
        return &services.input->learnerPin;
    case Focus::StaffPin:
        return &services.input->staffPin;
    default:
        return nullptr;
    }
}

// Applies an edit to whichever field has the focus.
template <class Edit>
void editFocused(KioskState& state, const KioskServices& services, Edit edit, std::size_t limit) {
    if (state.focus == Focus::Search) {
        SecretBytes next = edit(std::string_view(state.searchQuery));
        if (next.size() <= kMaxSearchBytes) state.searchQuery.assign(next.text());
        return;
    }
    if (state.focus == Focus::Answer) {
        const flow::Step* step = currentStep(state);
        if (!step || !services.session) return;
        SecretBytes next = edit(currentAnswer(services, *step));
        const std::size_t max = step->validation.maxLength ? *step->validation.maxLength : limit;
        if (next.size() > kMaxAnswerBytes || characterCount(next.text()) > max)
            return; // the field is full
        if (next.empty())
            services.session->clearAnswer(step->id);
        else
            (void)services.session->setAnswer(step->id, next.text());
        state.service.error.reset(); // the resident is fixing it
        return;
    }
    if (SecretBytes* field = privateField(services, state.focus)) {
        SecretBytes next = edit(field->text());
        if (next.size() <= kMaxCodeBytes) *field = std::move(next);
    }
}
} // namespace

SecretBytes appended(std::string_view current, std::string_view text) {
    SecretBytes out(current.size() + text.size());
    if (!current.empty()) std::memcpy(out.data(), current.data(), current.size());
    if (!text.empty()) std::memcpy(out.data() + current.size(), text.data(), text.size());
    return out;
}

SecretBytes withoutLastCharacter(std::string_view current) {
    std::size_t end = current.size();
    if (end == 0) return SecretBytes();
    --end;
    while (end > 0 && (static_cast<unsigned char>(current[end]) & 0xC0) == 0x80)
        --end;
    return SecretBytes(current.substr(0, end));
}

std::size_t characterCount(std::string_view utf8) {
    return flow::codePointCount(utf8);
}

bool handleTextEntry(KioskState& state, const KioskServices& services, const Intent& intent) {
    if (const auto* focus = std::get_if<intent::FocusField>(&intent)) {
        state.focus = focus->field;
        state.keyboard = {};
        return true;
    }
    if (const auto* type = std::get_if<intent::TypeText>(&intent)) {
        editFocused(
            state, services, [&](std::string_view cur) { return appended(cur, type->text); },
            kMaxAnswerBytes);
        state.keyboard.shift = false; // one capital, like a phone keyboard
        return true;
    }
    if (std::holds_alternative<intent::DeleteBackward>(intent)) {
        editFocused(
            state, services, [](std::string_view cur) { return withoutLastCharacter(cur); },
            kMaxAnswerBytes);
        return true;
    }
    if (std::holds_alternative<intent::ClearField>(intent)) {
        editFocused(
            state, services, [](std::string_view) { return SecretBytes(); }, kMaxAnswerBytes);
        return true;
    }
    if (std::holds_alternative<intent::ToggleShift>(intent)) {
        state.keyboard.shift = !state.keyboard.shift;
        return true;
    }
    if (const auto* page = std::get_if<intent::SwitchKeyboardPage>(&intent)) {
        state.keyboard.page = page->page;
        state.keyboard.shift = false;
        return true;
    }
    return false;
}

} // namespace passerelle::resident
