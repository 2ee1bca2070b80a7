#include "screen_harness.h"

#include "temp_dir.h"
#include "ui/text/fonts.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace passerelle::test {

namespace {
i18n::I18n& loaded(i18n::I18n& i18n) {
    auto result = i18n.load(sourceDir() / "locales");
    if (!result) throw std::runtime_error("cannot load locales: " + result.error());
    return i18n;
}

Kiosk::Options kioskOptions(const ScreenHarness::Setup& setup, const i18n::I18n& i18n) {
    Kiosk::Options options;
    options.defaultLanguage = setup.defaultLanguage;
    options.idle = setup.idle;
    for (auto& lang : i18n.languages())
        options.offeredLanguages.push_back({lang.code, lang.nativeName, lang.rtl});
    options.availableLanguages = options.offeredLanguages;
    return options;
}
} // namespace

ScreenHarness::ScreenHarness() : ScreenHarness(Setup{}) {}

ScreenHarness::ScreenHarness(Setup setup)
    : setup_(setup), kiosk_((loaded(i18n_), kioskOptions(setup_, i18n_)), clock_), ui_(i18n_) {
    i18n_.setLanguage(setup_.defaultLanguage);
    if (setup_.withRuntime) {
        KioskRuntime::Options options;
        options.dataDir = kioskDataDir();
        options.demo = true;
        if (!setup_.cityUrl.empty()) options.demoCityUrl = setup_.cityUrl;
        options.syncInterval = std::chrono::milliseconds(500);
        options.syncBackoffInitial = std::chrono::milliseconds(200);
        options.syncBackoffMax = std::chrono::milliseconds(1000);
        options.demoKeysDir = sourceDir() / "assets/demo-keys";
        options.demoPackFile = binaryDir() / "assets/demo.ppack";
        auto rt = KioskRuntime::open(options);
        if (!rt) throw std::runtime_error("cannot open the kiosk runtime: " + rt.error());
        runtime_ = std::move(*rt);
        if (runtime_->content().packs().empty())
            throw std::runtime_error(
                "the demo pack is not installed (build the demo_pack target): " +
                (runtime_->warnings().empty() ? std::string() : runtime_->warnings().back()));
        kiosk_.setServices(runtime_->services());
        if (setup_.startSync) runtime_->startSync();
    }
    kiosk_.setHooks({.sessionStarted = {},
                     .sessionEnded = {},
                     .languageChanged = [this](const std::string& lang) {
                         i18n_.setLanguage(lang);
                         fontsStale_ = true;
                     }});
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(setup_.width), static_cast<float>(setup_.height));
    io.DeltaTime = 1.0f / 60.0f;
    ui_.setHighContrast(setup_.highContrast);
    ui::applyStyle(ui_.palette(), std::min(setup_.width / 1280.0f, setup_.height / 800.0f));
    rebuildFonts();
    frame();
}

ScreenHarness::~ScreenHarness() {
    ImGui::DestroyContext(context_);
}

void ScreenHarness::rebuildFonts() {
    ui::text::FontOptions options;
    options.largeFactor = 38.0f / 26.0f;
    options.hugeFactor = 70.0f / 26.0f;
    static constexpr float kTextSteps[] = {1.0f, 1.25f, 1.5f};
    fontsTextSize_ = kiosk_.state().accessibility.textSize;
    const float scale = std::min(setup_.width / 1280.0f, setup_.height / 800.0f) *
                        setup_.textScale * kTextSteps[fontsTextSize_];
    auto set = ui::text::buildFonts(*ImGui::GetIO().Fonts, i18n_.language(),
                                    i18n_.nativeNamesText(), 26.0f, scale, options);
    if (!set) throw std::runtime_error("cannot build fonts: " + set.error());
    ui_.setFonts({.body = set->body, .large = set->large, .title = set->huge});
    fontsStale_ = false;
}

void ScreenHarness::frame() {
    ImGui::SetCurrentContext(context_);
    if (fontsStale_ || fontsTextSize_ != kiosk_.state().accessibility.textSize) rebuildFonts();
    ui_.setHighContrast(setup_.highContrast || kiosk_.state().accessibility.highContrast);
    kiosk_.tick();
    if (runtime_) runtime_->syncLink().tick(kiosk_);
    ImGui::NewFrame();
    ui_.draw(kiosk_.state(), intents_);
    ImGui::Render();
    for (auto& intent : intents_) {
        intentLog_.push_back(describe(intent));
        kiosk_.dispatch(intent);
    }
    intents_.clear();
}

bool ScreenHarness::frameUntil(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    for (;;) {
        frame();
        if (done()) return true;
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

void ScreenHarness::tap(const std::string& idOrLabel) {
    const auto* target = shown().findTarget(idOrLabel);
    if (!target) {
        FAIL("no touch target '" << idOrLabel << "' on screen: " << describeScreen());
        return;
    }
    tapAt(target->rect.centerX(), target->rect.centerY());
}

void ScreenHarness::tapAt(float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = false;
    frame();
    io.MouseDown[0] = true;
    if (!kiosk_.state().idleWarning)
        kiosk_.dispatch(intent::Touch{}); // as kiosk/app does on a press
    frame();
    io.MouseDown[0] = false;
    frame();
    frame(); // the new state, drawn
}

void ScreenHarness::drag(float x, float fromY, float toY, int steps) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, fromY);
    io.MouseDown[0] = false;
    frame();
    io.MouseDown[0] = true;
    if (!kiosk_.state().idleWarning) kiosk_.dispatch(intent::Touch{});
    frame();
    for (int i = 1; i <= steps; ++i) {
        io.MousePos = ImVec2(x, fromY + (toY - fromY) * static_cast<float>(i) / steps);
        frame();
    }
    for (int i = 0; i < 6; ++i)
        frame(); // resting: the release carries no speed
    io.MouseDown[0] = false;
    frame();
    frame();
}

void ScreenHarness::wait(std::chrono::seconds duration) {
    for (auto s = std::chrono::seconds(0); s < duration; s += std::chrono::seconds(1)) {
        clock_.advance(std::chrono::seconds(1));
        frame();
    }
}

std::string ScreenHarness::describeScreen() const {
    std::ostringstream out;
    out << "screen=" << screenName(state().screen) << " language=" << state().language
        << " targets=[";
    for (auto& t : shown().targets)
        out << t.id << " '" << t.label << "', ";
    out << "]";
    return out.str();
}

} // namespace passerelle::test
