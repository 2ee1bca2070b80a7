#pragma once
// The kiosk's sync client: a background thread that uploads the outbox (and stats/audit
// documents) in batches, fetches the signed configuration and new content packs, and backs off
// while the city is unreachable. No method blocks the caller: status() is a snapshot copy.
#include "passerelle/common/keys.h"
#include "passerelle/sync/client/backoff.h"
#include "passerelle/sync/client/sources.h"

#include <chrono>
#include <condition_variable>
#include <expected>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace passerelle::sync {

class CityConnection;
struct CallError;

struct SyncClientOptions {
    std::string serverUrl;         // https://city.example.org (http:// only to loopback)
    SigningKeyPair kioskKey;       // the kiosk identity; kiosk id = keyId(kioskKey.publicKey)
    PublicKey citySigningKey{};    // answers and configuration must be signed by it
    std::filesystem::path workDir; // downloads and small state files (created if missing)
    std::string kioskName;         // shown to the city in `passerelle-admin kiosks`
    std::string enrolmentCode;     // used when the city does not know this kiosk yet (optional)
    std::size_t batchSize = 200;
    std::chrono::milliseconds interval{60'000}; // between successful syncs
    std::chrono::milliseconds backoffInitial{2'000};
    std::chrono::milliseconds backoffMax{600'000};
    std::function<std::int64_t()> clock; // unix seconds; the system clock when empty
};

enum class SyncState {
    Idle,        // waiting for the next sync; the last one succeeded (or none ran yet)
    Syncing,     // talking to the city now
    Offline,     // the city could not be reached or answered strangely; retrying with backoff
    NotEnrolled, // the city does not know this kiosk: staff must enter an enrolment code
    Refused,     // the city refuses this kiosk (revoked, clock wrong, ...): staff must act
    KioskError,  // the kiosk's own storage failed (outbox unreadable, disk full): staff must act
    Stopped,
};
const char* syncStateName(SyncState state);

struct SyncStatus {
    SyncState state = SyncState::Idle;
    std::string kioskId;
    std::optional<std::chrono::system_clock::time_point> lastSuccess;
    std::optional<std::chrono::system_clock::time_point> nextAttempt;
    std::size_t queueLength = 0;      // outbox records not yet acknowledged (as of the last check)
    std::string lastError;            // plain words, empty after a success
    std::string notice;               // non-blocking news: conflicts set aside, a pack refused, ...
    std::uint64_t uploadedTotal = 0;  // records acknowledged by the city since start
    std::uint64_t completedSyncs = 0; // successful full cycles since start
    int failuresInARow = 0;
};

class SyncClient {
  public:
    // `outbox` (and `documents` if given) must outlive the client. Empty handlers skip that part.
    SyncClient(SyncClientOptions options, OutboxSource& outbox, DocumentSource* documents = nullptr,
               PackInstaller installPack = {}, ConfigHandler applyConfig = {});
    ~SyncClient(); // stops and joins the thread
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    void start();   // starts the background thread (first sync right away)
    void syncNow(); // wakes the thread for an immediate attempt (ignores the backoff)
    void stop();    // aborts a transfer in progress and joins; safe to call twice
    SyncStatus status() const;
    // Staff typed an enrolment code: remembered (in memory) and tried at once.
    void enrol(std::string code);

    // One full cycle on the calling thread (tools and tests; do not mix with start()).
    std::expected<void, std::string> syncOnce();

    // Learner progress (opaque blobs, keyed by a hash of the learner code): run on their own
    // connection in the background; wait on the future from a worker, never from a frame.
    std::future<std::expected<void, std::string>> pushProgress(std::string learnerHash, Bytes blob);
    std::future<std::expected<std::optional<Bytes>, std::string>>
    fetchProgress(std::string learnerHash);

  private:
    struct CycleError {
        SyncState state;
        std::string message;
    };
    std::expected<void, CycleError> cycle(CityConnection& city);
    std::expected<void, CycleError> ensureEnrolled(CityConnection& city);
    std::expected<void, CycleError> uploadOutbox(CityConnection& city);
    std::expected<void, CycleError> uploadDocuments(CityConnection& city);
    std::expected<void, CycleError> fetchConfig(CityConnection& city);
    std::expected<void, CycleError> fetchPacks(CityConnection& city);
    CycleError classify(const CallError& error);
    void run();
    void setState(SyncState state);
    std::int64_t now() const;

    SyncClientOptions options_;
    OutboxSource& outbox_;
    DocumentSource* documents_;
    PackInstaller installPack_;
    ConfigHandler applyConfig_;
    std::string kioskId_;
    Backoff backoff_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool wakeRequested_ = false;
    bool stopRequested_ = false;
    SyncStatus status_;
    std::string pendingCode_;
    std::thread thread_;
    CityConnection* active_ = nullptr; // for stop() to abort a transfer
};

} // namespace passerelle::sync
