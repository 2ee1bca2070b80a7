#include "temp_dir.h"

#include "passerelle/version.h"

#include <cstdlib>
#include <stdexcept>
#include <unistd.h>

namespace passerelle::test {

TempDir::TempDir(const std::string& prefix) {
    auto base = std::filesystem::temp_directory_path();
    std::string pattern = (base / (prefix + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::filesystem::path sourceDir() {
    if (const char* dir = std::getenv("PASSERELLE_SOURCE_DIR")) return dir;
    return PASSERELLE_SOURCE_DIR;
}

std::filesystem::path binaryDir() {
    if (const char* dir = std::getenv("PASSERELLE_BINARY_DIR")) return dir;
    return std::filesystem::current_path();
}

} // namespace passerelle::test
