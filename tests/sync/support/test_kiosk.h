#pragma once
// Helpers to play the kiosk in sync tests: keys, sealed submissions, client options.
#include "passerelle/common/keys.h"
#include "passerelle/sync/client/sync_client.h"

#include <filesystem>
#include <string>

namespace passerelle::test {

PublicKey demoCitySigningPublic();
PublicKey demoCitySealingPublic();
std::filesystem::path demoKey(const std::string& fileName); // assets/demo-keys/<fileName>

// crypto_box_seal of `plaintext` to `sealingKey`, as the kiosk does.
Bytes seal(const std::string& plaintext, const PublicKey& sealingKey);

// An outbox record for `sequence` holding a sealed, recognisable JSON submission.
sync::OutboxItem sealedItem(const std::string& kioskId, std::int64_t sequence,
                            const std::string& serviceId = "report");
std::string submissionJson(const std::string& kioskId, std::int64_t sequence,
                           const std::string& serviceId);

// Options for a client talking to `url` with short timers (tests).
sync::SyncClientOptions testClientOptions(const std::string& url, const SigningKeyPair& kiosk,
                                          const std::filesystem::path& workDir);

SigningKeyPair signingPairFromSecret(SecretBytes secret);

} // namespace passerelle::test
