#include "passerelle/common/keys.h"

#include "passerelle/common/files.h"

#include <sodium.h>
#include <sstream>

namespace passerelle {

const char* keyKindName(KeyKind kind) {
    switch (kind) {
    case KeyKind::Ed25519Public: return "ed25519-public";
    case KeyKind::Ed25519Secret: return "ed25519-secret";
    case KeyKind::X25519Public: return "x25519-public";
    case KeyKind::X25519Secret: return "x25519-secret";
    }
    return "?";
}

std::size_t keyKindSize(KeyKind kind) {
    switch (kind) {
    case KeyKind::Ed25519Public: return crypto_sign_PUBLICKEYBYTES;
    case KeyKind::Ed25519Secret: return crypto_sign_SECRETKEYBYTES;
    case KeyKind::X25519Public: return crypto_box_PUBLICKEYBYTES;
    case KeyKind::X25519Secret: return crypto_box_SECRETKEYBYTES;
    }
    return 0;
}

SigningKeyPair SigningKeyPair::generate() {
    initSodium();
    SigningKeyPair pair;
    pair.secretKey = SecretBytes(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(pair.publicKey.data(), pair.secretKey.data());
    return pair;
}

SealingKeyPair SealingKeyPair::generate() {
    initSodium();
    SealingKeyPair pair;
    pair.secretKey = SecretBytes(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(pair.publicKey.data(), pair.secretKey.data());
    return pair;
}

std::string keyId(const PublicKey& key) { return blake2b256Hex(key).substr(0, 16); }

std::string formatKeyFile(KeyKind kind, std::span<const std::uint8_t> key, const std::string& comment) {
    std::ostringstream out;
    std::istringstream lines(comment);
    for (std::string line; std::getline(lines, line);) out << "# " << line << "\n";
    out << keyKindName(kind) << " " << toBase64(key) << "\n";
    return out.str();
}

std::expected<Bytes, std::string> parseKeyFile(std::string_view text, KeyKind expected) {
    std::istringstream lines{std::string(text)};
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#') continue;
        auto space = line.find(' ');
        if (space == std::string::npos) return std::unexpected("key line has no kind: expected '" +
                                                                std::string(keyKindName(expected)) + " <base64>'");
        auto kind = line.substr(0, space);
        if (kind != keyKindName(expected))
            return std::unexpected("this is a " + kind + " key, expected " + keyKindName(expected));
        auto bytes = fromBase64(std::string_view(line).substr(space + 1));
        if (!bytes) return std::unexpected("key is not valid base64");
        if (bytes->size() != keyKindSize(expected))
            return std::unexpected("key has " + std::to_string(bytes->size()) + " bytes, expected " +
                                   std::to_string(keyKindSize(expected)));
        return *bytes;
    }
    return std::unexpected("no key found in file");
}

std::expected<void, std::string> writeKeyFile(const std::filesystem::path& path, KeyKind kind,
                                              std::span<const std::uint8_t> key, const std::string& comment) {
    bool secret = kind == KeyKind::Ed25519Secret || kind == KeyKind::X25519Secret;
    return writeFileAtomic(path, formatKeyFile(kind, key, comment), secret ? 0600 : 0644);
}

std::expected<PublicKey, std::string> readPublicKeyFile(const std::filesystem::path& path, KeyKind kind) {
    auto text = readFile(path, 64 * 1024);
    if (!text) return std::unexpected(text.error());
    auto bytes = parseKeyFile(*text, kind);
    if (!bytes) return std::unexpected(path.string() + ": " + bytes.error());
    PublicKey key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

std::expected<SecretBytes, std::string> readSecretKeyFile(const std::filesystem::path& path, KeyKind kind) {
    auto text = readFile(path, 64 * 1024);
    if (!text) return std::unexpected(text.error());
    SecretBytes guardedText(*text);
    sodium_memzero(text->data(), text->size());
    auto bytes = parseKeyFile(guardedText.text(), kind);
    if (!bytes) return std::unexpected(path.string() + ": " + bytes.error());
    SecretBytes key(*bytes);
    sodium_memzero(bytes->data(), bytes->size());
    return key;
}

std::expected<PublicKey, std::string> parsePublicKey(std::string_view text) {
    auto space = text.find(' ');
    if (space != std::string_view::npos) text = text.substr(space + 1);
    auto bytes = fromBase64(text);
    if (!bytes || bytes->size() != 32) return std::unexpected("not a base64 32-byte public key");
    PublicKey key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

std::array<std::uint8_t, 64> signDetached(const SecretBytes& secretKey, std::span<const std::uint8_t> message) {
    std::array<std::uint8_t, 64> sig{};
    crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), secretKey.data());
    return sig;
}

bool verifyDetached(const PublicKey& publicKey, std::span<const std::uint8_t> signature,
                    std::span<const std::uint8_t> message) {
    initSodium();
    if (signature.size() != crypto_sign_BYTES) return false;
    return crypto_sign_verify_detached(signature.data(), message.data(), message.size(), publicKey.data()) == 0;
}

} // namespace passerelle
