#pragma once
// Message bodies of the kiosk <-> city protocol, as JSON (UTF-8, compact, keys sorted: the same
// object always encodes to the same bytes). Parsers return a plain-words error on any bad input.
#include "passerelle/common/encoding.h"

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace passerelle::sync {

struct EnrolRequest {
    std::string code;            // the one-time code staff typed
    std::string publicKeyBase64; // the kiosk's Ed25519 public key
    std::string name;            // free text shown in `passerelle-admin kiosks`
};
struct EnrolAnswer {
    std::string kioskId;
};

struct UploadRecord {
    std::int64_t sequence = 0;
    Bytes sealed; // crypto_box_seal ciphertext; the city stores it opaque
    std::int64_t createdAtUnix = 0;
    std::string serviceId;
};
struct UploadRequest {
    std::vector<UploadRecord> records;
};
struct UploadAnswer {
    std::vector<std::int64_t> acknowledged; // stored now or before with the same bytes
    std::vector<std::int64_t> conflicts;    // a different record already had this sequence: the
                                            // city kept the original and set this one aside
};

struct Document {     // stats or audit, uploaded as opaque JSON
    std::string id;   // unique per kiosk; re-sending the same id is harmless
    std::string kind; // "stats" or "audit"
    std::string json; // a JSON object, as text
};
struct DocumentUpload {
    std::vector<Document> documents;
};
struct DocumentAnswer {
    std::vector<std::string> acknowledged;
};

struct PackInfo {
    std::string hash; // BLAKE2b-256 hex of the whole pack file
    std::int64_t size = 0;
    std::string name;
};
struct PackList {
    std::vector<PackInfo> packs;
};

// The kiosk configuration as the city signed it: `config` is the exact JSON text that was signed.
struct SignedConfig {
    std::string config;
    std::string signatureBase64;
    std::string keyId;
};

struct ErrorAnswer {
    std::string error; // plain words for the staff panel
    std::string
        reason; // machine-readable: unsigned, unknown_kiosk, revoked_kiosk, stale_timestamp, ...
};

std::string encode(const EnrolRequest&);
std::string encode(const EnrolAnswer&);
std::string encode(const UploadRequest&);
std::string encode(const UploadAnswer&);
std::string encode(const DocumentUpload&);
std::string encode(const DocumentAnswer&);
std::string encode(const PackList&);
std::string encode(const SignedConfig&);
std::string encode(const ErrorAnswer&);

template <class T> std::expected<T, std::string> decode(std::string_view text);

} // namespace passerelle::sync
