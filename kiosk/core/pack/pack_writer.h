#pragma once
#include "core/pack/pack.h"

#include "passerelle/common/secret.h"

#include <expected>
#include <filesystem>
#include <string>

namespace passerelle::pack {

struct MediaItem {
    std::string name;
    std::string mime;
    Bytes bytes;
};

// What `passerelle-pack build` turns into a pack file.
struct PackSource {
    Manifest manifest; // formatVersion and publisherKeyId are filled in by the writer / signer
    std::vector<lesson::Lesson> lessons;
    std::vector<flow::Flow> flows;
    std::vector<MediaItem> media;
};

// Writes an UNSIGNED pack to `out` (replacing it atomically). Writes what it is given: the
// rules are checked by the reader (and by the source loader of passerelle-pack).
std::expected<void, std::string> writePack(const PackSource& source,
                                           const std::filesystem::path& out);

// Signs the pack in place with an Ed25519 secret key (64 bytes, libsodium layout): sets the
// manifest's publisher_key_id, computes the canonical content hash, stores the signature and
// compacts the file. Returns the key id. Re-signing replaces the previous signature.
std::expected<std::string, std::string> signPack(const std::filesystem::path& pack,
                                                 const SecretBytes& ed25519SecretKey);

} // namespace passerelle::pack
