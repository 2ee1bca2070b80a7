#pragma once
#include "core/i18n/i18n.h"
#include "ui/ui_context.h"

#include <expected>
#include <string>

struct ImFontAtlas;

namespace passerelle::app {

// The kiosk's type scale, built into atlas for the current language (only the glyphs it and the
// language list need; rebuilt on every switch to keep the atlas small on a Pi). Touches nothing
// but atlas and i18n (read only), so it may run on a worker thread; see FontLoader.
std::expected<ui::Fonts, std::string> buildKioskFonts(ImFontAtlas& atlas, const i18n::I18n& i18n,
                                                      float scale);

} // namespace passerelle::app
