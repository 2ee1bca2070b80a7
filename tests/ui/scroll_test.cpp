// Drag-to-scroll with momentum, on a synthetic long list in a headless ImGui context: the list
// follows the finger, glides after a flick and stops, a drag never taps the row under the finger
// and a short tap still does. Also the read-aloud speaker button.
#include "core/i18n/i18n.h"
#include "temp_dir.h"
#include "ui/theme/palette.h"
#include "ui/widgets/button.h"
#include "ui/widgets/scroll_area.h"
#include "ui/widgets/speaker_button.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <string>
#include <vector>

using namespace passerelle;

namespace {
constexpr ui::Rect kList{100, 100, 700, 700}; // 600 px high
constexpr int kRows = 20;
constexpr float kRowH = 100; // 2000 px of content

class ListScreen {
  public:
    ListScreen() {
        REQUIRE(i18n_.load(test::sourceDir() / "locales").has_value());
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        fonts_.body = fonts_.large = fonts_.title = io.Fonts->Fonts[0];
        frame();
    }
    ~ListScreen() { ImGui::DestroyContext(context_); }

    // One frame with the pointer at (x, y), pressed or not.
    void frame(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
        frame();
    }
    void frame() {
        ImGui::SetCurrentContext(context_);
        record_.clear();
        ImGui::NewFrame();
        ui::Ui ui{state_, intents_, ui::defaultPalette(), fonts_, i18n_, record_};
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##screen", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
        record_.instruction = "Choose a row.";
        view_ = ui::beginScrollArea(ui, "list", kList, kRows * kRowH);
        for (int i = 0; i < kRows; ++i) {
            const ui::Rect r{kList.x0, view_.top + i * kRowH, kList.x1,
                             view_.top + (i + 1) * kRowH - 8};
            const std::string id = "row." + std::to_string(i);
            if (ui::area(ui, id.c_str(), "Row " + std::to_string(i), r)) taps_.push_back(i);
        }
        ui::endScrollArea(ui);
        if (ui::speakerButton(ui, "speaker", {1100, 680, 1188, 768})) speakerTaps_++;
        ImGui::End();
        ImGui::Render();
        animating_ = ui::scrollAnimating();
    }
    // Presses at (x, y0), moves to y1 in `steps` frames, optionally holds, then releases.
    void drag(float x, float y0, float y1, int steps, int holdFrames = 0) {
        frame(x, y0, false);
        frame(x, y0, true);
        for (int s = 1; s <= steps; ++s)
            frame(x, y0 + (y1 - y0) * s / steps, true);
        for (int s = 0; s < holdFrames; ++s)
            frame(x, y1, true);
        frame(x, y1, false);
    }
    void tap(float x, float y) {
        frame(x, y, false);
        frame(x, y, true);
        frame(x, y + 3, true); // a finger is never perfectly still
        frame(x, y + 3, false);
    }

    float offset() const { return view_.offset; }
    bool animating() const { return animating_; }
    const std::vector<int>& taps() const { return taps_; }
    const std::vector<Intent>& intents() const { return intents_; }
    int speakerTaps() const { return speakerTaps_; }
    const ui::FrameRecord& record() const { return record_; }

  private:
    i18n::I18n i18n_;
    KioskState state_;
    std::vector<Intent> intents_;
    ui::Fonts fonts_;
    ui::FrameRecord record_;
    ImGuiContext* context_ = nullptr;
    ui::ScrollView view_;
    std::vector<int> taps_;
    int speakerTaps_ = 0;
    bool animating_ = false;
};

int verticesIn(const ui::Rect& r) {
    int n = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
            if (r.contains(v.pos.x, v.pos.y)) ++n;
    return n;
}
} // namespace

TEST_CASE("the list follows the finger and stays put after a slow drag") {
    ListScreen s;
    CHECK(s.offset() == 0);
    s.drag(400, 600, 350, 10, /*holdFrames=*/6); // up by 250 px, then the finger rests
    CHECK(s.offset() == doctest::Approx(250));
    for (int i = 0; i < 30; ++i)
        s.frame(400, 350, false);
    CHECK(s.offset() == doctest::Approx(250)); // no glide after a resting finger
    CHECK_FALSE(s.animating());
    CHECK(s.taps().empty());
}

