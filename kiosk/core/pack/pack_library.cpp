#include "core/pack/pack_library.h"

#include "core/pack/limits.h"

#include "passerelle/common/files.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <random>
#include <unistd.h>

namespace passerelle::pack {

using nlohmann::json;

struct PackLibrary::Entry {
    std::string file; // file name inside <id>/
    std::string version;
    std::string title;
    std::string publisher;
    std::string installedAt;
    std::optional<std::string> previousFile;
    std::optional<std::string> previousVersion;
};

struct PackLibrary::Index {
    std::map<std::string, Entry> packs;
};

namespace {

std::string nowIso() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::expected<void, std::string> fsyncPath(const std::filesystem::path& path, bool directory) {
    int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return std::unexpected("cannot open " + path.string() + " to flush it");
    int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) return std::unexpected("cannot flush " + path.string() + " to disk");
    return {};
}

// True when both files exist and hold the same bytes (sizes compared first).
bool sameContents(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec1, ec2;
    const auto sizeA = std::filesystem::file_size(a, ec1);
    const auto sizeB = std::filesystem::file_size(b, ec2);
    if (ec1 || ec2 || sizeA != sizeB) return false;
    std::ifstream inA(a, std::ios::binary), inB(b, std::ios::binary);
    if (!inA || !inB) return false;
    std::vector<char> bufA(1 << 16), bufB(1 << 16);
    while (inA && inB) {
        inA.read(bufA.data(), static_cast<std::streamsize>(bufA.size()));
        inB.read(bufB.data(), static_cast<std::streamsize>(bufB.size()));
        if (inA.gcount() != inB.gcount() ||
            !std::equal(bufA.begin(), bufA.begin() + inA.gcount(), bufB.begin()))
            return false;
    }
    return inA.eof() && inB.eof();
}

// Copies with a size cap, then flushes the copy to disk.
std::expected<void, std::string> copyFile(const std::filesystem::path& from,
                                          const std::filesystem::path& to) {
    std::FILE* in = std::fopen(from.c_str(), "rb");
    if (!in)
        return std::unexpected("Cannot read \"" + from.string() +
                               "\". Check the USB stick and the file name.");
    int fd = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        std::fclose(in);
        return std::unexpected("Cannot write into the pack library (" + to.parent_path().string() +
                               ").");
    }
    std::vector<char> buffer(1 << 20);
    std::uint64_t total = 0;
    std::string error;
    while (true) {
        std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in);
        if (n == 0) {
            if (std::ferror(in))
                error = "Reading \"" + from.string() + "\" failed; copy the file again.";
            break;
        }
        total += n;
        if (total > kMaxPackBytes) {
            error = "The pack file is too large (the limit is " +
                    std::to_string(kMaxPackBytes >> 20) + " MB).";
            break;
        }
        for (std::size_t done = 0; done < n;) {
            auto written = ::write(fd, buffer.data() + done, n - done);
            if (written <= 0) {
                error = "The kiosk's disk is full or failing; the pack was not installed.";
                break;
            }
            done += std::size_t(written);
        }
        if (!error.empty()) break;
    }
    std::fclose(in);
    if (error.empty() && ::fsync(fd) != 0)
        error = "Cannot flush the pack to disk; it was not installed.";
    ::close(fd);
    if (!error.empty()) return std::unexpected(error);
    return {};
}

std::string randomSuffix() {
    std::random_device device;
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%08x%08x", device(), device());
    return buffer;
}

} // namespace

PackLibrary::PackLibrary(std::filesystem::path dataDir, std::vector<TrustedKey> trusted)
    : folder_(std::move(dataDir) / "packs"), trusted_(std::move(trusted)) {}

std::filesystem::path PackLibrary::fileOf(std::string_view id, const std::string& file) const {
    return folder_ / std::string(id) / file;
}

