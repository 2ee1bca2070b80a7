#include "ui/kiosk_ui.h"

#include "ui/screens/screens.h"
#include "ui/screens/staff_ui.h"
#include "ui/widgets/speaker_button.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <imgui.h>

namespace passerelle::ui {

KioskUi::KioskUi(const i18n::I18n& i18n) : i18n_(i18n) {}

const Palette& KioskUi::palette() const {
    return highContrast_ ? highContrastPalette() : defaultPalette();
}

void KioskUi::draw(const KioskState& state, std::vector<Intent>& intents) {
    record_.clear();
    ImGuiIO& io = ImGui::GetIO();
    const Palette& pal = palette();
    Ui ui{state, intents, pal, fonts_, i18n_, record_};
    ui.width = io.DisplaySize.x;
    ui.height = io.DisplaySize.y;
    ui.scale = std::min(ui.width / 1280.0f, ui.height / 800.0f);
    ui.rtl = state.rightToLeft();

    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg,
                          ImVec4(pal.background.r(), pal.background.g(), pal.background.b(), 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    // The screen's background is the colour the app clears the window to (the palette's
    // background): a full-screen quad would make a software renderer blend a million more
    // pixels every frame (Mesa llvmpipe: about 9 ms of the first frame).
    ImGui::Begin("##screen", nullptr, flags | ImGuiWindowFlags_NoBackground);
    ImGui::PushFont(fonts_.body);
    switch (state.screen) {
    case ScreenId::Welcome:
        drawWelcomeScreen(ui);
        detectStaffGesture(ui);
        break;
    case ScreenId::Home:
        drawHomeScreen(ui);
        break;
    case ScreenId::Learn:
        drawLessonListScreen(ui);
        break;
    case ScreenId::Services:
        drawServiceListScreen(ui);
        break;
    case ScreenId::Help:
        drawHelpScreen(ui);
        break;
    case ScreenId::Accessibility:
        drawAccessibilityScreen(ui);
        break;
    case ScreenId::ServiceStep:
        drawServiceStepScreen(ui);
        break;
    case ScreenId::ServiceReview:
        drawServiceReviewScreen(ui);
        break;
    case ScreenId::ServiceReceipt:
        drawServiceReceiptScreen(ui);
        break;
    case ScreenId::Lesson:
        drawLessonScreen(ui);
        break;
    case ScreenId::StaffPin:
        drawStaffPinScreen(ui);
        break;
    case ScreenId::StaffPanel:
        drawStaffPanelScreen(ui);
        break;
    }
    drawAssistedBand(ui);
    if (speakerShown(ui)) drawSpeakerButton(ui);
    ImGui::PopFont();
    ImGui::End();

    if (state.idleWarning) {
        // A window above the screen so its touches never reach the widgets underneath.
        record_.clear();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::SetNextWindowFocus();
        ImGui::Begin("##idle", nullptr, flags & ~ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::PushFont(fonts_.body);
        drawIdleOverlay(ui);
        ImGui::PopFont();
        ImGui::End();
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void applyStyle(const Palette& p, float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    auto v4 = [](Rgb c, float a = 1.0f) { return ImVec4(c.r(), c.g(), c.b(), a); };
    style.Colors[ImGuiCol_WindowBg] = v4(p.background);
    style.Colors[ImGuiCol_Text] = v4(p.text);
    style.Colors[ImGuiCol_Button] = v4(p.secondary);
    style.Colors[ImGuiCol_ButtonHovered] = v4(p.secondary); // hover must look like normal on touch
    style.Colors[ImGuiCol_ButtonActive] = v4(p.secondary, 0.75f);
    style.Colors[ImGuiCol_FrameBg] = v4(p.surface);
    style.Colors[ImGuiCol_FrameBgHovered] = v4(p.surface);
    style.Colors[ImGuiCol_FrameBgActive] = v4(p.surface);
    style.Colors[ImGuiCol_Border] = v4(p.border);
    style.FrameRounding = 12;
    style.FramePadding = ImVec2(18, 14);
    style.ItemSpacing = ImVec2(16, 16);
    style.ScrollbarSize = 28;
    style.TouchExtraPadding = ImVec2(0, 0);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

} // namespace passerelle::ui
