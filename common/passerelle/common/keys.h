#pragma once
#include "passerelle/common/encoding.h"
#include "passerelle/common/secret.h"

#include <array>
#include <expected>
#include <filesystem>
#include <string>

namespace passerelle {

// Key files are small text files: optional '#' comment lines, then one line "<kind> <base64>".
// Kinds: ed25519-public, ed25519-secret, x25519-public, x25519-secret.
// Secret key files are written with mode 0600.
enum class KeyKind { Ed25519Public, Ed25519Secret, X25519Public, X25519Secret };

const char* keyKindName(KeyKind kind);
std::size_t keyKindSize(KeyKind kind);

using PublicKey = std::array<std::uint8_t, 32>;

struct SigningKeyPair { // Ed25519: packs, configuration, kiosk identity, sync requests
    PublicKey publicKey{};
    SecretBytes secretKey; // 64 bytes (libsodium layout: seed || public key)
    static SigningKeyPair generate();
};

struct SealingKeyPair { // X25519: the city's key for crypto_box_seal submissions
    PublicKey publicKey{};
    SecretBytes secretKey; // 32 bytes
    static SealingKeyPair generate();
};

// Short, stable identifier of a public key: first 16 hex chars of BLAKE2b-256(key).
std::string keyId(const PublicKey& key);

std::string formatKeyFile(KeyKind kind, std::span<const std::uint8_t> key, const std::string& comment = {});
std::expected<Bytes, std::string> parseKeyFile(std::string_view text, KeyKind expected);

std::expected<void, std::string> writeKeyFile(const std::filesystem::path& path, KeyKind kind,
                                              std::span<const std::uint8_t> key,
                                              const std::string& comment = {});
std::expected<PublicKey, std::string> readPublicKeyFile(const std::filesystem::path& path, KeyKind kind);
std::expected<SecretBytes, std::string> readSecretKeyFile(const std::filesystem::path& path, KeyKind kind);

// Parses "<base64>" or "<kind> <base64>" of a 32-byte public key (as found in configuration).
std::expected<PublicKey, std::string> parsePublicKey(std::string_view text);

// Ed25519 detached signatures.
std::array<std::uint8_t, 64> signDetached(const SecretBytes& secretKey, std::span<const std::uint8_t> message);
bool verifyDetached(const PublicKey& publicKey, std::span<const std::uint8_t> signature,
                    std::span<const std::uint8_t> message);

} // namespace passerelle
