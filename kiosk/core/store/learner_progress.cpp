#include "core/store/learner_progress.h"

#include "core/session/reference_code.h"
#include "passerelle/common/encoding.h"

#include <chrono>
#include <cstring>
#include <sodium.h>

namespace passerelle {

namespace {

constexpr std::uint8_t kMagic[4] = {'P', 'L', 'P', '1'};
constexpr std::size_t kHeaderSize = 4 + 4 + 4 + 16 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
// Bounds for limits read from a (possibly roamed, possibly hostile) record.
constexpr unsigned long long kMaxOps = 20;
constexpr std::size_t kMaxMem = 512u << 20;

void putU32(std::uint8_t* out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i)
        out[i] = static_cast<std::uint8_t>(value >> (8 * i));
}
std::uint32_t getU32(const std::uint8_t* in) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i)
        value |= static_cast<std::uint32_t>(in[i]) << (8 * i);
    return value;
}

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::expected<void, std::string> checkPin(const SecretBytes& pin) {
    bool ok = pin.size() >= 4 && pin.size() <= 12;
    for (auto c : pin.bytes())
        ok = ok && c >= '0' && c <= '9';
    if (ok) return {};
    return std::unexpected("a PIN is 4 to 12 digits");
}

std::expected<std::string, std::string> canonicalCode(std::string_view code) {
    auto normal = normalizeReferenceCode(code);
    if (!normal)
        return std::unexpected("this learner code is not complete or has a typo: check each "
                               "character and try again");
    return *normal;
}

std::expected<SecretBytes, std::string> deriveKey(const std::string& code, const SecretBytes& pin,
                                                  const std::array<std::uint8_t, 16>& salt,
                                                  const PwhashLimits& limits) {
    SecretBytes input(code.size() + 1 + pin.size());
    std::memcpy(input.data(), code.data(), code.size());
    input.data()[code.size()] = 0;
    std::memcpy(input.data() + code.size() + 1, pin.data(), pin.size());
    SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(input.data()),
                      input.size(), salt.data(), limits.opslimit, limits.memlimit,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::unexpected("not enough memory to check the PIN: restart the kiosk");
    return key;
}

// Header || ciphertext for `progress` under `key`.
std::vector<std::uint8_t> encrypt(const LearnerKey& key, std::span<const std::uint8_t> progress) {
    std::vector<std::uint8_t> blob(kHeaderSize + progress.size() +
                                   crypto_aead_xchacha20poly1305_ietf_ABYTES);
    std::memcpy(blob.data(), kMagic, 4);
    putU32(blob.data() + 4, static_cast<std::uint32_t>(key.limits.opslimit));
    putU32(blob.data() + 8, static_cast<std::uint32_t>(key.limits.memlimit >> 10));
    std::memcpy(blob.data() + 12, key.salt.data(), 16);
    std::uint8_t* nonce = blob.data() + 28;
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    std::vector<std::uint8_t> ad(blob.begin(), blob.begin() + kHeaderSize);
    ad.insert(ad.end(), key.lookupId.begin(), key.lookupId.end());
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(blob.data() + kHeaderSize, &written, progress.data(),
                                               progress.size(), ad.data(), ad.size(), nullptr,
                                               nonce, key.key.data());
    return blob;
}

struct ParsedHeader {
    PwhashLimits limits;
    std::array<std::uint8_t, 16> salt{};
};

std::optional<ParsedHeader> parseHeader(std::span<const std::uint8_t> blob) {
    if (blob.size() < kHeaderSize + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        std::memcmp(blob.data(), kMagic, 4) != 0)
        return std::nullopt;
    ParsedHeader header;
    header.limits.opslimit = getU32(blob.data() + 4);
    header.limits.memlimit = static_cast<std::size_t>(getU32(blob.data() + 8)) << 10;
    if (header.limits.opslimit < crypto_pwhash_OPSLIMIT_MIN || header.limits.opslimit > kMaxOps ||
        header.limits.memlimit < crypto_pwhash_MEMLIMIT_MIN || header.limits.memlimit > kMaxMem)
        return std::nullopt;
    std::memcpy(header.salt.data(), blob.data() + 12, 16);
    return header;
}

} // namespace

// Chosen from measurements on the development machine (docs/store.md): ops=2, 32 MiB took a median
// 155 ms here while the machine was heavily loaded, so <= ~0.9 s on a Pi 4 (4-6x slower) even in
// the worst case; the lookup hash (ops=1, 8 MiB) adds ~27 ms here.
PwhashLimits PwhashLimits::unlock() {
    return {2, 32u << 20};
}
PwhashLimits PwhashLimits::lookup() {
    return {1, 8u << 20};
}

LearnerProgress::LearnerProgress(Store& store, std::span<const std::uint8_t> realm,
                                 PwhashLimits unlockLimits, PwhashLimits lookupLimits)
    : store_(store), unlockLimits_(unlockLimits), lookupLimits_(lookupLimits) {
    initSodium();
    std::vector<std::uint8_t> input(asBytes("passerelle learner lookup v1\n").begin(),
                                    asBytes("passerelle learner lookup v1\n").end());
    input.insert(input.end(), realm.begin(), realm.end());
    auto digest = blake2b256(input);
    std::memcpy(lookupSalt_.data(), digest.data(), lookupSalt_.size());
}

