#include "test_kiosk.h"

#include "temp_dir.h"

#include "passerelle/sync/protocol/constants.h"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <stdexcept>

namespace passerelle::test {

std::filesystem::path demoKey(const std::string& fileName) {
    return sourceDir() / "assets/demo-keys" / fileName;
}

PublicKey demoCitySigningPublic() {
    auto key = readPublicKeyFile(demoKey("city-signing.public"), KeyKind::Ed25519Public);
    if (!key) throw std::runtime_error(key.error());
    return *key;
}

PublicKey demoCitySealingPublic() {
    auto key = readPublicKeyFile(demoKey("city-sealing.public"), KeyKind::X25519Public);
    if (!key) throw std::runtime_error(key.error());
    return *key;
}

Bytes seal(const std::string& plaintext, const PublicKey& sealingKey) {
    initSodium();
    Bytes out(plaintext.size() + crypto_box_SEALBYTES);
    crypto_box_seal(out.data(), reinterpret_cast<const unsigned char*>(plaintext.data()),
                    plaintext.size(), sealingKey.data());
    return out;
}

std::string submissionJson(const std::string& kioskId, std::int64_t sequence,
                           const std::string& serviceId) {
    nlohmann::ordered_json j{{"v", 1},
                             {"kiosk", kioskId},
                             {"sequence", sequence},
                             {"service", serviceId},
                             {"pack", "demo@1.0.0"},
                             {"reference", "R-" + std::to_string(sequence)},
                             {"submitted_at", "2026-11-29T10:00:00Z"},
                             {"language", "fr"},
                             {"assisted", false},
                             {"mediator", nullptr},
                             {"answers", {{"where", "rue " + std::to_string(sequence)}}}};
    return j.dump();
}

sync::OutboxItem sealedItem(const std::string& kioskId, std::int64_t sequence,
                            const std::string& serviceId) {
    return {sequence, kioskId,
            seal(submissionJson(kioskId, sequence, serviceId), demoCitySealingPublic()),
            1'800'000'000 + sequence, serviceId};
}

sync::SyncClientOptions testClientOptions(const std::string& url, const SigningKeyPair& kiosk,
                                          const std::filesystem::path& workDir) {
    sync::SyncClientOptions o;
    o.serverUrl = url;
    o.kioskKey = kiosk;
    o.citySigningKey = demoCitySigningPublic();
    o.workDir = workDir;
    o.kioskName = "test kiosk";
    o.enrolmentCode = sync::kDemoEnrolmentCode;
    o.batchSize = 50;
    o.interval = std::chrono::milliseconds(200);
    o.backoffInitial = std::chrono::milliseconds(20);
    o.backoffMax = std::chrono::milliseconds(200);
    return o;
}

SigningKeyPair signingPairFromSecret(SecretBytes secret) {
    SigningKeyPair pair;
    std::copy(secret.data() + 32, secret.data() + 64, pair.publicKey.begin());
    pair.secretKey = std::move(secret);
    return pair;
}

} // namespace passerelle::test
