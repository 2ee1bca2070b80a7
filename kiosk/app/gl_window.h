#pragma once
#include <SDL.h>
#include <expected>
#include <string>

namespace passerelle::app {

// The SDL2 window with its OpenGL (desktop 3.0) or OpenGL ES 3 context, and ImGui's SDL2 +
// OpenGL3 backends bound to it. Order: startVideo(), create(), ImGui::CreateContext(),
// attachImGui() (the window and context need no ImGui context, so fonts can be built meanwhile).
class GlWindow {
  public:
    static std::expected<void, std::string> startVideo(); // SDL_Init with the kiosk's hints
    static void desktopSize(int& width, int& height);     // of the first display, once started
    static std::expected<GlWindow*, std::string> create(int width, int height, bool fullscreen,
                                                        bool gles);
    ~GlWindow();
    void attachImGui(); // ImGui's SDL2 and OpenGL3 backends, in the current ImGui context

    SDL_Window* sdl() const { return window_; }
    void beginFrame(); // backends' NewFrame
    // Clears the back buffer to `clear` (r, g, b in 0..1) and draws ImGui's draw data over it.
    void render(const float (&clear)[3]);
    void swap(); // show the back buffer
    void rebuildFontTexture();
    // Reads the back buffer of the last rendered frame as top-down RGBA.
    std::string readPixels(int& width, int& height) const;

  private:
    GlWindow() = default;
    SDL_Window* window_ = nullptr;
    SDL_GLContext context_ = nullptr;
    const char* glsl_ = nullptr;
    bool imgui_ = false;
};

} // namespace passerelle::app
