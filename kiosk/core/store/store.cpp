#include "core/store/store.h"

#include "core/store/migrations.h"
#include "core/store/quarantine.h"
#include "core/store/sqlite.h"
#include "passerelle/common/encoding.h"

#include <cstring>
#include <fstream>
#include <sqlite3.h>

namespace passerelle {

using store::SqlError;
using store::Statement;
using store::Transaction;

namespace {

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void closeQuietly(sqlite3* db) {
    if (db) sqlite3_close_v2(db);
}

// Per-connection settings. synchronous=FULL: a commit that returned survives a power cut.
// secure_delete=ON: deleted rows (acknowledged submissions) are overwritten with zeros.
void configure(sqlite3* db) {
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    store::execute(db, "PRAGMA journal_mode = WAL");
    store::execute(db, "PRAGMA synchronous = FULL");
    store::execute(db, "PRAGMA secure_delete = ON");
    store::execute(db, "PRAGMA foreign_keys = ON");
    store::execute(db, "PRAGMA cell_size_check = ON");
}

enum class Probe { Healthy, Damaged, Failed };
struct ProbeResult {
    Probe outcome;
    std::string detail;
};

bool isDamageCode(int code) {
    int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

bool hasSqliteHeader(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

ProbeResult check(const std::filesystem::path& path, int mode);

// Checks an existing database page by page. Distinguishes a damaged file (quarantine it) from an
// environmental failure (locked, permissions: report, touch nothing).
ProbeResult probe(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) == 0 && !ec) return {Probe::Healthy, {}};
    // Check the header ourselves first: SQLite must not open (and possibly clean up the WAL
    // companion of) something that is not a database at all.
    if (!hasSqliteHeader(path)) return {Probe::Damaged, "the file is not an SQLite database"};
    // Read-only first: a read-only connection never checkpoints or deletes the WAL, so a damaged
    // set is moved aside exactly as it was found. If the WAL cannot be read that way (no -shm and
    // no permission to make one), check read-write.
    auto readOnly = check(path, SQLITE_OPEN_READONLY);
    if (readOnly.outcome != Probe::Failed) return readOnly;
    return check(path, SQLITE_OPEN_READWRITE);
}

ProbeResult check(const std::filesystem::path& path, int mode) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, mode | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        closeQuietly(db);
        return {isDamageCode(rc) ? Probe::Damaged : Probe::Failed, message};
    }
    try {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_extended_result_codes(db, 1);
        Statement integrity(db, "PRAGMA integrity_check(20)");
        std::string report;
        while (integrity.step()) {
            if (!report.empty()) report += "; ";
            report += integrity.text(0);
        }
        if (report != "ok") {
            closeQuietly(db);
            return {Probe::Damaged, "integrity check failed: " + report.substr(0, 400)};
        }
        closeQuietly(db);
        return {Probe::Healthy, {}};
    } catch (const SqlError& error) {
        closeQuietly(db);
        return {isDamageCode(error.code()) ? Probe::Damaged : Probe::Failed, error.what()};
    }
}

std::expected<sqlite3*, std::string> create(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        closeQuietly(db);
        return std::unexpected("cannot create the kiosk database " + path.string() + ": " +
                               message + ". Check the data folder's permissions and free space.");
    }
    try {
        configure(db);
    } catch (const SqlError& error) {
        closeQuietly(db);
        return std::unexpected(store::staffMessage(error));
    }
    return db;
}

} // namespace

Store::Store(std::filesystem::path path, sqlite3* db) : path_(std::move(path)), db_(db) {}

Store::~Store() {
    closeQuietly(db_);
}

