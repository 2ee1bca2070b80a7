#include "ui/widgets/speaker_button.h"

#include "ui/widgets/button.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <imgui.h>

namespace passerelle::ui {

namespace {
bool endsSentence(const std::string& s) {
    if (s.empty()) return true;
    const char c = s.back();
    return c == '.' || c == '?' || c == '!' || c == ':' || s.ends_with("\xd8\x9f"); // Arabic ؟
}

void appendSentence(std::string& out, const std::string& sentence) {
    if (sentence.empty()) return;
    if (!out.empty()) out += endsSentence(out) ? " " : ". ";
    out += sentence;
}

// A loudspeaker with two sound waves, facing the reading direction.
void drawSpeakerIcon(ImDrawList* dl, Rect box, Rgb rgb, bool mirrored) {
    const ImU32 col = color(rgb);
    const float w = box.width(), h = box.height();
    auto pt = [&](float fx, float fy) {
        return ImVec2(mirrored ? box.x1 - fx * w : box.x0 + fx * w, box.y0 + fy * h);
    };
    const ImVec2 b0 = pt(0.08f, 0.36f), b1 = pt(0.28f, 0.64f);
    dl->AddRectFilled(ImVec2(std::min(b0.x, b1.x), b0.y), ImVec2(std::max(b0.x, b1.x), b1.y), col);
    dl->AddQuadFilled(pt(0.26f, 0.36f), pt(0.52f, 0.12f), pt(0.52f, 0.88f), pt(0.26f, 0.64f), col);
    const float thick = std::max(2.0f, w * 0.07f);
    const float a0 = mirrored ? 3.14159f - 0.9f : -0.9f, a1 = mirrored ? 3.14159f + 0.9f : 0.9f;
    const ImVec2 c = pt(0.52f, 0.5f);
    dl->PathArcTo(c, w * 0.2f, a0, a1, 12);
    dl->PathStroke(col, 0, thick);
    dl->PathArcTo(c, w * 0.38f, a0, a1, 16);
    dl->PathStroke(col, 0, thick);
}
} // namespace

std::string readAloudText(const FrameRecord& record) {
    std::string out;
    appendSentence(out, record.instruction);
    for (const auto& target : record.targets) {
        if (target.id.starts_with("topbar.") || target.label.empty()) continue;
        if (target.label == record.instruction) continue;
        appendSentence(out, target.label);
    }
    return out;
}

bool speakerButton(const Ui& ui, const char* id, Rect rect) {
    const std::string text = readAloudText(ui.record); // before this button joins the record
    const bool tapped = button(ui, id, "", rect, ButtonKind::Secondary);
    // Icon-only button: the label is for tests and for speech.
    ui.record.targets.back().label = ui.tr("accessibility.speak");
    const float inset = rect.width() * 0.2f;
    Rect iconBox{rect.x0 + inset, rect.y0 + inset, rect.x1 - inset, rect.y1 - inset};
    drawSpeakerIcon(ImGui::GetWindowDrawList(), iconBox, ui.palette.onSecondary, ui.rtl);
    if (tapped) ui.emit(intent::Speak{text});
    return tapped;
}

Rect speakerButtonRect(const Ui& ui) {
    const float size = ui.px(88), margin = ui.px(24);
    const float y1 = ui.height - margin;
    if (ui.rtl) return {ui.width - margin - size, y1 - size, ui.width - margin, y1};
    return {margin, y1 - size, margin + size, y1};
}

bool speakerShown(const Ui& ui) {
    const ScreenId screen = ui.state.screen;
    return ui.state.accessibility.readAloud && screen != ScreenId::Welcome &&
           screen != ScreenId::StaffPin && screen != ScreenId::StaffPanel;
}

float bottomClearOfSpeaker(const Ui& ui, float bottom) {
    return speakerShown(ui) ? std::min(bottom, speakerButtonRect(ui).y0 - ui.px(16)) : bottom;
}

void drawSpeakerButton(const Ui& ui) {
    speakerButton(ui, "speaker", speakerButtonRect(ui));
}

} // namespace passerelle::ui
