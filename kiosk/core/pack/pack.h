#pragma once
#include "core/flow/flow.h"
#include "core/lesson/lesson.h"
#include "core/pack/localized_text.h"
#include "core/pack/semver.h"

#include "passerelle/common/encoding.h"
#include "passerelle/common/keys.h"

#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::pack {

struct Manifest {
    int formatVersion = 0;
    std::string id;             // e.g. "org.example.city.main"; also the library folder name
    SemVer version;             // an update must have a higher version
    std::string publisherKeyId; // keyId() of the Ed25519 key that signed the pack
    LocalizedText title;
    LocalizedText description;          // may be empty
    std::vector<std::string> languages; // BCP 47 codes ("en", "fr", "es", "ar"); first = fallback
    SemVer minAppVersion;               // the kiosk app must be at least this version
    std::string created;                // ISO 8601 UTC, e.g. "2026-11-29T10:00:00Z"
    bool operator==(const Manifest&) const = default;
};

struct MediaInfo {
    std::string name; // "tap.png": [a-z0-9][a-z0-9._-]*, no folders
    std::string mime; // "image/png", "image/jpeg"
    std::size_t size = 0;
    std::string blake2b; // hex BLAKE2b-256 of the bytes
    bool operator==(const MediaInfo&) const = default;
};

// Everything a pack holds except the media bytes (read on demand, see Pack::readMedia).
struct PackContent {
    Manifest manifest;
    std::vector<lesson::Lesson> lessons; // in display order
    std::vector<flow::Flow> flows;       // in display order
    std::vector<MediaInfo> media;        // sorted by name
};

// A publisher key the kiosk trusts (from its configuration): a name staff recognise + the key.
struct TrustedKey {
    std::string name; // "City of Lyon", "Partner: Grenoble"
    PublicKey key{};
};

// A verified, loaded content pack. The file stays open read-only; media are read in place.
// Thread-safe for concurrent readers.
class Pack {
  public:
    ~Pack();
    Pack(const Pack&) = delete;
    Pack& operator=(const Pack&) = delete;

    const Manifest& manifest() const { return content_.manifest; }
    const PackContent& content() const { return content_; }
    const std::vector<lesson::Lesson>& lessons() const { return content_.lessons; }
    const std::vector<flow::Flow>& flows() const { return content_.flows; }
    const std::vector<MediaInfo>& media() const { return content_.media; }
    const lesson::Lesson* lesson(std::string_view id) const;
    const flow::Flow* flow(std::string_view id) const;
    const MediaInfo* mediaInfo(std::string_view name) const;

    // The pack's first language: what a text falls back to when it lacks the wanted language.
    std::string_view fallbackLanguage() const;
    bool hasLanguage(std::string_view language) const;
    // `text` in `language`, else in the pack's first language.
    std::string_view text(const LocalizedText& text, std::string_view language) const;

    // The bytes of a media item, checked against the signed BLAKE2b digest.
    std::expected<Bytes, std::string> readMedia(std::string_view name) const;

    const std::filesystem::path& path() const { return path_; }
    const std::string& signerName() const { return signerName_; } // TrustedKey::name of the signer
    const Bytes& contentHash() const { return contentHash_; }     // the signed canonical hash

  private:
    friend struct PackOpener;
    Pack() = default;
    struct Handle;
    std::unique_ptr<Handle> handle_;
    PackContent content_;
    std::filesystem::path path_;
    std::string signerName_;
    Bytes contentHash_;
};

// Opens and verifies a pack file, refusing it with a message staff understand when it is not a
// pack, damaged, truncated, unsigned, signed by a key not in `trusted`, tampered with, of an
// unsupported format version, or malformed. Nothing from the file is used before its signature
// verifies (only the defensive size/structure checks run before).
std::expected<std::shared_ptr<const Pack>, std::string>
openPack(const std::filesystem::path& path, std::span<const TrustedKey> trusted);

// For tools (passerelle-pack inspect) and the fuzz target ONLY: reads a pack with every
// structural check but WITHOUT trusting a key; the content is unverified. The kiosk uses openPack.
struct PackInspection {
    PackContent content;
    Bytes contentHash;
    std::optional<std::string> signatureKeyId; // nullopt: unsigned
    Bytes signature;
    std::uint64_t fileSize = 0;
    bool signedBy(const PublicKey& key) const; // the signature verifies with this key
};
std::expected<PackInspection, std::string> inspectPackUnverified(const std::filesystem::path& path);

// Media names: 1-64 chars of [a-z0-9._-], starting with a letter or digit, no "..".
bool isValidMediaName(std::string_view name);
// Pack ids: 1-64 chars of [a-z0-9.-], starting with a letter or digit, no "..".
bool isValidPackId(std::string_view id);

} // namespace passerelle::pack
