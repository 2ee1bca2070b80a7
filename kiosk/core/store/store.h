#pragma once
// The kiosk's one database, <dataDir>/kiosk.db (SQLite). It holds nothing a resident typed in
// clear: only sealed submissions (the outbox), non-personal daily counters, encrypted learner
// progress and status events for staff.
//
// Threads: the Store owns ONE SQLite connection guarded by a mutex; every public method takes the
// mutex for its whole duration (a submission's seal + insert + sequence bump is one critical
// section and one transaction). The UI thread and the sync thread may call any method
// concurrently. Nothing slow (Argon2id) runs under the mutex.
#include "core/store/outbox.h"
#include "core/store/stats.h"
#include "core/store/status_event.h"

#include <chrono>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

struct sqlite3;

namespace passerelle {

// The opaque, already-encrypted learner progress record as stored and roamed by sync.
struct LearnerRecord {
    std::string lookupId;           // hex, derived from the learner code (see learner_progress.h)
    std::vector<std::uint8_t> blob; // opaque: salt, limits, nonce, XChaCha20-Poly1305 ciphertext
    std::int64_t updatedAtUnix = 0;
};

class Store {
  public:
    using Clock = std::chrono::system_clock;
    using TimePoint = Clock::time_point;
    static constexpr const char* kFileName = "kiosk.db";
    static constexpr int kSchemaVersion = 2;

    // Opens (or creates) <dataDir>/kiosk.db. A damaged database (not a database, truncated,
    // failing integrity_check) is renamed aside to kiosk.db.corrupt-<UTC time> with its -wal/-shm,
    // a fresh one is created and a status event says so. Other failures (permissions, a database
    // from a newer kiosk version) are returned as errors and nothing is moved.
    static std::expected<std::unique_ptr<Store>, std::string>
    open(const std::filesystem::path& dataDir);

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::filesystem::path& path() const { return path_; }

    // --- Outbox (sealed submissions waiting for sync) ---
    // Produces the sealed bytes for the sequence number this submission gets.
    using SealForSequence =
        std::function<std::expected<std::vector<std::uint8_t>, std::string>(std::int64_t sequence)>;
    // In ONE transaction: takes the next sequence number, calls `seal(sequence)`, inserts the
    // record and advances the counter. Returns the sequence once the commit is durable
    // (synchronous=FULL). On any error (full disk, I/O) nothing is written and the counter is
    // unchanged.
    std::expected<std::int64_t, std::string> appendToOutbox(const std::string& kioskId,
                                                            const std::string& serviceId,
                                                            std::int64_t createdAtUnix,
                                                            const SealForSequence& seal);
    std::expected<std::vector<OutboxRecord>, std::string> pendingOutbox(std::size_t limit);
    // Deletes the records the city acknowledged; unknown sequences are ignored. Returns how many
    // were deleted. Sequence numbers are never reused afterwards.
    std::expected<std::size_t, std::string>
    deleteAcknowledged(std::span<const std::int64_t> sequences);
    std::expected<std::size_t, std::string> outboxCount();
    // The last sequence number handed out (0 if none yet).
    std::expected<std::int64_t, std::string> lastSequence();

    // --- Status events for the staff panel (damaged database, ...) ---
    std::expected<std::vector<StatusEvent>, std::string> statusEvents();
    std::expected<void, std::string> recordStatusEvent(const std::string& kind,
                                                       const std::string& message);

    // --- Daily non-personal counters (see stats.h for what may be counted) ---
    std::expected<void, std::string> countSessionStarted(const std::string& language, bool assisted,
                                                         TimePoint at = Clock::now());
    std::expected<void, std::string> countServiceStarted(const std::string& serviceId,
                                                         TimePoint at = Clock::now());
    std::expected<void, std::string> countServiceCompleted(const std::string& serviceId,
                                                           TimePoint at = Clock::now());
    std::expected<void, std::string> countServiceAbandoned(const std::string& serviceId, int atStep,
                                                           TimePoint at = Clock::now());
    std::expected<void, std::string> countLessonStarted(const std::string& lessonId,
                                                        TimePoint at = Clock::now());
    std::expected<void, std::string> countLessonCompleted(const std::string& lessonId,
                                                          TimePoint at = Clock::now());
    std::expected<void, std::string> countHelpRequested(TimePoint at = Clock::now());
    // day is "YYYY-MM-DD" (UTC).
    std::expected<std::vector<StatRow>, std::string> statsForDay(const std::string& day);
    // Every day on or after `fromDay` (for sync), ordered by day, metric, dimension.
    std::expected<std::vector<StatRow>, std::string> statsSince(const std::string& fromDay);

    // --- Learner progress records (already encrypted; see learner_progress.h) ---
    std::expected<std::optional<LearnerRecord>, std::string>
    learnerRecord(const std::string& lookupId);
    // Replaces the record only if `record.updatedAtUnix` is not older than the stored one, so a
    // stale roamed copy never overwrites newer progress. Returns true if written.
    std::expected<bool, std::string> putLearnerRecord(const LearnerRecord& record);

    // --- Checks ---
    // Runs PRAGMA integrity_check; returns "ok" or SQLite's report.
    std::expected<std::string, std::string> integrityCheck();

    // Test hook: limits the database to `pages` pages (PRAGMA max_page_count) to simulate a full
    // disk. Pass 0 to lift the limit again.
    std::expected<void, std::string> simulateDiskLimitForTests(std::int64_t pages);

    // For other core modules (staff accounts, ...): runs `work` with the connection under the
    // store's mutex. A store::SqlError thrown inside becomes a staff-readable message.
    std::expected<void, std::string> withDatabase(const std::function<void(sqlite3*)>& work);

  private:
    Store(std::filesystem::path path, sqlite3* db);
    std::expected<void, std::string> countMetric(const std::string& metric,
                                                 const std::string& dimension, TimePoint at);

    std::filesystem::path path_;
    sqlite3* db_;
    std::mutex mutex_;
};

} // namespace passerelle
