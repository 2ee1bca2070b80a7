// libFuzzer target for the pack reader: the bytes are written to a file and opened exactly as a
// kiosk opens a pack from a USB stick (openPack), then read with the tool's unverified path,
// which also runs the content loader on whatever SQLite accepts. Any crash, leak, hang or
// sanitizer report is a bug. Seeds: real signed packs (see CMakeLists.txt).
#include "core/flow/flow_engine.h"
#include "core/pack/pack.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

using namespace passerelle;

namespace {
const std::string& scratchPath() {
    static const std::string path = "/tmp/passerelle-fuzz-" + std::to_string(::getpid()) + ".ppack";
    return path;
}
const std::vector<pack::TrustedKey>& trusted() {
    // The DEMO city key (assets/demo-keys/city-signing.public), so signed seeds verify.
    static const std::vector<pack::TrustedKey> keys = [] {
        auto key = parsePublicKey("46RP3BvsNBVtiUSfzCTOz5+1+ruFOHkpbyGU7W8S4aw=");
        return std::vector<pack::TrustedKey>{{"demo", key.value_or(PublicKey{})}};
    }();
    return keys;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::FILE* f = std::fopen(scratchPath().c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);

    if (auto opened = pack::openPack(scratchPath(), trusted())) {
        // A verified pack: walk it as the UI would.
        for (auto& flow : (*opened)->flows()) {
            flow::FlowEngine engine(flow);
            auto none = [](std::string_view) -> std::optional<std::string_view> {
                return std::nullopt;
            };
            for (auto i : engine.visibleSteps(none))
                (void)engine.validate(i, "2026-01-01");
        }
        for (auto& media : (*opened)->media())
            (void)(*opened)->readMedia(media.name);
    }
    if (auto inspected = pack::inspectPackUnverified(scratchPath())) {
        for (auto& flow : inspected->content.flows) {
            flow::FlowEngine engine(flow);
            auto none = [](std::string_view) -> std::optional<std::string_view> {
                return std::nullopt;
            };
            for (auto i : engine.visibleSteps(none))
                (void)engine.validate(i, "x");
        }
    }
    return 0;
}
