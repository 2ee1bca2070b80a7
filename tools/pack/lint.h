#pragma once
#include "source_loader.h"

#include <vector>

namespace passerelle::packtool {

// The screen every image must fit (the reference 7" kiosk display).
inline constexpr int kScreenWidth = 1280;
inline constexpr int kScreenHeight = 800;

// Checks a loaded source for what would hurt residents although the pack can be built:
// missing translations, steps that can never be shown, conditions on unknown fields, images
// larger than the screen, texts too long for their widget. Also returns the load errors.
std::vector<Diagnostic> lint(const LoadedSource& source);

} // namespace passerelle::packtool
