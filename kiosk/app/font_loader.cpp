#include "font_loader.h"

#include "app_fonts.h"

#include <imgui.h>

namespace passerelle::app {

FontLoader::FontLoader(const i18n::I18n& i18n, float scale)
    : atlas_(std::make_unique<ImFontAtlas>()), scale_(scale) {
    result_ = std::async(std::launch::async, [atlas = atlas_.get(), &i18n, scale] {
        auto fonts = buildKioskFonts(*atlas, i18n, scale);
        // The RGBA image the GL backend uploads, made here rather than on the UI thread.
        if (fonts) {
            unsigned char* pixels = nullptr;
            int width = 0, height = 0;
            atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
        }
        return fonts;
    });
}

FontLoader::~FontLoader() {
    if (result_.valid()) result_.wait(); // never free the atlas under the worker
}

std::expected<ui::Fonts, std::string> FontLoader::fonts() {
    return result_.get();
}

} // namespace passerelle::app
