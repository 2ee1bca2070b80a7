#pragma once
// Staff-mode pieces drawn outside the two staff screens (called from KioskUi::draw).
#include "ui/ui_context.h"

#include <string>

namespace passerelle::ui {

// On the welcome screen: watches for the hidden gesture (a press held >= 3 s in the 96x96 px
// top-left corner; top-left in every language) and emits intent::StaffLongPress once.
void detectStaffGesture(const Ui& ui);
inline constexpr float kStaffCornerSize = 96; // design pixels
inline constexpr float kStaffHoldSeconds = 3.0f;

// On resident screens during an assisted session: "Assisted session with <name>" along the
// bottom edge.
void drawAssistedBand(const Ui& ui);

// Staff messages are "key|arg|arg" (see staff_controller.cpp); other text is shown as it is.
std::string staffText(const Ui& ui, const std::string& encoded);

} // namespace passerelle::ui
