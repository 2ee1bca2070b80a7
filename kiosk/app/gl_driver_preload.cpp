#include "gl_driver_preload.h"

#include <cstdlib>
#include <dlfcn.h>
#include <string>
#include <unistd.h>

namespace passerelle::app {

namespace {

// The driver Mesa would load: LIBGL_DRIVERS_PATH first (Mesa honours it), then Debian's folder.
std::string mesaDriverFile() {
    std::string folder;
    if (const char* path = std::getenv("LIBGL_DRIVERS_PATH"); path && *path) {
        folder = path;
        folder = folder.substr(0, folder.find(':'));
    } else {
#ifdef PASSERELLE_MESA_DRI_DIR
        folder = PASSERELLE_MESA_DRI_DIR;
#endif
    }
    if (folder.empty()) return {};
    const std::string file = folder + "/swrast_dri.so"; // every Mesa build ships this link
    return access(file.c_str(), R_OK) == 0 ? file : std::string{};
}

} // namespace

GlDriverPreload::GlDriverPreload() {
    if (const char* off = std::getenv("PASSERELLE_GL_PRELOAD"); off && std::string(off) == "0")
        return;
    std::string file = mesaDriverFile();
    if (file.empty()) return;
    worker_ = std::thread([file = std::move(file)] {
        // Kept loaded for the process' life: Mesa uses it from here on.
        (void)dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    });
}

GlDriverPreload::~GlDriverPreload() {
    if (worker_.joinable()) worker_.join();
}

} // namespace passerelle::app
