#pragma once
#include "passerelle/common/keys.h"
#include "passerelle/common/secret.h"

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace passerelle {

// Encrypts submission plaintext to the city's X25519 public key with crypto_box_seal (anonymous
// sender, ephemeral key). Once sealed, nobody but the holder of the city secret key can read it —
// not even this kiosk.
class Sealer {
  public:
    explicit Sealer(const PublicKey& citySealingKey);
    const PublicKey& cityKey() const { return cityKey_; }
    std::expected<std::vector<std::uint8_t>, std::string> seal(const SecretBytes& plaintext) const;

  private:
    PublicKey cityKey_;
};

} // namespace passerelle
