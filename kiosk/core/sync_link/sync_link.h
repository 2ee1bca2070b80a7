#pragma once
// The kiosk's link to the city: runs the sync client (sync/client, its own background thread)
// over the kiosk store's outbox and the staff audit trail, and hands its status to the staff
// panel on the UI thread. Nothing here blocks a frame: the client and the connection test run on
// their own threads; tick() only copies a snapshot (and counts the outbox when something
// changed). Owned by KioskRuntime; the app (and the screen tests) call tick() once per loop.
#include "core/state/clock.h"
#include "core/state/resident_views.h"
#include "passerelle/common/keys.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace passerelle::sync {
class SyncClient;
}

namespace passerelle {

class Store;
class StaffAudit;
class Kiosk;
struct KioskState;

class SyncLink {
  public:
    struct Options {
        std::filesystem::path workDir; // <dataDir>/sync: enrolment marker, audit marker
        std::string cityUrl;
        PublicKey cityKey{};     // the city's answers must be signed by it
        SigningKeyPair kioskKey; // the kiosk identity
        std::string kioskName;
        std::string enrolmentCode; // tried when the city does not know the kiosk
        std::chrono::milliseconds interval{60'000};
        std::chrono::milliseconds backoffInitial{2'000};
        std::chrono::milliseconds backoffMax{600'000};
    };

    SyncLink(Options options, Store& store, StaffAudit& audit);
    ~SyncLink(); // stops the client and waits for a connection test in flight
    SyncLink(const SyncLink&) = delete;
    SyncLink& operator=(const SyncLink&) = delete;

    void start();   // first attempt right away
    void stop();    // aborts a transfer in progress
    void syncNow(); // e.g. after a submission was sealed (any thread)
    // The admin changed the city URL: the client restarts on the new address.
    void setCityUrl(const std::string& url);
    const std::string& cityUrl() const { return options_.cityUrl; }

    // UI thread, once per loop: starts a connection test when staff asked for one, and publishes
    // the client's status and a finished test into the kiosk. True if what is shown changed.
    bool tick(Kiosk& kiosk);
    // While the staff panel is shown (or a test runs) the loop should look again soon; otherwise
    // never (an idle kiosk sleeps).
    std::optional<Clock::time_point> nextPoll(const KioskState& state, Clock::time_point now) const;

    // The status as the panel shows it (plain words; times as local text).
    SyncStatusView view();
    // One real signed request to the configured city, on a worker thread; the answer is an
    // encoded panel message ("staff.test_ok|URL|MS", "staff.test_unreachable|URL|DETAIL", ...).
    void testConnection();
    bool testRunning() const { return test_.valid(); }

  private:
    class StoreOutbox;
    class AuditDocuments;
    void makeClient();

    Options options_;
    Store& store_;
    std::unique_ptr<StoreOutbox> outbox_;
    std::unique_ptr<AuditDocuments> documents_;
    std::unique_ptr<sync::SyncClient> client_;
    bool started_ = false;
    std::future<std::string> test_;
    int testRequestsSeen_ = 0;
    std::uint64_t shownSignature_ = 0;
    bool shownOnce_ = false;
};

} // namespace passerelle
