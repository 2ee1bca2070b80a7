#include "resources.h"

#include "passerelle/version.h"

#include <cstdlib>
#include <unistd.h>

namespace passerelle::app {

namespace {
std::filesystem::path exeDir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path(".") : exe.parent_path();
}
} // namespace

std::filesystem::path shareDir() {
    if (const char* dir = std::getenv("PASSERELLE_SHARE_DIR"); dir && *dir) return dir;
    auto installed = exeDir() / "../share/passerelle";
    if (std::filesystem::exists(installed / "locales"))
        return std::filesystem::weakly_canonical(installed);
    return PASSERELLE_SOURCE_DIR;
}

std::filesystem::path localesDir() {
    return shareDir() / "locales";
}

std::filesystem::path demoKeysDir() {
    auto share = shareDir();
    if (std::filesystem::exists(share / "demo-keys")) return share / "demo-keys";
    return share / "assets/demo-keys";
}

std::filesystem::path demoPackFile() {
    auto share = shareDir();
    if (std::filesystem::exists(share / "packs/demo.ppack")) return share / "packs/demo.ppack";
    // Developer build: the binary is <build>/kiosk/app/passerelle-kiosk.
    return exeDir() / "../../assets/demo.ppack";
}

} // namespace passerelle::app