std::expected<PackLibrary::Index, std::string> PackLibrary::loadIndex() const {
    Index index;
    const auto path = folder_ / "installed.json";
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return index;
    auto text = readFile(path, 1 << 20);
    if (!text) return std::unexpected("Cannot read the list of installed packs: " + text.error());
    json j = json::parse(*text, nullptr, false);
    if (!j.is_object() || !j.contains("packs") || !j["packs"].is_object())
        return std::unexpected("The list of installed packs (" + path.string() +
                               ") is damaged. Restore it from a backup or reinstall the packs.");
    for (auto& [id, e] : j["packs"].items()) {
        if (!isValidPackId(id) || !e.is_object()) continue;
        Entry entry;
        entry.file = e.value("file", "");
        entry.version = e.value("version", "");
        entry.title = e.value("title", "");
        entry.publisher = e.value("publisher", "");
        entry.installedAt = e.value("installedAt", "");
        if (e.contains("previousFile") && e["previousFile"].is_string()) {
            entry.previousFile = e["previousFile"].get<std::string>();
            entry.previousVersion = e.value("previousVersion", "");
        }
        if (!isValidMediaName(entry.file) ||
            (entry.previousFile && !isValidMediaName(*entry.previousFile)))
            return std::unexpected(
                "The list of installed packs names an invalid file; reinstall the packs.");
        index.packs[id] = std::move(entry);
    }
    return index;
}

std::expected<void, std::string> PackLibrary::saveIndex(const Index& index) const {
    json packs = json::object();
    for (auto& [id, e] : index.packs) {
        json entry = {{"file", e.file},
                      {"version", e.version},
                      {"title", e.title},
                      {"publisher", e.publisher},
                      {"installedAt", e.installedAt}};
        if (e.previousFile) {
            entry["previousFile"] = *e.previousFile;
            entry["previousVersion"] = e.previousVersion.value_or("");
        }
        packs[id] = entry;
    }
    json j = {{"format", 1}, {"packs", packs}};
    auto ok = writeFileAtomic(folder_ / "installed.json", j.dump(2) + "\n");
    if (!ok) return std::unexpected("Could not save the list of installed packs: " + ok.error());
    return {};
}

std::expected<InstalledPack, std::string>
PackLibrary::install(const std::filesystem::path& packFile) {
    std::lock_guard lock(mutex_);
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    if (ec)
        return std::unexpected("Cannot create the pack library " + folder_.string() + ": " +
                               ec.message());
    auto index = loadIndex();
    if (!index) return std::unexpected(index.error());

    // The very file already installed (the demo pack at every demo start, a stick plugged in
    // twice): answered from the index, without copying and verifying it again.
    for (const auto& [installedId, e] : index->packs)
        if (sameContents(packFile, fileOf(installedId, e.file)))
            return std::unexpected("Version " + e.version + " of \"" + e.title +
                                   "\" is already installed.");

    // Verify the copy we will use, not the original (a USB file could change under us).
    const auto staging = folder_ / ("incoming-" + randomSuffix() + ".ppack");
    struct Cleanup {
        std::filesystem::path path;
        ~Cleanup() {
            std::error_code ignored;
            if (!path.empty()) std::filesystem::remove(path, ignored);
        }
    } cleanup{staging};
    if (auto copied = copyFile(packFile, staging); !copied) return std::unexpected(copied.error());

    std::string version, id, title, publisher;
    {
        auto pack = openPack(staging, trusted_);
        if (!pack) return std::unexpected(pack.error());
        const Manifest& m = (*pack)->manifest();
        if (m.minAppVersion > appVersion())
            return std::unexpected("This pack needs Passerelle " + m.minAppVersion.toString() +
                                   " or newer; this kiosk runs " + appVersion().toString() +
                                   ". Update the kiosk software first.");
        id = m.id;
        version = m.version.toString();
        title = std::string((*pack)->text(m.title, (*pack)->fallbackLanguage()));
        publisher = (*pack)->signerName();
        if (auto it = index->packs.find(id); it != index->packs.end()) {
            auto installed = SemVer::parse(it->second.version);
            if (installed && m.version == *installed)
                return std::unexpected("Version " + version + " of \"" + title +
                                       "\" is already installed.");
            if (installed && m.version < *installed)
                return std::unexpected("This pack (version " + version +
                                       ") is older than the installed one (" + it->second.version +
                                       "). To go back to the previous version, use rollback.");
        }
    }

    const auto packFolder = folder_ / id;
    std::filesystem::create_directories(packFolder, ec);
    if (ec) return std::unexpected("Cannot write into the pack library: " + ec.message());
    const std::string file = version + ".ppack";
    std::filesystem::rename(staging, packFolder / file, ec);
    if (ec) return std::unexpected("Cannot move the pack into the library: " + ec.message());
    cleanup.path.clear();
    if (auto ok = fsyncPath(packFolder, true); !ok)
        return std::unexpected("Cannot install: " + ok.error());

    Entry entry{file, version, title, publisher, nowIso(), std::nullopt, std::nullopt};
    std::optional<std::string> dropped;
    if (auto it = index->packs.find(id); it != index->packs.end()) {
        entry.previousFile = it->second.file;
        entry.previousVersion = it->second.version;
        if (it->second.previousFile && *it->second.previousFile != file)
            dropped = *it->second.previousFile;
    }
    index->packs[id] = entry;
    if (auto saved = saveIndex(*index); !saved) {
        std::filesystem::remove(packFolder / file, ec); // the switch did not happen
        return std::unexpected(saved.error());
    }
    if (dropped) std::filesystem::remove(packFolder / *dropped, ec); // older than the kept previous
    return InstalledPack{id, version, entry.previousVersion, title, publisher, entry.installedAt};
}

