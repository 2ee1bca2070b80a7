#pragma once
#include <sqlite3.h>

namespace passerelle::store {

// The schema version this build writes (PRAGMA user_version).
int latestSchemaVersion();

// Brings the database to latestSchemaVersion(), one versioned step per transaction, so a power
// cut between steps leaves a database at a known version. Throws SqlError; refuses (throws) a
// database from a newer kiosk version.
void migrate(sqlite3* db);

int schemaVersion(sqlite3* db);

} // namespace passerelle::store