TEST_CASE("a flick keeps gliding after release, slows down, then stops") {
    ListScreen s;
    s.drag(400, 650, 410, 8); // 30 px per frame = 1800 px/s, released while moving
    const float atRelease = s.offset();
    CHECK(atRelease == doctest::Approx(240));
    s.frame(400, 410, false);
    CHECK(s.animating()); // the app's frame pacer keeps drawing
    float previous = s.offset(), firstStep = 0, lastStep = 0;
    int frames = 0;
    while (s.animating() && frames < 600) {
        s.frame(400, 410, false);
        const float step = s.offset() - previous;
        if (frames == 0) firstStep = step;
        if (step > 0) lastStep = step;
        previous = s.offset();
        ++frames;
    }
    MESSAGE("glide: " << s.offset() - atRelease << " px further in " << frames << " frames");
    CHECK(s.offset() > atRelease + 200); // it kept going...
    CHECK(lastStep < firstStep);         // ...slower and slower...
    CHECK(frames < 180);                 // ...and stopped within 3 s
    const float stopped = s.offset();
    for (int i = 0; i < 10; ++i)
        s.frame(400, 410, false);
    CHECK(s.offset() == stopped);
}

TEST_CASE("a touch catches a gliding list; the ends are never passed") {
    ListScreen s;
    s.drag(400, 650, 410, 8);
    for (int i = 0; i < 3; ++i)
        s.frame(400, 410, false);
    REQUIRE(s.animating());
    s.frame(400, 400, true); // touch
    const float caught = s.offset();
    s.frame(400, 400, true);
    s.frame(400, 400, false);
    for (int i = 0; i < 10; ++i)
        s.frame(400, 400, false);
    CHECK(s.offset() == caught);
    CHECK(s.taps().empty()); // catching the list is not a tap on the row under the finger
    // Far past the end: the last row's bottom stops at the list's bottom.
    s.drag(400, 690, 110, 5, 5);
    s.drag(400, 690, 110, 5, 5);
    s.drag(400, 690, 110, 5, 5);
    CHECK(s.offset() == doctest::Approx(kRows * kRowH - kList.height()));
    s.drag(400, 110, 690, 3, 0); // flick back towards the start
    for (int i = 0; i < 300 && s.animating(); ++i)
        s.frame(400, 690, false);
    CHECK(s.offset() >= 0);
}

TEST_CASE("a drag does not tap the row under the finger; a short tap does") {
    ListScreen s;
    s.drag(400, 550, 480, 5, 3); // starts on row 4, moves 70 px
    CHECK(s.taps().empty());
    const float offset = s.offset();
    // Row 2 is now at y = 100 + 200 - offset; tap its middle.
    s.tap(400, 100 + 2 * kRowH - offset + 40);
    REQUIRE(s.taps().size() == 1);
    CHECK(s.taps()[0] == 2);
    CHECK(s.offset() == offset); // a tap does not scroll
}

TEST_CASE("rows outside the list cannot be tapped through its edges") {
    ListScreen s;
    // Row 6 lies below the visible area (y 700..800 at offset 0): a tap there is not a row tap.
    s.tap(400, 740);
    CHECK(s.taps().empty());
}

TEST_CASE("a scroll indicator is always drawn, and moves with the content") {
    ListScreen s;
    const ui::Rect indicator{kList.x1 - 14, kList.y0, kList.x1, kList.y1};
    const ui::Rect thumbTop{kList.x1 - 14, kList.y0, kList.x1, kList.y0 + 150};
    s.frame(900, 400, false); // pointer elsewhere: nothing depends on hover
    CHECK(verticesIn(indicator) > 0);
    const int topBefore = verticesIn(thumbTop);
    s.drag(400, 650, 150, 10, 6);
    s.drag(400, 650, 150, 10, 6);
    s.frame(900, 400, false);
    CHECK(verticesIn(thumbTop) < topBefore); // the thumb left the top
}

TEST_CASE("the speaker button reads the instruction and the choices in order") {
    ListScreen s;
    s.tap(1144, 724);
    CHECK(s.speakerTaps() == 1);
    REQUIRE(s.intents().size() == 1);
    const auto* speak = std::get_if<intent::Speak>(&s.intents()[0]);
    REQUIRE(speak);
    CHECK(speak->text.starts_with("Choose a row. Row 0. Row 1. Row 2."));
    CHECK(speak->text.find("Read this screen aloud") == std::string::npos);
    const auto* button = s.record().findTarget("speaker");
    REQUIRE(button);
    CHECK(button->label == "Read this screen aloud");
}
