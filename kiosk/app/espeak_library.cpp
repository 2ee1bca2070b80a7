#include "espeak_library.h"

#include "passerelle/common/system_library.h"

namespace passerelle::app {

namespace {

std::expected<EspeakLibrary, std::string> load() {
    auto library = SystemLibrary::open({"libespeak-ng.so.1"}, "libespeak-ng1");
    if (!library) return std::unexpected(library.error());
    EspeakLibrary e{};
    const bool ok = library->resolve(e.Initialize, "espeak_Initialize") &&
                    library->resolve(e.SetSynthCallback, "espeak_SetSynthCallback") &&
                    library->resolve(e.SetVoiceByProperties, "espeak_SetVoiceByProperties") &&
                    library->resolve(e.SetParameter, "espeak_SetParameter") &&
                    library->resolve(e.Synth, "espeak_Synth") &&
                    library->resolve(e.Cancel, "espeak_Cancel") &&
                    library->resolve(e.Terminate, "espeak_Terminate");
    if (!ok) return std::unexpected(library->missing());
    return e;
}

} // namespace

std::expected<const EspeakLibrary*, std::string> espeakLibrary() {
    static const std::expected<EspeakLibrary, std::string> loaded = load();
    if (!loaded) return std::unexpected("the speech engine is missing: " + loaded.error());
    return &*loaded;
}

} // namespace passerelle::app
