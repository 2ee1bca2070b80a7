#pragma once
// Pictures from content packs. The UI never reads files or decodes images: the app installs an
// ImageSource (kiosk/app/gl_image_source.h decodes with stb_image and uploads GL textures). With
// no source, or when a picture cannot be shown, drawImage draws a framed box with the alt text
// (headless tests, a damaged media item).
#include "ui/ui_context.h"

#include <imgui.h>
#include <string_view>

namespace passerelle::pack {
class Pack;
}

namespace passerelle::ui {

struct ImageHandle {
    ImTextureID texture = nullptr;
    int width = 0, height = 0;
    bool valid() const { return texture != nullptr && width > 0 && height > 0; }
};

class ImageSource {
  public:
    virtual ~ImageSource() = default;
    // The picture `mediaName` of `pack`, ready to draw; an empty handle if it cannot be shown.
    // Called every frame: implementations cache.
    virtual ImageHandle image(const pack::Pack& pack, std::string_view mediaName) = 0;
};

// The app's source (nullptr: none). Not owned; must outlive the frames that use it.
void setImageSource(ImageSource* source);
ImageSource* imageSource();

// Draws the picture fitted into `rect` (aspect kept, centred), or the alt text in a frame.
// The alt text also goes to the frame record (tests, read-aloud) either way.
void drawImage(const Ui& ui, const pack::Pack& pack, std::string_view mediaName, Rect rect,
               std::string_view altText);

// The largest rectangle of aspect width:height that fits in `box`, centred (exposed for tests).
Rect fitInto(Rect box, int width, int height);

} // namespace passerelle::ui