std::expected<std::unique_ptr<Store>, std::string>
Store::open(const std::filesystem::path& dataDir) {
    initSodium();
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        return std::unexpected("cannot create the kiosk data folder " + dataDir.string() + ": " +
                               ec.message());
    const auto path = dataDir / kFileName;

    std::optional<Quarantined> quarantined;
    if (std::filesystem::exists(path, ec)) {
        auto probed = probe(path);
        if (probed.outcome == Probe::Failed)
            return std::unexpected("cannot open the kiosk database " + path.string() + ": " +
                                   probed.detail +
                                   ". Nothing was changed. Check that no other kiosk program is "
                                   "running and that the data folder is readable and writable.");
        if (probed.outcome == Probe::Damaged) {
            auto moved = quarantineDatabase(path, probed.detail);
            if (!moved) return std::unexpected(moved.error());
            quarantined = *moved;
        }
    }
    auto created = create(path); // opens read-write, creating the file if it is not there
    if (!created) return std::unexpected(created.error());
    sqlite3* db = *created;

    std::unique_ptr<Store> result(new Store(path, db));
    try {
        store::migrate(db);
        if (quarantined) {
            // Sequence numbers must never repeat for this kiosk, even though the old counter may
            // be unreadable: continue above whatever the old file still tells, and above a
            // time-based floor (milliseconds since 1970) that no earlier counter reached.
            std::int64_t floor = std::max(quarantined->lastSequenceSalvaged, unixNow() * 1000);
            Statement set(db, "UPDATE counters SET value = ?1 WHERE name = 'outbox_sequence'");
            set.bind(1, floor).step();
        }
    } catch (const SqlError& error) {
        return std::unexpected(store::staffMessage(error));
    }
    if (quarantined) {
        auto recorded =
            result->recordStatusEvent(status_kind::kDatabaseQuarantined, quarantined->staffMessage);
        if (!recorded) return std::unexpected(recorded.error());
    }
    return result;
}

std::expected<void, std::string> Store::withDatabase(const std::function<void(sqlite3*)>& work) {
    std::lock_guard lock(mutex_);
    try {
        work(db_);
        return {};
    } catch (const SqlError& error) {
        return std::unexpected(store::staffMessage(error));
    }
}

