// Visual check of the text layer in a real window (run under Xvfb): a mock home screen drawn with
// ui/text in the given language, mirrored for right-to-left, saved as a PNG.
//   xvfb-run -s "-screen 0 1280x800x24" i18n_text_demo ar /tmp/home-ar.png
// It also shows the lead how screens call the API: fonts from buildFonts, logical strings from
// I18n, ui::text::draw / drawAt / drawWrapped with the language's direction.
#include "core/i18n/i18n.h"
#include "ui/text/fonts.h"
#include "ui/text/shaped_text.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <stb_image_write.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace passerelle;

namespace {

constexpr float width = 1280, height = 800;

struct Screen {
    i18n::I18n& i18n;
    ui::text::FontSet& fonts;
    bool rtl;

    // x of a box of width w placed at x in left-to-right layout, mirrored in right-to-left.
    float place(float x, float w) const { return rtl ? width - x - w : x; }

    void button(const char* key, ImVec2 pos, ImVec2 size) {
        ImGui::SetCursorPos(ImVec2(place(pos.x, size.x), pos.y));
        const std::string label = ui::text::visual(i18n.text(key), rtl) + "##" + key;
        ImGui::PushFont(fonts.bodyBold);
        ImGui::Button(label.c_str(), size);
        ImGui::PopFont();
    }

    void tile(const char* key, const char* hintKey, ImVec2 pos, ImVec2 size) {
        const float x = place(pos.x, size.x);
        ImGui::SetCursorPos(ImVec2(x, pos.y));
        ImGui::Button((std::string("##") + key).c_str(), size);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float pad = 24;
        ui::text::drawAt(draw, fonts.large, fonts.largeSize, ImVec2(x + pad, pos.y + pad),
                         IM_COL32_WHITE, i18n.text(key), rtl, ui::text::Align::Start,
                         size.x - 2 * pad);
        ui::text::drawWrappedAt(draw, fonts.body, fonts.bodySize,
                                ImVec2(x + pad, pos.y + pad + fonts.largeSize * 1.4f),
                                IM_COL32(230, 230, 230, 255), i18n.text(hintKey), rtl,
                                size.x - 2 * pad, i18n.icuLocale());
    }

    void draw() {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(width, height));
        ImGui::Begin("home", nullptr, ImGuiWindowFlags_NoDecoration);
        button("common.back", ImVec2(24, 20), ImVec2(180, 64)); // start side: back
        button("common.help", ImVec2(width - 24 - 180, 20), ImVec2(180, 64));

        ImGui::SetCursorPos(ImVec2(24, 110));
        ImGui::PushFont(fonts.huge);
        ui::text::draw(i18n.text("home.title"), rtl);
        ImGui::PopFont();

        const float tileW = (width - 3 * 24) / 2, tileH = 170;
        tile("home.learn", "home.learn_hint", ImVec2(24, 200), ImVec2(tileW, tileH));
        tile("home.services", "home.services_hint", ImVec2(48 + tileW, 200), ImVec2(tileW, tileH));
        tile("home.help", "home.help_hint", ImVec2(24, 394), ImVec2(tileW, tileH));
        tile("home.accessibility", "home.accessibility_hint", ImVec2(48 + tileW, 394),
             ImVec2(tileW, tileH));

        // Progress runs from the start side: 2 of 5 filled, on the right in right-to-left.
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float barX = 24, barW = width - 48, barY = 600;
        draw->AddRectFilled(ImVec2(barX, barY), ImVec2(barX + barW, barY + 16),
                            IM_COL32(80, 80, 80, 255), 8);
        const float filled = barW * 2 / 5;
        const float fx = place(barX, filled);
        draw->AddRectFilled(ImVec2(fx, barY), ImVec2(fx + filled, barY + 16),
                            IM_COL32(60, 160, 90, 255), 8);
        ImGui::SetCursorPos(ImVec2(24, barY + 28));
        ui::text::draw(i18n.format("flow.step_of", {{"current", 2}, {"total", 5}}), rtl);
        ImGui::SetCursorPos(ImVec2(24, barY + 70));
        ui::text::drawWrapped(i18n.format("idle.body", {{"seconds", 20}}), rtl, width - 48,
                              i18n.icuLocale());
        ImGui::SetCursorPos(ImVec2(24, height - 50));
        std::string list;
        for (const auto& language : i18n.languages())
            list += language.nativeName + "   ";
        ui::text::draw(list, rtl, ui::text::Align::Center); // mixed scripts, one line
        ImGui::End();
    }
};

} // namespace

int main(int argc, char** argv) {
    const std::string language = argc > 1 ? argv[1] : "ar";
    const std::string output = argc > 2 ? argv[2] : "home-" + language + ".png";
    i18n::I18n i18n;
    if (auto loaded = i18n.load(PASSERELLE_LOCALES_DIR); !loaded || !i18n.setLanguage(language)) {
        std::fprintf(stderr, "cannot load language %s\n", language.c_str());
        return 1;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        std::fprintf(stderr, "SDL: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_Window* window = SDL_CreateWindow("i18n demo", 0, 0, int(width), int(height),
                                          SDL_WINDOW_OPENGL | SDL_WINDOW_SHOWN);
    SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!gl) {
        std::fprintf(stderr, "OpenGL: %s\n", SDL_GetError());
        return 1;
    }
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetStyle().FramePadding = ImVec2(12, 12);
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 130");

    auto fonts =
        ui::text::buildFonts(*ImGui::GetIO().Fonts, language, i18n.nativeNamesText(), 24.0f, 1.0f);
    if (!fonts) {
        std::fprintf(stderr, "%s\n", fonts.error().c_str());
        return 1;
    }
    ImGui_ImplOpenGL3_CreateFontsTexture();
    Screen screen{i18n, *fonts, i18n.isRightToLeft()};
    std::vector<unsigned char> pixels(size_t(width * height * 4));
    for (int frame = 0; frame < 3; ++frame) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        ImGui::PushFont(fonts->body);
        screen.draw();
        ImGui::PopFont();
        ImGui::Render();
        glViewport(0, 0, int(width), int(height));
        glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (frame == 2) { // read the finished frame before it is swapped away
            glReadBuffer(GL_BACK);
            glReadPixels(0, 0, int(width), int(height), GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        }
        SDL_GL_SwapWindow(window);
    }
    for (size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255; // opaque
    stbi_flip_vertically_on_write(1);
    const bool saved =
        stbi_write_png(output.c_str(), int(width), int(height), 4, pixels.data(), int(width) * 4);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    std::printf("%s %s\n", saved ? "wrote" : "could not write", output.c_str());
    return saved ? 0 : 1;
}
