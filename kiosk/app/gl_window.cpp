#include "gl_window.h"

#include <SDL_opengl.h>
#include <cstdlib>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

namespace passerelle::app {

std::expected<void, std::string> GlWindow::startVideo() {
    // Touches arrive as mouse events (SDL synthesises them); keep that explicit.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    // No kiosk screen takes text from a physical keyboard (residents and staff type on the
    // on-screen keyboard), so the X input method SDL opens need not parse the locale's Compose
    // table (about 6,000 lines: 8-10 ms of every start). A value set by the system is kept.
    setenv("XCOMPOSEFILE", "/dev/null", 0);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0)
        return std::unexpected(std::string("cannot start the display: ") + SDL_GetError());
    return {};
}

void GlWindow::desktopSize(int& width, int& height) {
    SDL_DisplayMode mode{};
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
        width = mode.w;
        height = mode.h;
    }
}

std::expected<GlWindow*, std::string> GlWindow::create(int width, int height, bool fullscreen,
                                                       bool gles) {
    const char* glsl = nullptr;
    if (gles) {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        glsl = "#version 300 es";
    } else {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        glsl = "#version 130";
    }
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    auto* self = new GlWindow();
    self->window_ = SDL_CreateWindow("Passerelle", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                     width, height, flags);
    if (!self->window_) {
        std::string err = SDL_GetError();
        delete self;
        return std::unexpected("cannot open the window: " + err);
    }
    self->context_ = SDL_GL_CreateContext(self->window_);
    if (!self->context_) {
        std::string err = SDL_GetError();
        delete self;
        return std::unexpected(std::string("cannot create the ") +
                               (gles ? "OpenGL ES 3" : "OpenGL 3") + " context: " + err);
    }
    SDL_GL_MakeCurrent(self->window_, self->context_);
    SDL_GL_SetSwapInterval(1);
    if (fullscreen) SDL_ShowCursor(SDL_DISABLE); // a touchscreen needs no pointer
    self->glsl_ = glsl;
    return self;
}

void GlWindow::attachImGui() {
    ImGui_ImplSDL2_InitForOpenGL(window_, context_);
    ImGui_ImplOpenGL3_Init(glsl_);
    imgui_ = true;
}

GlWindow::~GlWindow() {
    if (imgui_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
    }
    if (context_) SDL_GL_DeleteContext(context_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

void GlWindow::beginFrame() {
    ImGui_ImplOpenGL3_NewFrame(); // uploads the font atlas when there is no font texture yet
    ImGui_ImplSDL2_NewFrame();
    // Once uploaded, the atlas' CPU copies (an alpha and an RGBA image, 5 bytes per texel) are
    // dead weight: the driver keeps its own. Rebuilding the fonts makes new ones.
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->TexPixelsAlpha8 || atlas->TexPixelsRGBA32) atlas->ClearTexData();
}

void GlWindow::render(const float (&clear)[3]) {
    ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(clear[0], clear[1], clear[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void GlWindow::swap() {
    SDL_GL_SwapWindow(window_);
}

void GlWindow::rebuildFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

std::string GlWindow::readPixels(int& width, int& height) const {
    SDL_GL_GetDrawableSize(window_, &width, &height);
    std::string rgba(static_cast<size_t>(width) * height * 4, '\0');
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    // OpenGL rows go bottom-up; PNG rows top-down.
    const size_t row = static_cast<size_t>(width) * 4;
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(rgba.begin() + y * row, rgba.begin() + (y + 1) * row,
                         rgba.begin() + (height - 1 - y) * row);
    return rgba;
}

} // namespace passerelle::app
