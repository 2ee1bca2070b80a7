#include "app_fonts.h"

#include "ui/text/fonts.h"

#include <imgui.h>

namespace passerelle::app {

std::expected<ui::Fonts, std::string> buildKioskFonts(ImFontAtlas& atlas, const i18n::I18n& i18n,
                                                      float scale) {
    ui::text::FontOptions options;
    options.largeFactor = 38.0f / 26.0f;
    options.hugeFactor = 70.0f / 26.0f;
    options.bodyBold = false; // the kiosk's screens use body, large and title only
    auto set =
        ui::text::buildFonts(atlas, i18n.language(), i18n.nativeNamesText(), 26.0f, scale, options);
    if (!set) return std::unexpected(set.error());
    return ui::Fonts{.body = set->body, .large = set->large, .title = set->huge};
}

} // namespace passerelle::app
