#pragma once
// Paths, headers and limits of the kiosk <-> city protocol (version 1). See sync/openapi.yaml.
#include <cstddef>
#include <cstdint>

namespace passerelle::sync {

inline constexpr const char* kPathEnrol = "/v1/enrol";
inline constexpr const char* kPathOutbox = "/v1/outbox";
inline constexpr const char* kPathDocuments = "/v1/documents"; // stats and audit
inline constexpr const char* kPathConfig = "/v1/config";
inline constexpr const char* kPathPacks = "/v1/packs";        // list; /v1/packs/<hash> downloads
inline constexpr const char* kPathProgress = "/v1/progress/"; // + learner hash (64 hex)
inline constexpr const char* kPathHealth = "/health";
inline constexpr const char* kPathMetrics = "/metrics";

// Request headers set by the kiosk (all required on every /v1 request).
inline constexpr const char* kHeaderKiosk = "X-Passerelle-Kiosk";         // kiosk id (keyId)
inline constexpr const char* kHeaderTimestamp = "X-Passerelle-Timestamp"; // unix seconds
inline constexpr const char* kHeaderNonce = "X-Passerelle-Nonce";         // 32 lowercase hex
inline constexpr const char* kHeaderSignature = "X-Passerelle-Signature"; // base64 Ed25519
// Answer headers set by the city on every answer to a signed request.
inline constexpr const char* kHeaderCitySignature = "X-Passerelle-City-Signature";
inline constexpr const char* kHeaderCityKey = "X-Passerelle-City-Key"; // keyId of the signer

// A request whose timestamp is further than this from the server clock is refused; nonces are
// remembered at least this long, so a replay inside the window is caught.
inline constexpr std::int64_t kClockSkewSeconds = 300;
inline constexpr std::size_t kDefaultMaxBodyBytes = 8u << 20;
inline constexpr std::size_t kMaxRecordsPerBatch = 1000;

// Accepted (again and again) by `passerelle-city --demo` only, so the demo kiosk can enrol.
inline constexpr const char* kDemoEnrolmentCode = "DEMO-DEMO-DEMO";

} // namespace passerelle::sync
