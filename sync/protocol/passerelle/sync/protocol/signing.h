#pragma once
// Request and answer signatures. A kiosk signs every request with its Ed25519 identity key; the
// city signs every answer with its Ed25519 signing key, bound to the request's nonce, so a kiosk
// can tell a real acknowledgement from a captive portal's "200 OK" or a replayed old answer.
#include "passerelle/common/encoding.h"
#include "passerelle/common/keys.h"

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace passerelle::sync {

struct RequestSignatureInput {
    std::string method;      // "GET", "POST", "PUT"
    std::string path;        // path only, no query string, e.g. "/v1/outbox"
    std::string bodyHashHex; // blake2b256Hex(body); for an empty body the hash of ""
    std::int64_t timestamp = 0;
    std::string nonce; // 32 lowercase hex chars
};

// The exact bytes that are signed: one field per line, prefixed by a protocol tag.
std::string canonicalRequest(const RequestSignatureInput& input);
std::string canonicalAnswer(int status, std::string_view requestNonce,
                            std::string_view bodyHashHex);

struct SignedHeaders {
    std::string kioskId, timestamp, nonce, signature;
};

// Signs a request now (timestamp = `nowUnix`, fresh random nonce).
SignedHeaders signRequest(const SigningKeyPair& kiosk, std::string_view method,
                          std::string_view path, std::string_view body, std::int64_t nowUnix);

std::string newNonce();
bool isWellFormedNonce(std::string_view nonce);
bool isWellFormedKioskId(std::string_view kioskId);
bool isWellFormedHashHex(std::string_view hash); // 64 lowercase hex chars

bool verifyRequest(const PublicKey& kioskKey, const RequestSignatureInput& input,
                   std::string_view signatureBase64);

std::string signAnswer(const SecretBytes& citySecret, int status, std::string_view requestNonce,
                       std::string_view body);
bool verifyAnswer(const PublicKey& cityKey, int status, std::string_view requestNonce,
                  std::string_view body, std::string_view signatureBase64);

// Parses the decimal unix timestamp header; nullopt when malformed.
std::optional<std::int64_t> parseTimestamp(std::string_view text);

} // namespace passerelle::sync

#include "passerelle/sync/protocol/messages.h"

namespace passerelle::sync {

// The kiosk configuration is signed by the city's Ed25519 signing key over its exact JSON text.
SignedConfig signConfig(const SigningKeyPair& city, std::string configJson);
// The configuration text if the signature is the city's and the text is a JSON object.
std::expected<std::string, std::string> verifyConfig(const PublicKey& cityKey,
                                                     const SignedConfig& signedConfig);

} // namespace passerelle::sync
