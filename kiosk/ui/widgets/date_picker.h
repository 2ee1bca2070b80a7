#pragma once
#include "ui/ui_context.h"

#include <string>
#include <string_view>

namespace passerelle::ui {

// A touch date picker: day, month and year, each with large − and + buttons, and the whole date
// written out in the resident's language. Emits SetAnswer{"yyyy-mm-dd"}. Returns the height used.
float drawDatePicker(const Ui& ui, const std::string& fieldId, std::string_view isoValue,
                     Rect area);

} // namespace passerelle::ui
