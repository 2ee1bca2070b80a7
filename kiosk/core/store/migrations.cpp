#include "core/store/migrations.h"

#include "core/store/sqlite.h"

#include <string>
#include <vector>

namespace passerelle::store {

namespace {

// Append only: never edit a step once released; add a new one.
const std::vector<const char*>& steps() {
    static const std::vector<const char*> list = {
        // 1: outbox, counters, status events, daily stats, learner progress
        R"sql(
        CREATE TABLE counters (
            name  TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO counters (name, value) VALUES ('outbox_sequence', 0);

        CREATE TABLE outbox (
            sequence   INTEGER PRIMARY KEY,
            kiosk_id   TEXT    NOT NULL,
            service_id TEXT    NOT NULL,
            created_at INTEGER NOT NULL,
            sealed     BLOB    NOT NULL CHECK (length(sealed) > 48)
        );

        CREATE TABLE status_events (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            at_unix INTEGER NOT NULL,
            kind    TEXT    NOT NULL,
            message TEXT    NOT NULL
        );

        CREATE TABLE stats_daily (
            day       TEXT    NOT NULL,
            metric    TEXT    NOT NULL,
            dimension TEXT    NOT NULL,
            count     INTEGER NOT NULL,
            PRIMARY KEY (day, metric, dimension)
        ) WITHOUT ROWID;

        CREATE TABLE learner_progress (
            lookup_id  TEXT    PRIMARY KEY,
            blob       BLOB    NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        )sql",
        // 2: staff accounts (PIN only as crypto_pwhash_str) and the staff audit trail
        R"sql(
        CREATE TABLE staff_accounts (
            staff_id        TEXT    PRIMARY KEY,
            name            TEXT    NOT NULL,
            role            TEXT    NOT NULL CHECK (role IN ('mediator', 'admin')),
            pin_hash        TEXT    NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            last_failure_at INTEGER NOT NULL DEFAULT 0,
            locked_until    INTEGER NOT NULL DEFAULT 0,
            created_at      INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE staff_audit (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            at_unix  INTEGER NOT NULL,
            staff_id TEXT    NOT NULL,
            action   TEXT    NOT NULL,
            detail   TEXT    NOT NULL DEFAULT ''
        );
        )sql",
    };
    return list;
}

} // namespace

int latestSchemaVersion() {
    return static_cast<int>(steps().size());
}

int schemaVersion(sqlite3* db) {
    Statement query(db, "PRAGMA user_version");
    query.step();
    return static_cast<int>(query.int64(0));
}

void migrate(sqlite3* db) {
    int current = schemaVersion(db);
    if (current > latestSchemaVersion())
        throw SqlError(SQLITE_ERROR,
                       "the kiosk database was written by a newer version of the kiosk software "
                       "(schema " +
                           std::to_string(current) + ", this version knows " +
                           std::to_string(latestSchemaVersion()) +
                           "); install the newer software again");
    for (int version = current + 1; version <= latestSchemaVersion(); ++version) {
        Transaction tx(db);
        execute(db, steps()[static_cast<std::size_t>(version - 1)]);
        execute(db, ("PRAGMA user_version = " + std::to_string(version)).c_str());
        tx.commit();
    }
}

} // namespace passerelle::store
