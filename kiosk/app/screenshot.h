#pragma once
#include <expected>
#include <filesystem>
#include <string>

namespace passerelle::app {

std::expected<void, std::string> writePng(const std::filesystem::path& file,
                                          const std::string& rgba, int width, int height);

} // namespace passerelle::app
