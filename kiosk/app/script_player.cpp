#include "script_player.h"

#include "core/state/overloaded.h"

namespace passerelle::app {

namespace {
constexpr auto kTargetPatience = std::chrono::seconds(5);
constexpr int kSettleFrames = 3;
// Keys that reveal other characters on the keyboard, tried in turn for a character not shown.
const char* const kKeyboardHelpers[] = {"key.shift", "key.page.letters_or_digits",
                                        "key.page.accents", "key.shift"};

std::vector<std::string> utf8Characters(const std::string& text) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        out.push_back(text.substr(i, n));
        i += n;
    }
    return out;
}

std::string keyIdFor(const std::string& character) {
    return character == " " ? "key.space" : "key." + character;
}
} // namespace

ScriptPlayer::ScriptPlayer(std::vector<ScriptStep> steps) : steps_(std::move(steps)) {}

bool ScriptPlayer::wantsFrames() const {
    return !waitEnds_.has_value();
}

std::optional<ScriptPlayer::TimePoint> ScriptPlayer::waitEnds() const {
    return waitEnds_;
}

std::string ScriptPlayer::fail(const std::string& why) const {
    return "script line " + std::to_string(steps_[index_].line) + ": " + why;
}

void ScriptPlayer::finishStep(TimePoint now) {
    ++index_;
    stepStarted_ = false;
    stepStart_ = now;
    tap_.reset();
    waitEnds_.reset();
    helperTaps_ = 0;
}

bool ScriptPlayer::advanceTap(Actions&) {
    Tap& tap = *tap_;
    pressingNow_ = false;
    switch (tap.stage++) {
    case 0: // the finger arrives over the target
        finger_ = {tap.x, tap.y, false};
        return false;
    case 1:
        finger_.down = true;
        pressingNow_ = true;
        return false;
    case 2:
        finger_.down = false;
        return false;
    default:
        return tap.stage > 2 + kSettleFrames;
    }
}

bool ScriptPlayer::startTypingNext(const ui::FrameRecord& shown, Actions& actions) {
    const std::string& character = typing_.front();
    if (const auto* key = shown.findTarget(keyIdFor(character))) {
        typing_.erase(typing_.begin());
        helperTaps_ = 0;
        tap_ = Tap{key->rect.centerX(), key->rect.centerY()};
        return true;
    }
    while (helperTaps_ < static_cast<int>(std::size(kKeyboardHelpers))) {
        if (const auto* helper = shown.findTarget(kKeyboardHelpers[helperTaps_++])) {
            tap_ = Tap{helper->rect.centerX(), helper->rect.centerY()};
            return true;
        }
    }
    actions.error = fail("type: no key for '" + character + "' on the on-screen keyboard");
    return false;
}

ScriptPlayer::Actions ScriptPlayer::afterFrame(const ui::FrameRecord& shown, bool frameStable,
                                               TimePoint now) {
    Actions actions;
    pressingNow_ = false;
    // Steps that need no frame (mark, advance-clock) run back to back.
    while (actions.error.empty() && !actions.quit) {
        if (index_ >= steps_.size()) {
            actions.quit = true;
            break;
        }
        const ScriptStep& step = steps_[index_];
        const bool first = !stepStarted_;
        if (first) {
            stepStarted_ = true;
            stepStart_ = now;
        }
        const bool done = std::visit(
            Overloaded{[&](const script::Tap& s) {
                           if (!tap_) {
                               const auto* target = shown.findTarget(s.target);
                               if (!target) {
                                   if (now - stepStart_ > kTargetPatience)
                                       actions.error = fail("no touch target '" + s.target +
                                                            "' on screen after 5 s");
                                   return false;
                               }
                               tap_ = Tap{target->rect.centerX(), target->rect.centerY()};
                           }
                           return advanceTap(actions);
                       },
                       [&](const script::TapAt& s) {
                           if (!tap_) tap_ = Tap{s.x, s.y};
                           return advanceTap(actions);
                       },
                       [&](const script::Drag& s) {
                           if (first) {
                               finger_ = {s.x, s.y, false};
                               return false;
                           }
                           if (!finger_.down && !tap_) { // press (once), then move with time
                               finger_.down = true;
                               pressingNow_ = true;
                               stepStart_ = now;
                               tap_ = Tap{}; // marks "pressed"
                               return false;
                           }
                           const float t =
                               std::min(1.0f, std::chrono::duration<float>(now - stepStart_) /
                                                  std::chrono::duration<float>(s.duration));
                           if (finger_.down) {
                               finger_.x = s.x + s.dx * t;
                               finger_.y = s.y + s.dy * t;
                               if (t >= 1.0f) finger_.down = false; // released at the end point
                               return false;
                           }
                           return true;
                       },
                       [&](const script::Type& s) {
                           if (first) typing_ = utf8Characters(s.text);
                           if (tap_ && !advanceTap(actions)) return false;
                           tap_.reset();
                           if (typing_.empty()) return true;
                           if (!startTypingNext(shown, actions)) return false;
                           advanceTap(actions);
                           return false;
                       },
                       [&](const script::Wait& s) {
                           if (first) waitEnds_ = now + s.duration;
                           return now >= *waitEnds_;
                       },
                       [&](const script::AdvanceClock& s) {
                           actions.advanceClock += s.by;
                           return true;
                       },
                       [&](const script::Mark& s) {
                           phase_ = s.phase;
                           return true;
                       },
                       [&](const script::Screenshot& s) {
                           if (!frameStable) return false;
                           actions.screenshot = s.file;
                           return true;
                       },
                       [&](const script::Quit&) {
                           actions.quit = true;
                           return true;
                       }},
            step.command);
        if (!done) break;
        finishStep(now);
        // A screenshot belongs to this frame: let the app write it before anything else runs.
        if (actions.screenshot) break;
    }
    return actions;
}

} // namespace passerelle::app
