#pragma once
#include "core/i18n/i18n.h"
#include "ui/ui_context.h"

#include <expected>
#include <future>
#include <memory>
#include <string>

struct ImFontAtlas;

namespace passerelle::app {

// Rasterizes the kiosk's fonts on a worker thread while the main thread opens the window and
// its GL context (each is about a quarter of the start-up time; see docs/performance.md).
// The atlas is standalone: hand it to ImGui::CreateContext(atlas) only after fonts() returned,
// because ImGui's allocator counts allocations in the current context without a lock.
class FontLoader {
  public:
    FontLoader(const i18n::I18n& i18n, float scale);
    ~FontLoader();
    FontLoader(const FontLoader&) = delete;
    FontLoader& operator=(const FontLoader&) = delete;

    // Waits for the worker; the fonts live in atlas().
    std::expected<ui::Fonts, std::string> fonts();
    ImFontAtlas* atlas() const { return atlas_.get(); }
    float scale() const { return scale_; }

  private:
    std::unique_ptr<ImFontAtlas> atlas_;
    float scale_;
    std::future<std::expected<ui::Fonts, std::string>> result_;
};

} // namespace passerelle::app
