#pragma once
#include "core/pack/pack.h"

#include <expected>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::pack {

struct InstalledPack {
    std::string id;
    std::string version;                        // e.g. "1.2.0"
    std::optional<std::string> previousVersion; // kept for rollback()
    std::string title;                          // in the pack's first language, for staff screens
    std::string publisher;                      // TrustedKey::name of the signer
    std::string installedAt;                    // ISO 8601 UTC
    bool operator==(const InstalledPack&) const = default;
};

// The kiosk's installed content packs, under <dataDir>/packs/:
//   <id>/<version>.ppack   verified copies (the current one and the previous one)
//   installed.json         which file is current / previous for each pack id; replaced
//                          atomically (writeFileAtomic), so a power cut leaves the old or the new
//                          state, never a mix.
// Every refusal returns a message for staff and leaves the installed packs as they were.
// Safe to use from several threads of one process.
class PackLibrary {
  public:
    PackLibrary(std::filesystem::path dataDir, std::vector<TrustedKey> trusted);

    // Copies the file into the library (fsync), verifies the COPY (signature against the trusted
    // keys, format, content rules), checks it is newer than the installed version of the same
    // pack id and that this app is recent enough, then switches to it. The previous version is
    // kept for rollback; older ones are deleted.
    std::expected<InstalledPack, std::string> install(const std::filesystem::path& packFile);

    // Switches back to the kept previous version (verifying it again). The version rolled back
    // from is deleted; installing it again later is allowed.
    std::expected<InstalledPack, std::string> rollback(std::string_view packId);

    // Forgets a pack id (files are deleted).
    std::expected<void, std::string> remove(std::string_view packId);

    std::expected<std::vector<InstalledPack>, std::string> installed() const;

    // Opens (and verifies) the current version of an installed pack.
    std::expected<std::shared_ptr<const Pack>, std::string> open(std::string_view packId) const;

    const std::filesystem::path& folder() const { return folder_; }

  private:
    struct Entry;
    struct Index;
    std::expected<Index, std::string> loadIndex() const;
    std::expected<void, std::string> saveIndex(const Index& index) const;
    std::filesystem::path fileOf(std::string_view id, const std::string& file) const;

    std::filesystem::path folder_;
    std::vector<TrustedKey> trusted_;
    mutable std::mutex mutex_;
};

} // namespace passerelle::pack
