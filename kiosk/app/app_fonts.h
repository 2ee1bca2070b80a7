#pragma once
#include "core/i18n/i18n.h"
#include "ui/ui_context.h"

#include <expected>
#include <string>

namespace passerelle::app {

// The kiosk's type scale, built for the current language (only the glyphs it and the language
// list need; rebuilt on every switch to keep the atlas small on a Pi).
std::expected<ui::Fonts, std::string> buildKioskFonts(const i18n::I18n& i18n, float scale);

} // namespace passerelle::app
