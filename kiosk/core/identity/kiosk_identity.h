#pragma once
#include "passerelle/common/keys.h"

#include <expected>
#include <filesystem>
#include <string>

namespace passerelle {

// The kiosk's own Ed25519 key pair, made at first start (never shipped in an image: cloned SD
// cards must not share identities). Files: <dataDir>/identity.secret (0600) and identity.public.
// kioskId = keyId(publicKey): 16 hex characters.
struct KioskIdentity {
    static constexpr const char* kSecretFile = "identity.secret";
    static constexpr const char* kPublicFile = "identity.public";

    SigningKeyPair keys;
    std::string kioskId;

    // Loads the identity, or makes it if neither file exists. A secret file readable by others is
    // tightened to 0600. A public file without its secret, or a pair that does not match, is an
    // error (the kiosk would otherwise silently change identity at the city).
    static std::expected<KioskIdentity, std::string>
    loadOrCreate(const std::filesystem::path& dataDir);
};

} // namespace passerelle
