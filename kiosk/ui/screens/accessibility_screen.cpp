// Accessibility panel: text size, high contrast, read-aloud and its volume, more time.
// Every control says its state in words ("On"/"Off"), never by colour alone, and the layout is
// measured from the fonts so it reflows at the largest text size.
#include "ui/screens/screens.h"
#include "ui/widgets/button.h"
#include "ui/widgets/speaker_button.h"
#include "ui/widgets/text.h"
#include "ui/widgets/top_bar.h"

#include <algorithm>
#include <imgui.h>
#include <string>

namespace passerelle::ui {

namespace {
float lineHeight(const ImFont* font) {
    return font->FontSize * 1.2f;
}

// An on/off switch drawn at the reading end of `row`, with the state word before it.
struct ToggleParts {
    float switchW, wordW, pad;
};

ToggleParts toggleParts(const Ui& ui) {
    const float wordW = std::max(measureText(ui, ui.fonts.body, ui.tr("accessibility.on")).x,
                                 measureText(ui, ui.fonts.body, ui.tr("accessibility.off")).x);
    return {ui.px(84), wordW, ui.px(24)};
}

float toggleHeight(const Ui& ui, std::string_view name, float width) {
    const ToggleParts parts = toggleParts(ui);
    const float nameW = width - 4 * parts.pad - parts.switchW - parts.wordW;
    const float textH = measureText(ui, ui.fonts.body, name, nameW).y;
    return std::max(ui.px(88), textH + ui.px(32));
}

// A full-width toggle: "High contrast ........ Off (o  )". Returns true on tap.
bool toggle(const Ui& ui, const char* id, std::string_view name, bool on, Rect rowLtr) {
    const Palette& p = ui.palette;
    const std::string word = ui.tr(on ? "accessibility.on" : "accessibility.off");
    const Rect row = ui.mirrored(rowLtr);
    const bool tapped =
        area(ui, id, ui.format("accessibility.setting_state", {{"setting", name}, {"state", word}}),
             row);
    const bool pressed = ImGui::IsItemActive();
    auto* dl = ImGui::GetWindowDrawList();
    const float rounding = ui.px(14);
    dl->AddRectFilled(ImVec2(row.x0, row.y0), ImVec2(row.x1, row.y1),
                      color(p.surface, pressed ? 0.7f : 1.0f), rounding);
    dl->AddRect(ImVec2(row.x0, row.y0), ImVec2(row.x1, row.y1), color(on ? p.focus : p.border),
                rounding, 0, on ? ui.px(4) : ui.px(2));

    const ToggleParts parts = toggleParts(ui);
    const float switchH = ui.px(44);
    // Reading end: the switch; before it the state word; the rest is the name.
    const Rect sw =
        ui.mirrored({rowLtr.x1 - parts.pad - parts.switchW, rowLtr.centerY() - switchH / 2,
                     rowLtr.x1 - parts.pad, rowLtr.centerY() + switchH / 2});
    dl->AddRectFilled(ImVec2(sw.x0, sw.y0), ImVec2(sw.x1, sw.y1),
                      color(on ? p.primary : p.background), switchH / 2);
    dl->AddRect(ImVec2(sw.x0, sw.y0), ImVec2(sw.x1, sw.y1), color(on ? p.primary : p.text),
                switchH / 2, 0, ui.px(3));
    // The knob sits at the reading end when on, at the start when off (position, not colour).
    const bool knobRight = on != ui.rtl;
    const float r = switchH / 2 - ui.px(7);
    const ImVec2 knob(knobRight ? sw.x1 - switchH / 2 : sw.x0 + switchH / 2, sw.centerY());
    dl->AddCircleFilled(knob, r, color(on ? p.onPrimary : p.text));

    const float wordX1 = rowLtr.x1 - 2 * parts.pad - parts.switchW;
    const Rect wordBox = ui.mirrored({wordX1 - parts.wordW, rowLtr.y0, wordX1, rowLtr.y1});
    const float lh = lineHeight(ui.fonts.body);
    drawText(ui, ui.fonts.body, word, p.text,
             {wordBox.x0, row.centerY() - lh / 2, wordBox.x1, row.centerY() + lh / 2}, Align::End,
             false);

    const float nameX1 = wordX1 - parts.wordW - parts.pad;
    const Rect nameBox = ui.mirrored({rowLtr.x0 + parts.pad, rowLtr.y0, nameX1, rowLtr.y1});
    const float nameH = measureText(ui, ui.fonts.body, name, nameBox.width()).y;
    drawText(ui, ui.fonts.body, name, p.text,
             {nameBox.x0, row.centerY() - nameH / 2, nameBox.x1, row.centerY() + nameH / 2},
             Align::Start, true);
    return tapped;
}
} // namespace

void drawAccessibilityScreen(const Ui& ui) {
    const Rect content = topBar(ui, ui.tr("home.accessibility"));
    const Palette& p = ui.palette;
    const AccessibilitySettings& a = ui.state.accessibility;
    const std::string instruction = ui.tr("accessibility.instruction");
    ui.record.instruction = instruction;

    float y = content.y0;
    y += drawText(ui, ui.fonts.body, instruction, p.mutedText, {content.x0, y, content.x1, y},
                  Align::Start, true);
    y += ui.px(20);

    const float gap = ui.px(32);
    const float colW = (content.width() - gap) / 2;
    const float startX0 = content.x0, endX0 = content.x0 + colW + gap;
    const float top = y;

    // Reading-start column: text size, with a live preview. Ends above the speaker corner.
    const Rect speaker = speakerButtonRect(ui);
    const float startBottom = speaker.y0 - ui.px(16);
    y += drawText(ui, ui.fonts.large, ui.tr("accessibility.text_size"), p.text,
                  ui.mirrored({startX0, y, startX0 + colW, y}), Align::Start, true);
    y += ui.px(12);
    const char* sizeIds[] = {"accessibility.size.0", "accessibility.size.1",
                             "accessibility.size.2"};
    const char* sizeKeys[] = {"accessibility.size_normal", "accessibility.size_large",
                              "accessibility.size_largest"};
    const char* sizeGlyphs[] = {"A", "A+", "A++"};
    const float segGap = ui.px(16);
    const float segW = (colW - 2 * segGap) / 3;
    const float segH = std::max(ui.px(96), lineHeight(ui.fonts.large) + ui.px(28));
    for (int step = 0; step < 3; ++step) {
        const Rect r = ui.mirrored({startX0 + step * (segW + segGap), y,
                                    startX0 + step * (segW + segGap) + segW, y + segH});
        const bool selected = a.textSize == step;
        if (button(ui, sizeIds[step], sizeGlyphs[step], r,
                   selected ? ButtonKind::Selected : ButtonKind::Choice))
            ui.emit(intent::SetTextSize{step});
        // Spoken and found by its name; the selected one also says so in words below.
        ui.record.targets.back().label = ui.tr(sizeKeys[step]);
        if (selected) { // a bar under the letters: the choice shows by shape, not only colour
            auto* dl = ImGui::GetWindowDrawList();
            const float barW = segW * 0.4f;
            dl->AddRectFilled(ImVec2(r.centerX() - barW / 2, r.y1 - ui.px(18)),
                              ImVec2(r.centerX() + barW / 2, r.y1 - ui.px(10)), color(p.onPrimary),
                              ui.px(4));
        }
    }
    y += segH + ui.px(20);

    // Preview: the chosen size's name and a sentence, in the fonts every screen now uses.
    const Rect previewLtr{startX0, y, startX0 + colW, std::max(y + ui.px(96), startBottom)};
    const Rect preview = ui.mirrored(previewLtr);
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(preview.x0, preview.y0), ImVec2(preview.x1, preview.y1),
                      color(p.surface), ui.px(14));
    dl->AddRect(ImVec2(preview.x0, preview.y0), ImVec2(preview.x1, preview.y1), color(p.border),
                ui.px(14), ImDrawFlags_None, ui.px(2));
    const float pad = ui.px(24);
    float py = preview.y0 + pad;
    py += drawText(ui, ui.fonts.large, ui.tr(sizeKeys[std::clamp(a.textSize, 0, 2)]), p.text,
                   {preview.x0 + pad, py, preview.x1 - pad, py}, Align::Start, true);
    py += ui.px(8);
    drawText(ui, ui.fonts.body, ui.tr("accessibility.preview"), p.text,
             {preview.x0 + pad, py, preview.x1 - pad, preview.y1 - pad}, Align::Start, true);

