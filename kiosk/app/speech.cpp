#include "speech.h"

#include "espeak_library.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace passerelle::app {

namespace {
struct LanguageVoice {
    std::string_view kiosk, espeak;
};
constexpr LanguageVoice kVoices[] = {
    {"en", "en"}, {"fr", "fr"}, {"es", "es"}, {"ar", "ar"}, {"pt", "pt-br"}, {"nl", "nl"},
};

bool selectVoice(const EspeakLibrary& espeak, std::string_view language) {
    const std::string lang(espeakLanguageFor(language));
    espeak_VOICE voice{};
    voice.languages = lang.c_str();
    return espeak.SetVoiceByProperties(&voice) == EE_OK;
}

int collectSamples(short* wav, int count, espeak_EVENT* events) {
    auto* out = static_cast<SpeechAudio*>(events ? events->user_data : nullptr);
    if (out && wav && count > 0) out->samples.insert(out->samples.end(), wav, wav + count);
    return 0; // continue
}
} // namespace

std::string_view espeakLanguageFor(std::string_view language) {
    for (auto& v : kVoices)
        if (v.kiosk == language) return v.espeak;
    return "en";
}

int espeakVolumeFor(int percent) {
    return std::clamp(percent, 10, 100); // linear amplitude: 10 % = -20 dB, 100 % = espeak normal
}

double SpeechAudio::rms() const {
    if (samples.empty()) return 0;
    double sum = 0;
    for (short s : samples)
        sum += double(s) * s;
    return std::sqrt(sum / double(samples.size()));
}

std::expected<SpeechAudio, std::string>
synthesizeToMemory(std::string_view text, std::string_view language, int volumePercent) {
    auto library = espeakLibrary();
    if (!library) return std::unexpected(library.error());
    const EspeakLibrary& espeak = **library;
    static const int sampleRate =
        espeak.Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (sampleRate <= 0)
        return std::unexpected("the speech engine (espeak-ng) could not start: check that the "
                               "espeak-ng-data package is installed");
    espeak.SetSynthCallback(collectSamples);
    if (!selectVoice(espeak, language))
        return std::unexpected("no espeak-ng voice for the language '" + std::string(language) +
                               "'");
    espeak.SetParameter(espeakVOLUME, espeakVolumeFor(volumePercent), 0);
    SpeechAudio audio;
    audio.sampleRate = sampleRate;
    const std::string copy(text);
    const auto error = espeak.Synth(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0,
                                    espeakCHARS_UTF8, nullptr, &audio);
    if (error != EE_OK)
        return std::unexpected("the speech engine could not read the text (espeak error " +
                               std::to_string(int(error)) + ")");
    return audio;
}

Speech::Speech() : worker_([this] { run(); }) {}

Speech::~Speech() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void Speech::speak(const SpeechRequest& request) {
    {
        std::lock_guard lock(mutex_);
        if (!available_) return;
        pending_ = request;
    }
    wake_.notify_all();
}

int Speech::spoken() const {
    std::lock_guard lock(mutex_);
    return spoken_;
}

bool Speech::available() const {
    std::lock_guard lock(mutex_);
    return available_;
}

void Speech::run() {
    // espeak's own playback mode: espeak_Synth queues the text and returns; espeak plays it on its
    // thread, and espeak_Cancel stops it. Every espeak call is made from this thread only.
    auto library = espeakLibrary();
    const EspeakLibrary* espeak = library ? *library : nullptr;
    bool ok = espeak &&
              espeak->Initialize(AUDIO_OUTPUT_PLAYBACK, 0, nullptr, espeakINITIALIZE_DONT_EXIT) > 0;
    if (!library)
        std::fprintf(stderr,
                     "passerelle-kiosk: read-aloud is off: %s; the kiosk works as usual "
                     "without sound\n",
                     library.error().c_str());
    else if (!ok)
        std::fprintf(stderr,
                     "passerelle-kiosk: read-aloud is off: the speech engine could not open an "
                     "audio device (check the speaker and the espeak-ng-data package); the kiosk "
                     "works as usual without sound\n");
    for (;;) {
        SpeechRequest request;
        {
            std::unique_lock lock(mutex_);
            available_ = ok;
            wake_.wait(lock, [&] { return stopping_ || pending_.has_value(); });
            if (stopping_) break;
            request = std::move(*pending_);
            pending_.reset();
            if (!ok) continue;
        }
        espeak->Cancel(); // a new request replaces the one being spoken
        if (request.text.empty()) continue;
        if (!selectVoice(*espeak, request.language)) {
            std::fprintf(stderr, "passerelle-kiosk: read-aloud: no voice for '%s', using English\n",
                         request.language.c_str());
            selectVoice(*espeak, "en");
        }
        espeak->SetParameter(espeakVOLUME, espeakVolumeFor(request.volume), 0);
        const auto error = espeak->Synth(request.text.c_str(), request.text.size() + 1, 0,
                                         POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
        std::lock_guard lock(mutex_);
        if (error == EE_INTERNAL_ERROR) {
            std::fprintf(stderr, "passerelle-kiosk: read-aloud is off: the audio device stopped "
                                 "working; the kiosk works as usual without sound\n");
            ok = false;
            available_ = false;
        } else {
            spoken_++;
        }
    }
    if (ok) {
        espeak->Cancel();
        espeak->Terminate();
    }
}

} // namespace passerelle::app
