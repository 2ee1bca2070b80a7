#include "ui/widgets/scroll_area.h"

#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>
#include <imgui.h>
#include <imgui_internal.h>
#include <optional>
#include <vector>

namespace passerelle::ui {

namespace {
// Gliding: velocity decays as exp(-t / kGlideTimeConstant) and stops below kStopSpeed.
constexpr float kGlideTimeConstant = 0.35f; // seconds
constexpr float kStopSpeed = 20.0f;         // px/s at 1280x800
constexpr float kTapSlop = 10.0f;           // px at 1280x800: more than this is a drag
constexpr float kFlingSpeed = 150.0f;       // px/s: slower releases do not glide; a touch on a list
                                            // gliding faster catches it and is no tap
constexpr float kMaxFrameTime = 0.05f;      // after a pause, do not jump

struct OpenArea {
    Rect rect;
    float offset, maxOffset, contentHeight;
};
std::vector<OpenArea> openAreas; // begin/end nesting within one frame (UI thread only)

// Which frame last had a gliding area, per ImGui context (tests run several contexts).
struct Animating {
    ImGuiContext* context = nullptr;
    int frame = -1;
};
Animating animating;

// Per-area state lives in the child window's ImGui storage, so it belongs to the ImGui context.
struct Keys {
    ImGuiID offset, velocity, tracking, dragging, startY, startOffset, lastY, measured;
};
Keys keysFor() {
    return {ImGui::GetID("##scroll.offset"),   ImGui::GetID("##scroll.velocity"),
            ImGui::GetID("##scroll.tracking"), ImGui::GetID("##scroll.dragging"),
            ImGui::GetID("##scroll.startY"),   ImGui::GetID("##scroll.startOffset"),
            ImGui::GetID("##scroll.lastY"),    ImGui::GetID("##scroll.measured")};
}
ScrollView beginArea(const Ui& ui, const char* id, Rect rect, std::optional<float> knownHeight) {
    ImGui::SetCursorScreenPos(ImVec2(rect.x0, rect.y0));
    // ImGui's own scrolling stays off: we offset the content ourselves; the child clips it and
    // keeps its touches inside the area.
    ImGui::SetNextWindowContentSize(ImVec2(rect.width(), rect.height()));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(id, ImVec2(rect.width(), rect.height()), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);

    ImGuiStorage* st = ImGui::GetStateStorage();
    const Keys k = keysFor();
    const ImGuiIO& io = ImGui::GetIO();
    const float contentHeight = knownHeight ? *knownHeight : st->GetFloat(k.measured, 0);
    const float maxOffset = std::max(0.0f, contentHeight - rect.height());
    const float dt = std::clamp(io.DeltaTime, 0.0f, kMaxFrameTime);
    float& offset = *st->GetFloatRef(k.offset, 0);
    float& velocity = *st->GetFloatRef(k.velocity, 0); // offset px per second
    int& tracking = *st->GetIntRef(k.tracking, 0);
    int& dragging = *st->GetIntRef(k.dragging, 0);
    float& startY = *st->GetFloatRef(k.startY, 0);
    float& startOffset = *st->GetFloatRef(k.startOffset, 0);
    float& lastY = *st->GetFloatRef(k.lastY, 0);

    const float mouseY = io.MousePos.y;
    const bool over = rect.contains(io.MousePos.x, io.MousePos.y) &&
                      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                             ImGuiHoveredFlags_ChildWindows);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && over) {
        tracking = 1;
        dragging = 0;
        startY = lastY = mouseY;
        startOffset = offset;
        // A touch on a gliding list catches it; that touch is a scroll, not a tap on a row.
        if (std::fabs(velocity) > ui.px(kFlingSpeed)) dragging = 1;
        velocity = 0;
    }
    if (tracking && io.MouseDown[ImGuiMouseButton_Left]) {
        if (!dragging && std::fabs(mouseY - startY) > ui.px(kTapSlop)) dragging = 1;
        // The finger is scrolling, not tapping: the button it pressed must not fire on release.
        if (dragging && ImGui::IsAnyItemActive()) ImGui::ClearActiveID();
        if (dragging) {
            const float before = offset;
            offset = std::clamp(startOffset - (mouseY - startY), 0.0f, maxOffset);
            if (dt > 0) {
                const float instant = (offset - before) / dt;
                velocity = 0.7f * instant + 0.3f * velocity; // smooths uneven touch reports
            }
        }
        lastY = mouseY;
    } else if (tracking) {
        tracking = 0;
        // A finger that rested before lifting leaves no glide.
        if (!dragging || std::fabs(velocity) < ui.px(kFlingSpeed)) velocity = 0;
        dragging = 0;
    } else if (velocity != 0) {
        offset += velocity * dt;
        velocity *= std::exp(-dt / kGlideTimeConstant);
        if (offset <= 0 || offset >= maxOffset || std::fabs(velocity) < ui.px(kStopSpeed))
            velocity = 0;
    }
    if (over && io.MouseWheel != 0 && !tracking) { // desktop mice, for staff and development
        offset -= io.MouseWheel * ui.px(80);
        velocity = 0;
    }
    offset = std::clamp(offset, 0.0f, maxOffset);
    if (velocity != 0) animating = {ImGui::GetCurrentContext(), ImGui::GetFrameCount()};

