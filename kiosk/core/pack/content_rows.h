#pragma once
#include "passerelle/common/encoding.h"

#include <sqlite3.h>

#include <cstdint>
#include <expected>
#include <map>
#include <string>
#include <variant>
#include <vector>

// One pass over every row of every content table that both computes the canonical content hash
// and keeps the rows for the loader, so what is verified is exactly what is used.
namespace passerelle::pack::detail {

struct BlobInfo {
    std::size_t size = 0;
    std::string blake2bHex; // BLAKE2b-256 of the bytes
};
using Value = std::variant<std::int64_t, std::string, BlobInfo>;
using Row = std::vector<Value>;

struct PackRows {
    std::map<std::string, std::vector<Row>, std::less<>> tables; // by table name
    Bytes contentHash; // 32 bytes, see docs/pack-format.md "Canonical content hash"
};

struct ReadLimits {
    bool enforceMediaCap = true; // off only when signing (so tests can sign an oversized pack)
};

std::expected<PackRows, std::string> readContentRows(sqlite3* db, const ReadLimits& limits = {});

// The message an Ed25519 signature covers: a domain string, then the 32-byte content hash.
Bytes signedMessage(const Bytes& contentHash);

struct SignatureRow {
    std::string keyId;
    Bytes signature;
};
// nullopt when the pack carries no signature; an error when the table is malformed.
std::expected<std::optional<SignatureRow>, std::string> readSignature(sqlite3* db);

// At most 64 bytes of untrusted text for an error message, control characters replaced.
std::string printable(std::string_view text);

} // namespace passerelle::pack::detail
