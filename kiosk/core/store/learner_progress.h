#pragma once
// Progress of returning learners, protected by a learner code + PIN.
//
//   lookup id = hex(Argon2id(code, salt = BLAKE2b(realm)[0..16], light limits))
//   key       = Argon2id(code || 0x00 || PIN, salt = random 16 bytes kept in the record, limits)
//   record    = "PLP1" | opslimit | memlimit KiB | salt | nonce | XChaCha20-Poly1305(progress)
//               with the header and the lookup id as associated data.
//
// The lookup id is the only thing tied to the code in the database. It is an Argon2id hash, not a
// plain one, so someone holding a stolen database cannot test the 2^35 possible codes cheaply; the
// salt comes from the city (the "realm", e.g. its sealing public key) so the same code finds the
// same record on every kiosk of that city (roaming) but not across cities. See docs/store.md.
#include "core/store/store.h"
#include "passerelle/common/secret.h"

#include <array>
#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

struct PwhashLimits {
    unsigned long long opslimit = 0;
    std::size_t memlimit = 0; // bytes
    // Chosen for <= ~1 s on a Raspberry Pi 4 (measured figures in docs/store.md).
    static PwhashLimits unlock();
    static PwhashLimits lookup();
};

// Proof that the learner gave the right code + PIN; lets progress be saved without hashing again.
struct LearnerKey {
    std::string lookupId;
    std::array<std::uint8_t, 16> salt{};
    PwhashLimits limits;
    SecretBytes key; // 32 bytes
};

struct UnlockedProgress {
    LearnerKey key;
    std::vector<std::uint8_t> progress; // opaque to the store (the lessons module defines it)
};

class LearnerProgress {
  public:
    static constexpr const char* kNotRecognised = "code or PIN not recognised";

    // `realm`: bytes shared by all kiosks of a city (use the city sealing public key).
    LearnerProgress(Store& store, std::span<const std::uint8_t> realm,
                    PwhashLimits unlockLimits = PwhashLimits::unlock(),
                    PwhashLimits lookupLimits = PwhashLimits::lookup());

    // A fresh learner code "XXXX-XXXX" (same alphabet and check symbol as reference codes).
    static std::string newLearnerCode();

    // First save for a new learner. Refuses a code that already has progress (never overwrites).
    std::expected<LearnerKey, std::string> enroll(std::string_view code, const SecretBytes& pin,
                                                  std::span<const std::uint8_t> progress);
    // Wrong code or wrong PIN: kNotRecognised, and nothing is written.
    std::expected<UnlockedProgress, std::string> unlock(std::string_view code,
                                                        const SecretBytes& pin);
    // Re-encrypts new progress under the key from enroll()/unlock() (fresh nonce).
    std::expected<void, std::string> save(const LearnerKey& key,
                                          std::span<const std::uint8_t> progress);

    // For roaming through the city (opaque records; sync never needs the code or PIN).
    std::expected<std::string, std::string> lookupIdFor(std::string_view code) const;
    std::expected<LearnerRecord, std::string> exportBlob(const std::string& lookupId);
    // Stores a roamed record unless the local one is newer; returns true if stored.
    std::expected<bool, std::string> importBlob(const LearnerRecord& record);

  private:
    Store& store_;
    std::array<std::uint8_t, 16> lookupSalt_{};
    PwhashLimits unlockLimits_;
    PwhashLimits lookupLimits_;
};

} // namespace passerelle