    openAreas.push_back({rect, offset, maxOffset, contentHeight});
    return ScrollView{rect.y0 - offset, offset, rect, contentHeight};
}
} // namespace

ScrollView beginScrollArea(const Ui& ui, const char* id, Rect rect, float contentHeight) {
    return beginArea(ui, id, rect, contentHeight);
}

ScrollView beginScrollArea(const Ui& ui, const char* id, Rect rect) {
    return beginArea(ui, id, rect, std::nullopt);
}

void endScrollArea(const Ui& ui, float contentBottom) {
    IM_ASSERT(!openAreas.empty());
    const OpenArea& area = openAreas.back();
    const float measured = contentBottom - (area.rect.y0 - area.offset);
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID key = keysFor().measured;
    // A new height is drawn again at once (the app's pacer and tests draw settling frames).
    if (st->GetFloat(key, 0) != measured)
        animating = {ImGui::GetCurrentContext(), ImGui::GetFrameCount()};
    st->SetFloat(key, measured);
    endScrollArea(ui);
}

void endScrollArea(const Ui& ui) {
    IM_ASSERT(!openAreas.empty());
    const OpenArea area = openAreas.back();
    openAreas.pop_back();
    if (area.maxOffset > 0) {
        // The indicator: a track and a thumb at the reading end, always drawn.
        const Rect& r = area.rect;
        const float w = ui.px(8), inset = ui.px(4);
        const float x1 = ui.rtl ? r.x0 + inset + w : r.x1 - inset;
        const float x0 = x1 - w;
        const float trackH = r.height() - 2 * inset;
        const float thumbH =
            std::max(ui.px(48), trackH * r.height() / std::max(area.contentHeight, 1.0f));
        const float thumbY = r.y0 + inset + (trackH - thumbH) * (area.offset / area.maxOffset);
        auto* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(x0, r.y0 + inset), ImVec2(x1, r.y1 - inset),
                          color(ui.palette.border, 0.35f), w / 2);
        dl->AddRectFilled(ImVec2(x0, thumbY), ImVec2(x1, thumbY + thumbH),
                          color(ui.palette.mutedText), w / 2);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

bool scrollAnimating() {
    return animating.context != nullptr && animating.context == ImGui::GetCurrentContext() &&
           animating.frame >= ImGui::GetFrameCount() - 1;
}

} // namespace passerelle::ui

namespace passerelle::ui {

Rect rowsBeside(const Ui& ui, Rect rect, float contentHeight) {
    if (contentHeight <= rect.height()) return rect;
    const float strip = ui.px(20); // the indicator (8 px and its 4 px inset) and some air
    return ui.rtl ? Rect{rect.x0 + strip, rect.y0, rect.x1, rect.y1}
                  : Rect{rect.x0, rect.y0, rect.x1 - strip, rect.y1};
}

} // namespace passerelle::ui
