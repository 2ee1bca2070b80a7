// The learner code + PIN panel: "Save my progress" (a new code is shown, the resident chooses a
// PIN) and "Continue where I left off" (the resident types code and PIN). It has its own keypads:
// digits for the PIN, and for the code only the 32 symbols a code can contain.
#include "core/resident/lesson_learner.h"
#include "core/resident/lesson_visit.h"
#include "core/resident/private_input.h"
#include "core/session/reference_code.h"
#include "ui/screens/lesson_parts.h"
#include "ui/widgets/button.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <imgui.h>
#include <string>

namespace passerelle::ui::lesson_ui {

namespace {

constexpr std::size_t kCodeSymbols = 8;

std::string_view typed(const SecretBytes& field) {
    return field.text();
}

// "ABCD-EFGH" as it is typed (the dash comes by itself; the code check ignores it).
std::string shownCode(std::string_view code) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i == 4) out += '-';
        out += code[i];
    }
    return out;
}

// A field box: tap to type into it; the focused one has a thick focus ring.
void drawField(const Ui& ui, const char* id, const std::string& label, Rect box, bool focused,
               Focus focus, const auto& drawValue) {
    auto* dl = ImGui::GetWindowDrawList();
    const float labelH = ui.fonts.body->FontSize * 1.3f;
    drawText(ui, ui.fonts.body, label, ui.palette.text, {box.x0, box.y0, box.x1, box.y0 + labelH},
             Align::Start, false);
    const Rect field{box.x0, box.y0 + labelH + ui.px(6), box.x1, box.y1};
    if (area(ui, id, label, field)) ui.emit(intent::FocusField{focus});
    dl->AddRectFilled(ImVec2(field.x0, field.y0), ImVec2(field.x1, field.y1),
                      color(ui.palette.surface), ui.px(10));
    dl->AddRect(ImVec2(field.x0, field.y0), ImVec2(field.x1, field.y1),
                color(focused ? ui.palette.focus : ui.palette.border), ui.px(10), 0,
                focused ? ui.px(5) : ui.px(2));
    drawValue(field);
}

// PIN digits as dots: never the digits themselves.
void drawPinDots(const Ui& ui, Rect field, std::size_t count) {
    auto* dl = ImGui::GetWindowDrawList();
    const float r = ui.px(11), step = ui.px(38);
    const float total = step * (resident::kMaxPinDigits - 1);
    const float x0 = field.centerX() - total / 2;
    for (std::size_t i = 0; i < resident::kMaxPinDigits; ++i) {
        // Dots fill from the reading start.
        const std::size_t slot = ui.rtl ? resident::kMaxPinDigits - 1 - i : i;
        const ImVec2 c(x0 + step * static_cast<float>(slot), field.centerY());
        if (i < count)
            dl->AddCircleFilled(c, r, color(ui.palette.text));
        else
            dl->AddCircle(c, r, color(ui.palette.border), 0, ui.px(2));
    }
}

void digitPad(const Ui& ui, Rect pad, std::size_t typedDigits) {
    const float gap = ui.px(14);
    const float keyW = (pad.width() - 2 * gap) / 3;
    const float keyH = std::min(ui.px(104), (pad.height() - 3 * gap) / 4);
    const float y0 = pad.centerY() - (4 * keyH + 3 * gap) / 2;
    static constexpr const char* kKeys[] = {"1", "2", "3", "4", "5", "6",
                                            "7", "8", "9", "",  "0", ""};
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, col = i % 3;
        const Rect key{pad.x0 + col * (keyW + gap), y0 + row * (keyH + gap),
                       pad.x0 + col * (keyW + gap) + keyW, y0 + row * (keyH + gap) + keyH};
        if (i == 11) {
            if (button(ui, "lesson.pad.delete", ui.tr("keyboard.delete"), key,
                       ButtonKind::Secondary, Icon::Back, ui.fonts.body))
                ui.emit(intent::DeleteBackward{});
            continue;
        }
        if (!*kKeys[i]) continue;
        const std::string id = std::string("lesson.pad.") + kKeys[i];
        if (button(ui, id.c_str(), kKeys[i], key, ButtonKind::Choice, Icon::None, ui.fonts.title) &&
            typedDigits < resident::kMaxPinDigits)
            ui.emit(intent::TypeText{kKeys[i]});
    }
}

void codePad(const Ui& ui, Rect pad, std::size_t typedSymbols) {
    const int cols = 8, rows = 5;
    const float gap = ui.px(10);
    const float keyW = (pad.width() - (cols - 1) * gap) / cols;
    const float keyH = std::min(ui.px(96), (pad.height() - (rows - 1) * gap) / rows);
    const float y0 = pad.centerY() - (rows * keyH + (rows - 1) * gap) / 2;
    for (std::size_t i = 0; i < kReferenceAlphabet.size(); ++i) {
        const int row = static_cast<int>(i) / cols, col = static_cast<int>(i) % cols;
        const Rect key{pad.x0 + col * (keyW + gap), y0 + row * (keyH + gap),
                       pad.x0 + col * (keyW + gap) + keyW, y0 + row * (keyH + gap) + keyH};
        const std::string symbol(1, kReferenceAlphabet[i]);
        const std::string id = "lesson.code." + symbol;
        if (button(ui, id.c_str(), symbol, key, ButtonKind::Choice) &&
            typedSymbols < kCodeSymbols) {
            ui.emit(intent::TypeText{symbol});
            // The code is complete: the PIN comes next.
            if (typedSymbols + 1 == kCodeSymbols) ui.emit(intent::FocusField{Focus::LearnerPin});
        }
    }
    const float y = y0 + 4 * (keyH + gap);
    const Rect del{pad.x1 - 3 * keyW - 2 * gap, y, pad.x1, y + keyH};
    if (button(ui, "lesson.pad.delete", ui.tr("keyboard.delete"), del, ButtonKind::Secondary,
               Icon::Back, ui.fonts.body))
        ui.emit(intent::DeleteBackward{});
}

} // namespace

