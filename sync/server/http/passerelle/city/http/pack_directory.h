#pragma once
// Content packs the city offers, as files named <blake2b-256 hex>.pack in one folder (put there by
// `passerelle-admin pack add`); an optional <hash>.name holds the original file name.
#include "passerelle/sync/protocol/messages.h"

#include <filesystem>
#include <optional>

namespace passerelle::city {

class PackDirectory {
  public:
    explicit PackDirectory(std::filesystem::path folder) : folder_(std::move(folder)) {}
    const std::filesystem::path& folder() const { return folder_; }
    sync::PackList list() const;
    std::optional<std::filesystem::path> find(const std::string& hash) const;
    // Copies a pack in under its hash (atomically); returns its description.
    std::expected<sync::PackInfo, std::string> add(const std::filesystem::path& pack) const;

  private:
    std::filesystem::path folder_;
};

} // namespace passerelle::city
