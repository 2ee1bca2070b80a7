// sync_test_kiosk: the kiosk side of the sync as its own process (so a test can kill it mid-sync).
// usage: sync_test_kiosk SERVER_URL KEY_FILE OUTBOX_FILE WORK_DIR
// Syncs until the outbox is empty (exit 0), retrying failures; exit 1 after 60 s.
#include "sqlite_outbox.h"
#include "test_kiosk.h"

#include <chrono>
#include <cstdio>
#include <thread>

using namespace passerelle;

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: sync_test_kiosk SERVER_URL KEY_FILE OUTBOX_FILE WORK_DIR\n");
        return 2;
    }
    initSodium();
    auto secret = readSecretKeyFile(argv[2], KeyKind::Ed25519Secret);
    if (!secret) {
        std::fprintf(stderr, "%s\n", secret.error().c_str());
        return 2;
    }
    auto key = test::signingPairFromSecret(std::move(*secret));
    test::SqliteOutbox outbox(argv[3]);
    auto options = test::testClientOptions(argv[1], key, argv[4]);
    options.batchSize = 20;
    sync::SyncClient client(options, outbox);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (client.syncOnce() && outbox.count() == 0) return 0;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 1;
}
