#include "core/session/sealer.h"

#include <sodium.h>

namespace passerelle {

Sealer::Sealer(const PublicKey& citySealingKey) : cityKey_(citySealingKey) {
    initSodium();
}

std::expected<std::vector<std::uint8_t>, std::string>
Sealer::seal(const SecretBytes& plaintext) const {
    std::vector<std::uint8_t> sealed(plaintext.size() + crypto_box_SEALBYTES);
    if (crypto_box_seal(sealed.data(), plaintext.data(), plaintext.size(), cityKey_.data()) != 0)
        return std::unexpected("could not seal the submission: the city sealing key in the kiosk "
                               "configuration is not a valid X25519 public key");
    return sealed;
}

} // namespace passerelle
