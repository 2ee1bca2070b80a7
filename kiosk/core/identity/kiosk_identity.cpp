#include "core/identity/kiosk_identity.h"

#include <sodium.h>
#include <sys/stat.h>

namespace passerelle {

std::expected<KioskIdentity, std::string>
KioskIdentity::loadOrCreate(const std::filesystem::path& dataDir) {
    initSodium();
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        return std::unexpected("cannot create the kiosk data folder " + dataDir.string() + ": " +
                               ec.message());
    const auto secretPath = dataDir / kSecretFile;
    const auto publicPath = dataDir / kPublicFile;
    const bool haveSecret = std::filesystem::exists(secretPath, ec);
    const bool havePublic = std::filesystem::exists(publicPath, ec);

    KioskIdentity identity;
    if (!haveSecret) {
        if (havePublic)
            return std::unexpected(
                "the kiosk identity secret key " + secretPath.string() +
                " is missing but its public key is there. Restore the secret key from backup, or "
                "delete identity.public to make a new identity and enrol the kiosk again.");
        identity.keys = SigningKeyPair::generate();
        // Secret first: if we are cut before the public file, the next start rebuilds it.
        if (auto ok =
                writeKeyFile(secretPath, KeyKind::Ed25519Secret, identity.keys.secretKey.bytes(),
                             "Passerelle kiosk identity (secret). Never copy it.");
            !ok)
            return std::unexpected(ok.error());
    } else {
        struct stat info {};
        if (::stat(secretPath.c_str(), &info) == 0 && (info.st_mode & 077) != 0)
            ::chmod(secretPath.c_str(), 0600);
        auto secret = readSecretKeyFile(secretPath, KeyKind::Ed25519Secret);
        if (!secret)
            return std::unexpected("cannot read the kiosk identity " + secretPath.string() + ": " +
                                   secret.error());
        identity.keys.secretKey = std::move(*secret);
        // libsodium's Ed25519 secret key is seed || public key.
        crypto_sign_ed25519_sk_to_pk(identity.keys.publicKey.data(),
                                     identity.keys.secretKey.data());
    }

    if (std::filesystem::exists(publicPath, ec)) {
        auto stored = readPublicKeyFile(publicPath, KeyKind::Ed25519Public);
        if (!stored)
            return std::unexpected("cannot read " + publicPath.string() + ": " + stored.error());
        if (*stored != identity.keys.publicKey)
            return std::unexpected(
                "identity.public does not match identity.secret in " + dataDir.string() +
                ": one of them was replaced. Delete identity.public (it is rebuilt from the secret "
                "key at the next start).");
    } else if (auto ok = writeKeyFile(publicPath, KeyKind::Ed25519Public, identity.keys.publicKey,
                                      "Passerelle kiosk identity (public)");
               !ok) {
        return std::unexpected(ok.error());
    }
    identity.kioskId = keyId(identity.keys.publicKey);
    return identity;
}

} // namespace passerelle
