#pragma once
// libespeak-ng's functions, from the library opened when read-aloud starts (see
// common/system_library.h): the kiosk shows its first screen without mapping espeak-ng and the
// audio libraries it brings.
#include <espeak-ng/speak_lib.h>
#include <expected>
#include <string>

namespace passerelle::app {

struct EspeakLibrary {
    decltype(&espeak_Initialize) Initialize;
    decltype(&espeak_SetSynthCallback) SetSynthCallback;
    decltype(&espeak_SetVoiceByProperties) SetVoiceByProperties;
    decltype(&espeak_SetParameter) SetParameter;
    decltype(&espeak_Synth) Synth;
    decltype(&espeak_Cancel) Cancel;
    decltype(&espeak_Terminate) Terminate;
};

// Loads libespeak-ng once (thread-safe); or says why read-aloud cannot work.
std::expected<const EspeakLibrary*, std::string> espeakLibrary();

} // namespace passerelle::app
