#include "sqlite_outbox.h"

#include <algorithm>
#include <sqlite3.h>
#include <stdexcept>

namespace passerelle::test {

namespace {
void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}
} // namespace

SqliteOutbox::SqliteOutbox(const std::filesystem::path& file) {
    check(db_, sqlite3_open(file.c_str(), &db_), "open outbox");
    sqlite3_busy_timeout(db_, 10000);
    check(
        db_,
        sqlite3_exec(db_,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE IF NOT EXISTS outbox (sequence INTEGER PRIMARY KEY, kiosk_id "
                     "TEXT NOT NULL, "
                     "sealed BLOB NOT NULL, created_at INTEGER NOT NULL, service_id TEXT NOT NULL)",
                     nullptr, nullptr, nullptr),
        "create outbox");
}

SqliteOutbox::~SqliteOutbox() {
    sqlite3_close(db_);
}

void SqliteOutbox::add(const sync::OutboxItem& item) {
    std::lock_guard lock(mutex_);
    sqlite3_stmt* s = nullptr;
    check(db_,
          sqlite3_prepare_v2(db_, "INSERT INTO outbox VALUES (?, ?, ?, ?, ?)", -1, &s, nullptr),
          "prepare");
    sqlite3_bind_int64(s, 1, item.sequence);
    sqlite3_bind_text(s, 2, item.kioskId.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(s, 3, item.sealed.data(), static_cast<int>(item.sealed.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 4, item.createdAtUnix);
    sqlite3_bind_text(s, 5, item.serviceId.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    check(db_, rc, "insert outbox");
}

std::expected<std::vector<sync::OutboxItem>, std::string> SqliteOutbox::pending(std::size_t limit) {
    std::lock_guard lock(mutex_);
    sqlite3_stmt* s = nullptr;
    check(db_,
          sqlite3_prepare_v2(
              db_,
              "SELECT sequence, kiosk_id, sealed, created_at, service_id FROM outbox ORDER BY "
              "sequence LIMIT ?",
              -1, &s, nullptr),
          "prepare");
    sqlite3_bind_int64(s, 1, static_cast<sqlite3_int64>(limit));
    std::vector<sync::OutboxItem> out;
    while (sqlite3_step(s) == SQLITE_ROW) {
        sync::OutboxItem item;
        item.sequence = sqlite3_column_int64(s, 0);
        item.kioskId = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
        auto* blob = static_cast<const std::uint8_t*>(sqlite3_column_blob(s, 2));
        item.sealed.assign(blob, blob + sqlite3_column_bytes(s, 2));
        item.createdAtUnix = sqlite3_column_int64(s, 3);
        item.serviceId = reinterpret_cast<const char*>(sqlite3_column_text(s, 4));
        out.push_back(std::move(item));
    }
    sqlite3_finalize(s);
    return out;
}

std::expected<void, std::string>
SqliteOutbox::acknowledge(std::span<const std::int64_t> sequences) {
    std::lock_guard lock(mutex_);
    check(db_, sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "begin");
    sqlite3_stmt* s = nullptr;
    check(db_, sqlite3_prepare_v2(db_, "DELETE FROM outbox WHERE sequence = ?", -1, &s, nullptr),
          "prepare");
    for (auto sequence : sequences) {
        sqlite3_bind_int64(s, 1, sequence);
        sqlite3_step(s);
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    check(db_, sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr), "commit");
    return {};
}

std::expected<std::size_t, std::string> SqliteOutbox::count() {
    std::lock_guard lock(mutex_);
    sqlite3_stmt* s = nullptr;
    check(db_, sqlite3_prepare_v2(db_, "SELECT COUNT(*) FROM outbox", -1, &s, nullptr), "prepare");
    sqlite3_step(s);
    auto n = static_cast<std::size_t>(sqlite3_column_int64(s, 0));
    sqlite3_finalize(s);
    return n;
}

std::expected<std::vector<sync::PendingDocument>, std::string>
MemoryDocuments::pending(std::size_t limit) {
    std::lock_guard lock(mutex_);
    return std::vector<sync::PendingDocument>(
        documents_.begin(),
        documents_.begin() + static_cast<long>(std::min(limit, documents_.size())));
}

std::expected<void, std::string> MemoryDocuments::acknowledge(std::span<const std::string> ids) {
    std::lock_guard lock(mutex_);
    std::erase_if(documents_, [&](const auto& d) {
        return std::find(ids.begin(), ids.end(), d.id) != ids.end();
    });
    return {};
}

} // namespace passerelle::test
