#include "ui/screens/staff_ui.h"
#include "ui/widgets/text.h"

#include <imgui.h>

namespace passerelle::ui {

void detectStaffGesture(const Ui& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.MouseDown[0]) return;
    const float corner = ui.px(kStaffCornerSize);
    const auto inCorner = [&](ImVec2 p) {
        return p.x >= 0 && p.y >= 0 && p.x < corner && p.y < corner;
    };
    // The press must start in the corner and still be there: a swipe into it does not count.
    if (!inCorner(io.MouseClickedPos[0]) || !inCorner(io.MousePos)) return;
    // Once per press: the frame on which the held time crosses the threshold.
    if (io.MouseDownDuration[0] >= kStaffHoldSeconds &&
        io.MouseDownDurationPrev[0] < kStaffHoldSeconds)
        ui.emit(intent::StaffLongPress{});
}

// Called inside the screen window after the screen, so it is drawn over the screen. A tab
// centred on the bottom edge: screens keep their own buttons at the reading start and end there
// (Finish, Previous/Next), so the tab leaves them visible.
void drawAssistedBand(const Ui& ui) {
    if (!ui.state.assisted || !ui.state.sessionActive) return;
    const std::string text = ui.format("staff.assisted_band", {{"name", ui.state.mediatorName}});
    const float h = ui.px(38), pad = ui.px(24);
    const float w = measureText(ui, ui.fonts.body, text).x + 2 * pad;
    const Rect band{(ui.width - w) / 2, ui.height - h, (ui.width + w) / 2, ui.height};
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(band.x0, band.y0), ImVec2(band.x1, band.y1),
                                              color(ui.palette.primary), ui.px(12),
                                              ImDrawFlags_RoundCornersTop);
    drawCentered(ui, ui.fonts.body, text, ui.palette.onPrimary, band);
}

} // namespace passerelle::ui
