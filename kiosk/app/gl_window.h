#pragma once
#include <SDL.h>
#include <expected>
#include <string>

namespace passerelle::app {

// The SDL2 window with its OpenGL (desktop 3.0) or OpenGL ES 3 context, and ImGui's SDL2 +
// OpenGL3 backends bound to it.
class GlWindow {
  public:
    static std::expected<GlWindow*, std::string> create(int width, int height, bool fullscreen,
                                                        bool gles);
    ~GlWindow();

    SDL_Window* sdl() const { return window_; }
    void beginFrame(); // backends' NewFrame
    void render();     // draw ImGui's draw data into the back buffer
    void swap();       // show the back buffer
    void rebuildFontTexture();
    // Reads the back buffer of the last rendered frame as top-down RGBA.
    std::string readPixels(int& width, int& height) const;

  private:
    GlWindow() = default;
    SDL_Window* window_ = nullptr;
    SDL_GLContext context_ = nullptr;
};

} // namespace passerelle::app
