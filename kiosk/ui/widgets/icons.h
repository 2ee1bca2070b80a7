#pragma once
#include "ui/frame_record.h"
#include "ui/theme/palette.h"

struct ImDrawList;

namespace passerelle::ui {

// Simple vector pictograms drawn with ImGui primitives (no icon font needed).
enum class Icon { None, Back, Help, Accessibility, Learn, Services, Finish, Language };

void drawIcon(ImDrawList* dl, Icon icon, Rect box, Rgb rgb, bool mirrored = false);

} // namespace passerelle::ui