std::expected<std::int64_t, std::string> Store::appendToOutbox(const std::string& kioskId,
                                                               const std::string& serviceId,
                                                               std::int64_t createdAtUnix,
                                                               const SealForSequence& seal) {
    if (kioskId.empty()) return std::unexpected("cannot save a submission without a kiosk id");
    if (auto ok = checkIdentifier(serviceId, "service id"); !ok) return std::unexpected(ok.error());
    std::string sealError;
    std::int64_t sequence = 0;
    auto done = withDatabase([&](sqlite3* db) {
        Transaction tx(db);
        Statement read(db, "SELECT value FROM counters WHERE name = 'outbox_sequence'");
        if (!read.step()) throw SqlError(SQLITE_CORRUPT, "outbox sequence counter is missing");
        sequence = read.int64(0) + 1;
        auto sealed = seal(sequence);
        if (!sealed) {
            sealError = sealed.error();
            return; // the transaction rolls back
        }
        Statement insert(db, "INSERT INTO outbox (sequence, kiosk_id, service_id, created_at, "
                             "sealed) VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.bind(1, sequence).bind(2, kioskId).bind(3, serviceId).bind(4, createdAtUnix);
        insert.bind(5, std::span<const std::uint8_t>(*sealed));
        insert.step();
        Statement bump(db, "UPDATE counters SET value = ?1 WHERE name = 'outbox_sequence'");
        bump.bind(1, sequence).step();
        tx.commit();
    });
    if (!done) return std::unexpected(done.error());
    if (!sealError.empty()) return std::unexpected(sealError);
    return sequence;
}

std::expected<std::vector<OutboxRecord>, std::string> Store::pendingOutbox(std::size_t limit) {
    std::vector<OutboxRecord> records;
    auto done = withDatabase([&](sqlite3* db) {
        Statement query(db, "SELECT sequence, kiosk_id, sealed, created_at, service_id FROM outbox "
                            "ORDER BY sequence LIMIT ?1");
        query.bind(1, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
        while (query.step())
            records.push_back(
                {query.int64(0), query.text(1), query.blob(2), query.int64(3), query.text(4)});
    });
    if (!done) return std::unexpected(done.error());
    return records;
}

std::expected<std::size_t, std::string>
Store::deleteAcknowledged(std::span<const std::int64_t> sequences) {
    std::size_t deleted = 0;
    auto done = withDatabase([&](sqlite3* db) {
        Transaction tx(db);
        Statement remove(db, "DELETE FROM outbox WHERE sequence = ?1");
        for (auto sequence : sequences) {
            remove.reset();
            remove.bind(1, sequence).step();
            deleted += static_cast<std::size_t>(sqlite3_changes(db));
        }
        tx.commit();
    });
    if (!done) return std::unexpected(done.error());
    return deleted;
}

std::expected<std::size_t, std::string> Store::outboxCount() {
    std::size_t count = 0;
    auto done = withDatabase([&](sqlite3* db) {
        Statement query(db, "SELECT count(*) FROM outbox");
        query.step();
        count = static_cast<std::size_t>(query.int64(0));
    });
    if (!done) return std::unexpected(done.error());
    return count;
}

std::expected<std::int64_t, std::string> Store::lastSequence() {
    std::int64_t value = 0;
    auto done = withDatabase([&](sqlite3* db) {
        Statement query(db, "SELECT value FROM counters WHERE name = 'outbox_sequence'");
        if (query.step()) value = query.int64(0);
    });
    if (!done) return std::unexpected(done.error());
    return value;
}

std::expected<std::vector<StatusEvent>, std::string> Store::statusEvents() {
    std::vector<StatusEvent> events;
    auto done = withDatabase([&](sqlite3* db) {
        Statement query(db, "SELECT id, at_unix, kind, message FROM status_events ORDER BY id");
        while (query.step())
            events.push_back({query.int64(0), query.int64(1), query.text(2), query.text(3)});
    });
    if (!done) return std::unexpected(done.error());
    return events;
}

std::expected<void, std::string> Store::recordStatusEvent(const std::string& kind,
                                                          const std::string& message) {
    return withDatabase([&](sqlite3* db) {
        Statement insert(db,
                         "INSERT INTO status_events (at_unix, kind, message) VALUES (?1, ?2, ?3)");
        insert.bind(1, unixNow()).bind(2, kind).bind(3, message).step();
    });
}

std::expected<std::optional<LearnerRecord>, std::string>
Store::learnerRecord(const std::string& lookupId) {
    std::optional<LearnerRecord> record;
    auto done = withDatabase([&](sqlite3* db) {
        Statement query(db, "SELECT blob, updated_at FROM learner_progress WHERE lookup_id = ?1");
        query.bind(1, lookupId);
        if (query.step()) record = LearnerRecord{lookupId, query.blob(0), query.int64(1)};
    });
    if (!done) return std::unexpected(done.error());
    return record;
}

std::expected<bool, std::string> Store::putLearnerRecord(const LearnerRecord& record) {
    if (record.lookupId.size() != 64 || !fromHex(record.lookupId))
        return std::unexpected("learner record has an invalid lookup id");
    if (record.blob.empty()) return std::unexpected("learner record is empty");
    bool written = false;
    auto done = withDatabase([&](sqlite3* db) {
        Statement upsert(db, "INSERT INTO learner_progress (lookup_id, blob, updated_at) "
                             "VALUES (?1, ?2, ?3) ON CONFLICT (lookup_id) DO UPDATE SET "
                             "blob = excluded.blob, updated_at = excluded.updated_at "
                             "WHERE excluded.updated_at >= learner_progress.updated_at");
        upsert.bind(1, record.lookupId).bind(2, std::span<const std::uint8_t>(record.blob));
        upsert.bind(3, record.updatedAtUnix).step();
        written = sqlite3_changes(db) > 0;
    });
    if (!done) return std::unexpected(done.error());
    return written;
}

std::expected<std::string, std::string> Store::integrityCheck() {
    std::string report;
    auto done = withDatabase([&](sqlite3* db) {
        Statement check(db, "PRAGMA integrity_check");
        while (check.step()) {
            if (!report.empty()) report += "; ";
            report += check.text(0);
        }
    });
    if (!done) return std::unexpected(done.error());
    return report;
}

std::expected<void, std::string> Store::simulateDiskLimitForTests(std::int64_t pages) {
    return withDatabase([&](sqlite3* db) {
        // max_page_count cannot go below the current size; 0 means "no limit" (SQLite's maximum).
        const std::int64_t value = pages > 0 ? pages : 4294967294LL;
        store::execute(db, ("PRAGMA max_page_count = " + std::to_string(value)).c_str());
    });
}

} // namespace passerelle
