#pragma once
// Read-aloud with espeak-ng (Debian's libespeak-ng). The kiosk asks to speak by bumping
// KioskState::speech.serial; the app hands the request to Speech, which speaks on its own thread
// so a frame never waits for the speech engine or the audio device.
#include "core/state/resident_views.h"

#include <condition_variable>
#include <expected>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace passerelle::app {

// espeak-ng language for a kiosk language code ("pt" speaks Brazilian Portuguese, as the catalog
// is written). Unknown codes fall back to English.
std::string_view espeakLanguageFor(std::string_view language);

// The resident's volume (10..100 %) as espeakVOLUME (0..200, 100 = normal). espeak scales the
// amplitude linearly, so 10..100 % spans 20 dB (EN 301 549 §5.1.3.6 / 7.1.x asks for at least
// 18 dB of range); see docs/accessibility.md.
int espeakVolumeFor(int percent);

struct SpeechAudio {
    int sampleRate = 0;
    std::vector<short> samples; // mono, 16-bit
    double rms() const;
};

// Synthesises `text` into memory (espeak's synchronous retrieval mode). For tests and
// diagnostics: espeak-ng is one engine per process, so do not use it while a Speech exists.
std::expected<SpeechAudio, std::string>
synthesizeToMemory(std::string_view text, std::string_view language, int volumePercent);

// Speaks requests one at a time on a worker thread. A new request cancels the one being spoken.
// With no audio device (or no espeak data) it says so once on stderr and stays silent: the
// kiosk works the same without sound.
class Speech {
  public:
    Speech();
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    // Never blocks on the engine: queues the request (replacing any not yet started) and returns.
    void speak(const SpeechRequest& request);

    // Requests handed to espeak so far (tests, diagnostics).
    int spoken() const;
    // False once the engine could not start (no audio device): speak() then does nothing.
    bool available() const;

  private:
    void run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<SpeechRequest> pending_;
    bool stopping_ = false;
    bool available_ = true;
    int spoken_ = 0;
    std::thread worker_;
};

} // namespace passerelle::app