bool drawLearnerPanel(const Ui& ui, Rect content) {
    const auto* visit = resident::findLessonVisit(ui.state.input);
    if (!visit || visit->panel == resident::LearnerPanel::None || !ui.state.input) return false;
    const bool saving = visit->panel == resident::LearnerPanel::Save;
    const PrivateInput& input = *ui.state.input;

    const float padW = content.width() * 0.5f;
    const Rect left{content.x0, content.y0, content.x1 - padW - ui.px(40), content.y1};
    const Rect pad = mirrored(ui, {content.x1 - padW, content.y0, content.x1, content.y1}, content);
    const Rect col = mirrored(ui, left, content);

    float y = col.y0;
    const std::string title = ui.tr(saving ? "lesson.learner.save" : "lesson.learner.resume");
    y += drawText(ui, ui.fonts.large, title, ui.palette.text, {col.x0, y, col.x1, y + ui.px(60)},
                  Align::Start, false) +
         ui.px(8);
    const float fieldH = ui.px(116);
    if (saving) {
        y += drawText(ui, ui.fonts.body, ui.tr("lesson.learner.your_code"), ui.palette.text,
                      {col.x0, y, col.x1, y + ui.px(40)}, Align::Start, false);
        y += drawText(ui, ui.fonts.title, typed(input.learnerCode), ui.palette.text,
                      {col.x0, y, col.x1, y + ui.px(90)}, Align::Start, false);
        const std::string hint = ui.tr("lesson.learner.write_down");
        ui.record.instruction = hint;
        y += drawText(ui, ui.fonts.body, hint, ui.palette.text, {col.x0, y, col.x1, y + ui.px(100)},
                      Align::Start, true) +
             ui.px(10);
        drawField(ui, "lesson.learner.pin", ui.tr("lesson.learner.choose_pin"),
                  {col.x0, y, col.x1, y + fieldH}, true, Focus::LearnerPin,
                  [&](Rect f) { drawPinDots(ui, f, input.learnerPin.size()); });
        y += fieldH + ui.px(16);
    } else {
        const std::string hint = ui.tr("lesson.learner.enter_code");
        ui.record.instruction = hint;
        y += drawText(ui, ui.fonts.body, hint, ui.palette.text, {col.x0, y, col.x1, y + ui.px(80)},
                      Align::Start, true) +
             ui.px(10);
        const bool codeFocused = ui.state.focus != Focus::LearnerPin;
        drawField(ui, "lesson.learner.code", ui.tr("lesson.learner.code_label"),
                  {col.x0, y, col.x1, y + fieldH}, codeFocused, Focus::LearnerCode, [&](Rect f) {
                      drawCentered(ui, ui.fonts.large, shownCode(typed(input.learnerCode)),
                                   ui.palette.text, f);
                  });
        y += fieldH + ui.px(12);
        drawField(ui, "lesson.learner.pin", ui.tr("lesson.learner.pin_label"),
                  {col.x0, y, col.x1, y + fieldH}, !codeFocused, Focus::LearnerPin,
                  [&](Rect f) { drawPinDots(ui, f, input.learnerPin.size()); });
        y += fieldH + ui.px(16);
    }
    drawLearnerMessage(ui, {col.x0, y, col.x1, y});

    const float buttonH = ui.px(96), gap = ui.px(20);
    const float half = (left.width() - gap) / 2;
    const Rect cancel =
        mirrored(ui, {left.x0, left.y1 - buttonH, left.x0 + half, left.y1}, content);
    const Rect go = mirrored(ui, {left.x1 - half, left.y1 - buttonH, left.x1, left.y1}, content);
    if (button(ui, "lesson.learner.cancel", ui.tr("common.cancel"), cancel, ButtonKind::Secondary))
        ui.emit(intent::Back{}); // closes the panel and wipes what was typed
    if (button(ui, "lesson.learner.confirm",
               ui.tr(saving ? "lesson.learner.save_button" : "lesson.learner.continue"), go,
               ButtonKind::Primary)) {
        if (saving)
            ui.emit(intent::SaveLearner{});
        else
            ui.emit(intent::ResumeLearner{});
    }

    if (!saving && ui.state.focus != Focus::LearnerPin)
        codePad(ui, pad, input.learnerCode.size());
    else
        digitPad(ui, pad, input.learnerPin.size());
    return true;
}

} // namespace passerelle::ui::lesson_ui
