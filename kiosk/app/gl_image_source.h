#pragma once
// Slide pictures for the screens: decodes a pack's PNG/JPEG media with stb_image and uploads them
// as OpenGL textures, once per picture (cached by pack id + media name + the media's signed
// digest, so an updated pack never shows a stale picture). Install with ui::setImageSource().
// Must be used on the thread that owns the GL context, and destroyed (or clear()ed) while that
// context is still current.
#include "ui/widgets/image_view.h"

#include <map>
#include <string>

namespace passerelle::app {

class GlImageSource final : public ui::ImageSource {
  public:
    GlImageSource() = default;
    ~GlImageSource() override;
    GlImageSource(const GlImageSource&) = delete;
    GlImageSource& operator=(const GlImageSource&) = delete;

    ui::ImageHandle image(const pack::Pack& pack, std::string_view mediaName) override;
    // Deletes every texture (e.g. after packs were reloaded).
    void clear();

  private:
    struct Entry {
        unsigned texture = 0; // GLuint; 0 when the picture could not be shown (not retried)
        int width = 0, height = 0;
    };
    std::map<std::string, Entry> cache_;
};

} // namespace passerelle::app
