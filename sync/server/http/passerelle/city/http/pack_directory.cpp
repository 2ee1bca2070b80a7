#include "passerelle/city/http/pack_directory.h"

#include "passerelle/common/files.h"
#include "passerelle/sync/protocol/signing.h"

#include <algorithm>
#include <fstream>
#include <sodium.h>

namespace passerelle::city {

namespace fs = std::filesystem;

sync::PackList PackDirectory::list() const {
    sync::PackList out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder_, ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".pack") continue;
        auto hash = entry.path().stem().string();
        if (!sync::isWellFormedHashHex(hash)) continue;
        std::string name = hash + ".pack";
        if (auto stored = readFile(folder_ / (hash + ".name"), 4096)) name = *stored;
        out.packs.push_back({hash, static_cast<std::int64_t>(entry.file_size()), name});
    }
    std::sort(out.packs.begin(), out.packs.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

std::optional<fs::path> PackDirectory::find(const std::string& hash) const {
    if (!sync::isWellFormedHashHex(hash)) return std::nullopt;
    auto path = folder_ / (hash + ".pack");
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    return path;
}

std::expected<sync::PackInfo, std::string> PackDirectory::add(const fs::path& pack) const {
    std::ifstream in(pack, std::ios::binary);
    if (!in) return std::unexpected("cannot read the pack " + pack.string());
    initSodium();
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    std::vector<char> buffer(1 << 16);
    std::int64_t size = 0;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        auto got = in.gcount();
        if (got <= 0) break;
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                                  static_cast<unsigned long long>(got));
        size += got;
    }
    std::array<std::uint8_t, 32> digest{};
    crypto_generichash_final(&state, digest.data(), digest.size());
    auto hash = toHex(digest);
    std::error_code ec;
    fs::create_directories(folder_, ec);
    auto target = folder_ / (hash + ".pack");
    auto temporary = folder_ / (hash + ".pack.tmp");
    fs::copy_file(pack, temporary, fs::copy_options::overwrite_existing, ec);
    if (ec)
        return std::unexpected("cannot copy the pack into " + folder_.string() + ": " +
                               ec.message());
    fs::rename(temporary, target, ec);
    if (ec) return std::unexpected("cannot publish the pack: " + ec.message());
    if (auto ok = writeFileAtomic(folder_ / (hash + ".name"), pack.filename().string()); !ok)
        return std::unexpected(ok.error());
    return sync::PackInfo{hash, size, pack.filename().string()};
}

} // namespace passerelle::city
