#include "passerelle/sync/protocol/signing.h"

#include <algorithm>
#include <charconv>
#include <sodium.h>

namespace passerelle::sync {

namespace {
bool isLowerHex(std::string_view text, std::size_t length) {
    return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}
} // namespace

std::string canonicalRequest(const RequestSignatureInput& input) {
    std::string out = "passerelle-sync-request-v1\n";
    out += input.method + "\n" + input.path + "\n" + input.bodyHashHex + "\n" +
           std::to_string(input.timestamp) + "\n" + input.nonce;
    return out;
}

std::string canonicalAnswer(int status, std::string_view requestNonce,
                            std::string_view bodyHashHex) {
    std::string out = "passerelle-sync-answer-v1\n";
    out += std::to_string(status) + "\n";
    out += requestNonce;
    out += "\n";
    out += bodyHashHex;
    return out;
}

std::string newNonce() {
    initSodium();
    std::uint8_t bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    return toHex(bytes);
}

bool isWellFormedNonce(std::string_view nonce) {
    return isLowerHex(nonce, 32);
}
bool isWellFormedKioskId(std::string_view kioskId) {
    return isLowerHex(kioskId, 16);
}
bool isWellFormedHashHex(std::string_view hash) {
    return isLowerHex(hash, 64);
}

SignedHeaders signRequest(const SigningKeyPair& kiosk, std::string_view method,
                          std::string_view path, std::string_view body, std::int64_t nowUnix) {
    RequestSignatureInput input{std::string(method), std::string(path),
                                blake2b256Hex(asBytes(body)), nowUnix, newNonce()};
    auto signature = signDetached(kiosk.secretKey, asBytes(canonicalRequest(input)));
    return {keyId(kiosk.publicKey), std::to_string(nowUnix), input.nonce, toBase64(signature)};
}

bool verifyRequest(const PublicKey& kioskKey, const RequestSignatureInput& input,
                   std::string_view signatureBase64) {
    auto signature = fromBase64(signatureBase64);
    if (!signature || signature->size() != crypto_sign_BYTES) return false;
    return verifyDetached(kioskKey, *signature, asBytes(canonicalRequest(input)));
}

std::string signAnswer(const SecretBytes& citySecret, int status, std::string_view requestNonce,
                       std::string_view body) {
    auto message = canonicalAnswer(status, requestNonce, blake2b256Hex(asBytes(body)));
    return toBase64(signDetached(citySecret, asBytes(message)));
}

bool verifyAnswer(const PublicKey& cityKey, int status, std::string_view requestNonce,
                  std::string_view body, std::string_view signatureBase64) {
    auto signature = fromBase64(signatureBase64);
    if (!signature || signature->size() != crypto_sign_BYTES) return false;
    auto message = canonicalAnswer(status, requestNonce, blake2b256Hex(asBytes(body)));
    return verifyDetached(cityKey, *signature, asBytes(message));
}

std::optional<std::int64_t> parseTimestamp(std::string_view text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

} // namespace passerelle::sync

#include <nlohmann/json.hpp>

namespace passerelle::sync {

namespace {
std::string configMessage(std::string_view config) {
    return "passerelle-config-v1\n" + std::string(config);
}
} // namespace

SignedConfig signConfig(const SigningKeyPair& city, std::string configJson) {
    auto signature = signDetached(city.secretKey, asBytes(configMessage(configJson)));
    return {std::move(configJson), toBase64(signature), keyId(city.publicKey)};
}

std::expected<std::string, std::string> verifyConfig(const PublicKey& cityKey,
                                                     const SignedConfig& signedConfig) {
    auto signature = fromBase64(signedConfig.signatureBase64);
    if (!signature || signature->size() != crypto_sign_BYTES ||
        !verifyDetached(cityKey, *signature, asBytes(configMessage(signedConfig.config))))
        return std::unexpected(
            "the configuration from the server is not signed by this city's key; it was "
            "ignored and the current configuration is kept");
    auto parsed = nlohmann::json::parse(signedConfig.config, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::unexpected("the signed configuration is not a JSON object; it was ignored");
    return signedConfig.config;
}

} // namespace passerelle::sync
