#include "core/store/sqlite.h"

namespace passerelle::store {

void throwSql(sqlite3* db, int code, std::string_view what) {
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw SqlError(code, message);
}

void execute(sqlite3* db, const char* sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqlError(sqlite3_extended_errcode(db), message);
    }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) throwSql(db, rc, "cannot prepare statement");
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) throwSql(db_, rc, "cannot bind value");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    int rc =
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) throwSql(db_, rc, "cannot bind text");
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
    // A zero-length blob must still be a blob, not NULL: pass a non-null pointer.
    static const std::uint8_t empty = 0;
    const void* data = blob.empty() ? &empty : blob.data();
    int rc = sqlite3_bind_blob64(stmt_, index, data, blob.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throwSql(db_, rc, "cannot bind blob");
    return *this;
}

Statement& Statement::bindNull(int index) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) throwSql(db_, rc, "cannot bind null");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throwSql(db_, sqlite3_extended_errcode(db_), "database statement failed");
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

std::string Statement::text(int column) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
}

std::vector<std::uint8_t> Statement::blob(int column) const {
    auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return p ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>();
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Transaction::Transaction(sqlite3* db) : db_(db) {
    execute(db_, "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    execute(db_, "COMMIT");
    done_ = true;
}

} // namespace passerelle::store

namespace passerelle::store {

std::string staffMessage(const SqlError& error) {
    const std::string detail = std::string(" (") + error.what() + ")";
    switch (error.primaryCode()) {
    case SQLITE_FULL:
        return "The kiosk's storage is full, so this was not saved. Everything saved before is "
               "intact. Free some space or let the kiosk send its queue to the city, then try "
               "again." +
               detail;
    case SQLITE_IOERR:
        return "The kiosk could not write to its storage (input/output error), so this was not "
               "saved. Everything saved before is intact. If it happens again the SD card may be "
               "failing: call support." +
               detail;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "The kiosk database is busy (another program is using it). Try again in a moment; "
               "if it persists, restart the kiosk." +
               detail;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return "The kiosk cannot write its database file: check the data folder's permissions "
               "and free space." +
               detail;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return "The kiosk database is damaged. Restart the kiosk: it will keep the damaged file "
               "aside and start a new one." +
               detail;
    default:
        return std::string("Kiosk database error: ") + error.what();
    }
}

} // namespace passerelle::store