    // Reading-end column: the switches and the volume.
    y = top;
    const float rowGap = ui.px(16);
    const float endX1 = endX0 + colW;
    auto row = [&](std::string_view name) {
        const float h = toggleHeight(ui, name, colW);
        Rect r{endX0, y, endX1, y + h};
        y += h + rowGap;
        return r;
    };
    const std::string contrastName = ui.tr("accessibility.high_contrast");
    if (toggle(ui, "accessibility.high_contrast", contrastName, a.highContrast, row(contrastName)))
        ui.emit(intent::SetHighContrast{!a.highContrast});
    const std::string readName = ui.tr("accessibility.read_aloud");
    if (toggle(ui, "accessibility.read_aloud", readName, a.readAloud, row(readName)))
        ui.emit(intent::SetReadAloud{!a.readAloud});

    // Volume: big - and + in 10 % steps, the value in words between the name and the buttons.
    const std::string volumeText = ui.format("accessibility.volume_value", {{"percent", a.volume}});
    const float stepW = ui.px(96);
    const float volH = std::max(ui.px(88), lineHeight(ui.fonts.large) + ui.px(24));
    const Rect volLtr{endX0, y, endX1, y + volH};
    y += volH + rowGap;
    const Rect downR = ui.mirrored(
        {endX1 - 2 * stepW - ui.px(16), volLtr.y0, endX1 - stepW - ui.px(16), volLtr.y1});
    const Rect upR = ui.mirrored({endX1 - stepW, volLtr.y0, endX1, volLtr.y1});
    const Rect valueLtrBox{endX0 + pad, volLtr.y0, endX1 - 2 * stepW - ui.px(16) - pad, volLtr.y1};
    const Rect valueDrawBox = ui.mirrored(valueLtrBox);
    const float valueH = measureText(ui, ui.fonts.body, volumeText, valueDrawBox.width()).y;
    drawText(ui, ui.fonts.body, volumeText, a.readAloud ? p.text : p.mutedText,
             {valueDrawBox.x0, volLtr.centerY() - valueH / 2, valueDrawBox.x1,
              volLtr.centerY() + valueH / 2},
             Align::Start, true);
    if (button(ui, "accessibility.volume_down", "-", downR, ButtonKind::Secondary))
        ui.emit(intent::SetVolume{std::max(10, a.volume - 10)});
    ui.record.targets.back().label = ui.tr("accessibility.volume_down");
    if (button(ui, "accessibility.volume_up", "+", upR, ButtonKind::Secondary))
        ui.emit(intent::SetVolume{std::min(100, a.volume + 10)});
    ui.record.targets.back().label = ui.tr("accessibility.volume_up");

    const std::string timeName = ui.tr("accessibility.more_time");
    if (toggle(ui, "accessibility.more_time", timeName, a.moreTime, row(timeName)))
        ui.emit(intent::SetMoreTime{!a.moreTime});
}

} // namespace passerelle::ui