std::expected<InstalledPack, std::string> PackLibrary::rollback(std::string_view packId) {
    std::lock_guard lock(mutex_);
    auto index = loadIndex();
    if (!index) return std::unexpected(index.error());
    auto it = index->packs.find(std::string(packId));
    if (it == index->packs.end())
        return std::unexpected("No pack \"" + std::string(packId) + "\" is installed.");
    Entry& current = it->second;
    if (!current.previousFile)
        return std::unexpected("There is no previous version of \"" + current.title +
                               "\" to go back to.");
    auto previous = openPack(fileOf(packId, *current.previousFile), trusted_);
    if (!previous)
        return std::unexpected("The previous version cannot be used any more: " + previous.error());
    const std::string droppedFile = current.file;
    Entry entry{*current.previousFile,
                (*previous)->manifest().version.toString(),
                std::string((*previous)->text((*previous)->manifest().title,
                                              (*previous)->fallbackLanguage())),
                (*previous)->signerName(),
                nowIso(),
                std::nullopt,
                std::nullopt};
    current = entry;
    if (auto saved = saveIndex(*index); !saved) return std::unexpected(saved.error());
    std::error_code ec;
    std::filesystem::remove(fileOf(packId, droppedFile), ec);
    return InstalledPack{std::string(packId), entry.version,   std::nullopt,
                         entry.title,         entry.publisher, entry.installedAt};
}

std::expected<void, std::string> PackLibrary::remove(std::string_view packId) {
    std::lock_guard lock(mutex_);
    auto index = loadIndex();
    if (!index) return std::unexpected(index.error());
    if (!index->packs.erase(std::string(packId)))
        return std::unexpected("No pack \"" + std::string(packId) + "\" is installed.");
    if (auto saved = saveIndex(*index); !saved) return saved;
    std::error_code ec;
    std::filesystem::remove_all(folder_ / std::string(packId), ec);
    return {};
}

std::expected<std::vector<InstalledPack>, std::string> PackLibrary::installed() const {
    std::lock_guard lock(mutex_);
    auto index = loadIndex();
    if (!index) return std::unexpected(index.error());
    std::vector<InstalledPack> list;
    for (auto& [id, e] : index->packs)
        list.push_back({id, e.version, e.previousVersion, e.title, e.publisher, e.installedAt});
    return list;
}

std::expected<std::shared_ptr<const Pack>, std::string>
PackLibrary::open(std::string_view packId) const {
    std::string file;
    {
        std::lock_guard lock(mutex_);
        auto index = loadIndex();
        if (!index) return std::unexpected(index.error());
        auto it = index->packs.find(std::string(packId));
        if (it == index->packs.end())
            return std::unexpected("No pack \"" + std::string(packId) + "\" is installed.");
        file = it->second.file;
    }
    return openPack(fileOf(packId, file), trusted_);
}

} // namespace passerelle::pack
