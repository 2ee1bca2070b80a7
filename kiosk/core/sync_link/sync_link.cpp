#include "core/sync_link/sync_link.h"

#include "core/staff/staff_audit.h"
#include "core/state/kiosk.h"
#include "core/store/store.h"
#include "passerelle/common/files.h"
#include "passerelle/sync/client/city_connection.h"
#include "passerelle/sync/client/http_transport.h"
#include "passerelle/sync/client/sync_client.h"
#include "passerelle/sync/protocol/constants.h"

#include <ctime>
#include <nlohmann/json.hpp>
#include <set>

namespace passerelle {

namespace {

std::string localTime(std::chrono::system_clock::time_point when) {
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
    return text;
}

const char* stateCode(sync::SyncState state) {
    switch (state) {
    case sync::SyncState::Idle:
        return "idle";
    case sync::SyncState::Syncing:
        return "syncing";
    case sync::SyncState::Offline:
        return "offline";
    case sync::SyncState::NotEnrolled:
        return "not-enrolled";
    case sync::SyncState::Refused:
        return "refused";
    case sync::SyncState::KioskError:
        return "kiosk-error";
    case sync::SyncState::Stopped:
        return "stopped";
    }
    return "offline";
}

// Panel messages are "key|arg|arg": keep the separator out of free text.
std::string field(std::string text) {
    for (char& c : text)
        if (c == '|' || c == '\n') c = ' ';
    if (text.size() > 240) text.resize(240);
    return text;
}

std::string runConnectionTest(std::string url, SigningKeyPair kioskKey, PublicKey cityKey) {
    if (auto problem = sync::checkServerUrl(url); !problem.empty())
        return "staff.test_bad_url|" + field(url) + "|" + field(problem);
    sync::CityConnection city(url, kioskKey, cityKey, [] {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    });
    const auto started = std::chrono::steady_clock::now();
    auto answer = city.call("GET", sync::kPathConfig);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    if (answer) return "staff.test_ok|" + field(url) + "|" + std::to_string(ms);
    const auto& error = answer.error();
    switch (error.failure) {
    case sync::CallFailure::Unreachable: {
        // The transport says "the city server cannot be reached (REASON); check the network":
        // the panel's sentence says the rest, keep the reason.
        std::string detail = error.message;
        const auto open = detail.find('('), close = detail.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open)
            detail = detail.substr(open + 1, close - open - 1);
        return "staff.test_unreachable|" + field(url) + "|" + field(detail);
    }
    case sync::CallFailure::NotFromCity:
        return "staff.test_not_city|" + field(url);
    case sync::CallFailure::Refused:
        if (error.answer.status == 404 && error.answer.reason != "unknown_kiosk")
            return "staff.test_ok|" + field(url) + "|" + std::to_string(ms); // no config yet
        if (error.answer.reason == "unknown_kiosk") return "staff.test_not_enrolled|" + field(url);
        return "staff.test_refused|" + field(url) + "|" + field(error.message);
    }
    return "staff.test_unreachable|" + field(url) + "|" + field(error.message);
}

} // namespace

// The store's outbox, one to one (the store serialises the UI and sync threads).
class SyncLink::StoreOutbox final : public sync::OutboxSource {
  public:
    explicit StoreOutbox(Store& store) : store_(store) {}
    std::expected<std::vector<sync::OutboxItem>, std::string> pending(std::size_t limit) override {
        auto rows = store_.pendingOutbox(limit);
        if (!rows) return std::unexpected(rows.error());
        std::vector<sync::OutboxItem> out;
        out.reserve(rows->size());
        for (auto& r : *rows)
            out.push_back(
                {r.sequence, r.kioskId, std::move(r.sealed), r.createdAtUnix, r.serviceId});
        return out;
    }
    std::expected<void, std::string> acknowledge(std::span<const std::int64_t> sequences) override {
        auto deleted = store_.deleteAcknowledged(sequences);
        if (!deleted) return std::unexpected(deleted.error());
        return {};
    }
    std::expected<std::size_t, std::string> count() override { return store_.outboxCount(); }

  private:
    Store& store_;
};

// The staff audit trail as "audit" documents, in id order. The last id the city acknowledged is
// kept in <workDir>/audit-sent, so each row travels once (a re-send after a cut is harmless:
// documents are idempotent on their id at the city).
class SyncLink::AuditDocuments final : public sync::DocumentSource {
  public:
    AuditDocuments(StaffAudit& audit, std::filesystem::path marker)
        : audit_(audit), marker_(std::move(marker)) {
        if (auto text = readFile(marker_, 64)) try {
                lastSent_ = std::stoll(*text);
            } catch (...) {
                lastSent_ = 0;
            }
    }
    std::expected<std::vector<sync::PendingDocument>, std::string>
    pending(std::size_t limit) override {
        auto entries = audit_.entriesAfter(lastSent_, limit);
        if (!entries) return std::unexpected(entries.error());
        inFlight_.clear();
        std::vector<sync::PendingDocument> out;
        for (auto& e : *entries) {
            nlohmann::json doc{{"id", e.id},
                               {"at", e.atUnix},
                               {"staff", e.staffId},
                               {"action", e.action},
                               {"detail", e.detail}};
            out.push_back({"audit-" + std::to_string(e.id), "audit", doc.dump()});
            inFlight_.push_back(e.id);
        }
        return out;
    }
    std::expected<void, std::string> acknowledge(std::span<const std::string> ids) override {
        std::set<std::string> held(ids.begin(), ids.end());
        std::int64_t last = lastSent_;
        for (auto id : inFlight_) { // advance only over an unbroken run of acknowledged rows
            if (!held.contains("audit-" + std::to_string(id))) break;
            last = id;
        }
        if (last == lastSent_)
            return std::unexpected("the city acknowledged none of the oldest audit rows");
        if (auto saved = writeFileAtomic(marker_, std::to_string(last) + "\n"); !saved)
            return std::unexpected(saved.error());
        lastSent_ = last;
        return {};
    }