std::string LearnerProgress::newLearnerCode() {
    return newReferenceCode();
}

std::expected<std::string, std::string> LearnerProgress::lookupIdFor(std::string_view code) const {
    auto canonical = canonicalCode(code);
    if (!canonical) return std::unexpected(canonical.error());
    std::array<std::uint8_t, 32> id{};
    if (crypto_pwhash(id.data(), id.size(), canonical->data(), canonical->size(),
                      lookupSalt_.data(), lookupLimits_.opslimit, lookupLimits_.memlimit,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::unexpected("not enough memory to look up the learner code: restart the kiosk");
    return toHex(id);
}

std::expected<LearnerKey, std::string>
LearnerProgress::enroll(std::string_view code, const SecretBytes& pin,
                        std::span<const std::uint8_t> progress) {
    if (auto ok = checkPin(pin); !ok) return std::unexpected(ok.error());
    auto canonical = canonicalCode(code);
    if (!canonical) return std::unexpected(canonical.error());
    auto lookupId = lookupIdFor(*canonical);
    if (!lookupId) return std::unexpected(lookupId.error());
    auto existing = store_.learnerRecord(*lookupId);
    if (!existing) return std::unexpected(existing.error());
    if (*existing) return std::unexpected("this learner code is already in use: pick a new one");

    LearnerKey key;
    key.lookupId = *lookupId;
    key.limits = unlockLimits_;
    randombytes_buf(key.salt.data(), key.salt.size());
    auto derived = deriveKey(*canonical, pin, key.salt, key.limits);
    if (!derived) return std::unexpected(derived.error());
    key.key = std::move(*derived);
    auto stored = store_.putLearnerRecord({key.lookupId, encrypt(key, progress), unixNow()});
    if (!stored) return std::unexpected(stored.error());
    return key;
}

std::expected<UnlockedProgress, std::string> LearnerProgress::unlock(std::string_view code,
                                                                     const SecretBytes& pin) {
    if (!checkPin(pin)) return std::unexpected(kNotRecognised);
    auto canonical = canonicalCode(code);
    if (!canonical) return std::unexpected(canonical.error());
    auto lookupId = lookupIdFor(*canonical);
    if (!lookupId) return std::unexpected(lookupId.error());
    auto record = store_.learnerRecord(*lookupId);
    if (!record) return std::unexpected(record.error());
    if (!*record) return std::unexpected(kNotRecognised);
    const auto& blob = (*record)->blob;
    auto header = parseHeader(blob);
    if (!header)
        return std::unexpected("this learner's saved progress is unreadable (damaged record); "
                               "ask staff to contact support");

    UnlockedProgress result;
    result.key.lookupId = *lookupId;
    result.key.salt = header->salt;
    result.key.limits = header->limits;
    auto derived = deriveKey(*canonical, pin, header->salt, header->limits);
    if (!derived) return std::unexpected(derived.error());
    result.key.key = std::move(*derived);

    std::vector<std::uint8_t> ad(blob.begin(), blob.begin() + kHeaderSize);
    ad.insert(ad.end(), lookupId->begin(), lookupId->end());
    const std::size_t cipherSize = blob.size() - kHeaderSize;
    result.progress.resize(cipherSize - crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long plainSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            result.progress.data(), &plainSize, nullptr, blob.data() + kHeaderSize, cipherSize,
            ad.data(), ad.size(), blob.data() + 28, result.key.key.data()) != 0)
        return std::unexpected(kNotRecognised);
    result.progress.resize(plainSize);
    return result;
}

std::expected<void, std::string> LearnerProgress::save(const LearnerKey& key,
                                                       std::span<const std::uint8_t> progress) {
    if (key.key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return std::unexpected("the learner is not unlocked");
    auto record = store_.learnerRecord(key.lookupId);
    if (!record) return std::unexpected(record.error());
    if (*record) {
        auto header = parseHeader((*record)->blob);
        if (!header || header->salt != key.salt)
            return std::unexpected("this learner's progress was changed on another kiosk: enter "
                                   "the code and PIN again");
    }
    auto stored = store_.putLearnerRecord({key.lookupId, encrypt(key, progress), unixNow()});
    if (!stored) return std::unexpected(stored.error());
    if (!*stored)
        return std::unexpected("newer progress for this learner arrived from another kiosk: enter "
                               "the code and PIN again");
    return {};
}

std::expected<LearnerRecord, std::string> LearnerProgress::exportBlob(const std::string& lookupId) {
    auto record = store_.learnerRecord(lookupId);
    if (!record) return std::unexpected(record.error());
    if (!*record) return std::unexpected("no learner progress with this id on this kiosk");
    return **record;
}

std::expected<bool, std::string> LearnerProgress::importBlob(const LearnerRecord& record) {
    if (!parseHeader(record.blob))
        return std::unexpected("the learner record from the city is not a valid progress record");
    return store_.putLearnerRecord(record);
}

} // namespace passerelle
