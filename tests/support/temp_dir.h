#pragma once
#include <filesystem>
#include <string>

namespace passerelle::test {

// A fresh folder under $TMPDIR, removed (with its content) when the object goes away.
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "passerelle-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Root of the source tree and of the build tree (set by CTest through the environment).
std::filesystem::path sourceDir();
std::filesystem::path binaryDir();

} // namespace passerelle::test
