#pragma once
#include "ui/frame_record.h"
#include "ui/ui_context.h"

#include <vector>

namespace passerelle::ui {

// The kiosk's whole UI for one frame. Used the same way by the real window (kiosk/app) and by
// the headless screen tests: between ImGui::NewFrame() and ImGui::Render(), call draw().
class KioskUi {
  public:
    explicit KioskUi(const i18n::I18n& i18n);

    void setFonts(const Fonts& fonts) { fonts_ = fonts; }
    void setHighContrast(bool on) { highContrast_ = on; }
    const Palette& palette() const;

    // Draws `state` and appends the intents of this frame's touches to `intents`.
    void draw(const KioskState& state, std::vector<Intent>& intents);

    // What the last frame showed: touch targets, text, the main instruction.
    const FrameRecord& lastFrame() const { return record_; }

  private:
    const i18n::I18n& i18n_;
    Fonts fonts_;
    bool highContrast_ = false;
    FrameRecord record_;
};

// Kiosk look: no hover colours (touch leaves the pointer "hovering"), big paddings, palette
// colours.
void applyStyle(const Palette& palette, float scale);

} // namespace passerelle::ui
