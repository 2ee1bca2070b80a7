#include "screenshot.h"

#include <stb_image_write.h>

namespace passerelle::app {

std::expected<void, std::string> writePng(const std::filesystem::path& file,
                                          const std::string& rgba, int width, int height) {
    if (!stbi_write_png(file.c_str(), width, height, 4, rgba.data(), width * 4))
        return std::unexpected("cannot write the screenshot " + file.string());
    return {};
}

} // namespace passerelle::app
