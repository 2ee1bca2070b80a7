#include "passerelle/common/files.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace passerelle {

namespace {
std::string errnoText(const std::string& what, const std::filesystem::path& path) {
    return what + " " + path.string() + ": " + std::strerror(errno);
}
} // namespace

std::expected<void, std::string> writeFileAtomic(const std::filesystem::path& path,
                                                 std::string_view content, unsigned mode) {
    const auto tmp = path.string() + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) return std::unexpected(errnoText("cannot create", tmp));
    ::fchmod(fd, mode);
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            auto err = errnoText("cannot write", tmp);
            ::close(fd);
            ::unlink(tmp.c_str());
            return std::unexpected(err);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        auto err = errnoText("cannot flush", tmp);
        ::unlink(tmp.c_str());
        return std::unexpected(err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        auto err = errnoText("cannot replace", path);
        ::unlink(tmp.c_str());
        return std::unexpected(err);
    }
    auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

std::expected<std::string, std::string> readFile(const std::filesystem::path& path,
                                                 std::size_t maxBytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::unexpected("cannot open " + path.string() + ": " + std::strerror(errno));
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > maxBytes)
        return std::unexpected(path.string() + " is too large (" + std::to_string(size) +
                               " bytes, limit " + std::to_string(maxBytes) + ")");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace passerelle