  private:
    StaffAudit& audit_;
    std::filesystem::path marker_;
    std::int64_t lastSent_ = 0;
    std::vector<std::int64_t> inFlight_;
};

SyncLink::SyncLink(Options options, Store& store, StaffAudit& audit)
    : options_(std::move(options)), store_(store), outbox_(std::make_unique<StoreOutbox>(store)),
      documents_(std::make_unique<AuditDocuments>(audit, options_.workDir / "audit-sent")) {
    std::error_code ec;
    std::filesystem::create_directories(options_.workDir, ec);
    makeClient();
}

SyncLink::~SyncLink() {
    stop();
    if (test_.valid()) test_.wait();
}

void SyncLink::makeClient() {
    sync::SyncClientOptions o;
    o.serverUrl = options_.cityUrl;
    o.kioskKey = options_.kioskKey;
    o.citySigningKey = options_.cityKey;
    o.workDir = options_.workDir;
    o.kioskName = options_.kioskName;
    o.enrolmentCode = options_.enrolmentCode;
    o.interval = options_.interval;
    o.backoffInitial = options_.backoffInitial;
    o.backoffMax = options_.backoffMax;
    // Packs and configuration from the city are not taken in yet (no handlers): staff install
    // packs from the panel.
    client_ = std::make_unique<sync::SyncClient>(std::move(o), *outbox_, documents_.get());
}

void SyncLink::start() {
    started_ = true;
    client_->start();
}

void SyncLink::stop() {
    if (client_) client_->stop();
    started_ = false;
}

void SyncLink::syncNow() {
    if (client_) client_->syncNow();
}

void SyncLink::setCityUrl(const std::string& url) {
    if (url == options_.cityUrl) return;
    const bool wasStarted = started_;
    stop(); // aborts a transfer in progress, so this returns quickly
    options_.cityUrl = url;
    makeClient();
    if (wasStarted) start();
}

SyncStatusView SyncLink::view() {
    const auto s = client_->status();
    SyncStatusView v;
    v.connected = started_; // not started: the panel says "not connected yet"
    v.state = stateCode(s.state);
    if (s.lastSuccess) v.lastSuccess = localTime(*s.lastSuccess);
    if (s.nextAttempt && s.state != sync::SyncState::Syncing)
        v.nextAttempt = localTime(*s.nextAttempt);
    v.lastError = s.lastError;
    if (auto n = store_.outboxCount())
        v.queueLength = static_cast<std::int64_t>(*n);
    else
        v.queueLength = static_cast<std::int64_t>(s.queueLength);
    return v;
}

void SyncLink::testConnection() {
    if (test_.valid()) return; // one at a time
    test_ = std::async(std::launch::async, runConnectionTest, options_.cityUrl, options_.kioskKey,
                       options_.cityKey);
}

bool SyncLink::tick(Kiosk& kiosk) {
    bool changed = false;
    const auto& staffView = kiosk.state().staff;
    if (staffView.connectionTestRequests != testRequestsSeen_) {
        testRequestsSeen_ = staffView.connectionTestRequests;
        testConnection();
    }
    if (test_.valid() && test_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        std::string result;
        try {
            result = test_.get();
        } catch (const std::exception& e) {
            result = "staff.test_unreachable|" + field(options_.cityUrl) + "|" + field(e.what());
        }
        kiosk.setConnectionTestResult(std::move(result));
        syncNow(); // the test may have shown the city is back: try at once
        changed = true;
    }
    // Publish when the client's status moved, and every poll while the panel is shown.
    const auto s = client_->status();
    const std::uint64_t signature =
        (static_cast<std::uint64_t>(s.state) << 56) ^ (s.completedSyncs << 32) ^
        (static_cast<std::uint64_t>(s.failuresInARow) << 16) ^ s.uploadedTotal ^
        std::hash<std::string>{}(s.lastError) ^
        static_cast<std::uint64_t>(s.nextAttempt ? s.nextAttempt->time_since_epoch().count() : 0);
    if (!shownOnce_ || signature != shownSignature_ ||
        kiosk.state().screen == ScreenId::StaffPanel) {
        shownOnce_ = true;
        shownSignature_ = signature;
        auto v = view();
        if (!(v == kiosk.state().sync)) {
            kiosk.setSyncStatus(std::move(v));
            changed = true;
        }
    }
    return changed;
}

std::optional<Clock::time_point> SyncLink::nextPoll(const KioskState& state,
                                                    Clock::time_point now) const {
    if (test_.valid()) return now + std::chrono::milliseconds(200);
    if (state.screen == ScreenId::StaffPanel) return now + std::chrono::seconds(1);
    return std::nullopt;
}

} // namespace passerelle
