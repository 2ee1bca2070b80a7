#include "core/pack/sqlite_util.h"

#include "core/pack/limits.h"

#include <cstdio>

namespace passerelle::pack::detail {

Statement::Statement(sqlite3* db, std::string_view sql) {
    if (sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
        error_ = sqlite3_errmsg(db);
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bindBlob(int index, std::span<const std::uint8_t> bytes) {
    sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

int Statement::step() {
    return stmt_ ? sqlite3_step(stmt_) : SQLITE_MISUSE;
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::text(int column) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(stmt_, column)))
             : std::string_view{};
}

std::span<const std::uint8_t> Statement::blob(int column) const {
    auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    return p ? std::span<const std::uint8_t>(p, std::size_t(sqlite3_column_bytes(stmt_, column)))
             : std::span<const std::uint8_t>{};
}

std::expected<void, std::string> exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string error = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        return std::unexpected(error);
    }
    return {};
}

std::string sqliteMessage(sqlite3* db) {
    return db ? sqlite3_errmsg(db) : "out of memory";
}

namespace {
// Percent-encodes a path for an SQLite "file:" URI.
std::string fileUri(const std::filesystem::path& path, const char* query) {
    std::string uri = "file:";
    for (unsigned char c : std::filesystem::absolute(path).string()) {
        if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_')
            uri += char(c);
        else {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", c);
            uri += buffer;
        }
    }
    return uri + query;
}
} // namespace

std::expected<Database, std::string> openDatabase(const std::filesystem::path& path,
                                                  OpenMode mode) {
    sqlite3* raw = nullptr;
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    std::string uri;
    switch (mode) {
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        uri = fileUri(path, "?immutable=1");
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        uri = fileUri(path, "");
        break;
    case OpenMode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        uri = fileUri(path, "");
        break;
    }
    int rc = sqlite3_open_v2(uri.c_str(), &raw, flags, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) return std::unexpected(sqliteMessage(raw));

    int unused = 0;
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &unused);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &unused);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &unused);
    // A blob may be up to the media cap; anything bigger makes SQLite stop with SQLITE_TOOBIG.
    sqlite3_limit(raw, SQLITE_LIMIT_LENGTH, int(kMaxMediaBytes + (1u << 20)));
    sqlite3_limit(raw, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(raw, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(raw, SQLITE_LIMIT_EXPR_DEPTH, 50);
    sqlite3_limit(raw, SQLITE_LIMIT_COMPOUND_SELECT, 10);
    sqlite3_limit(raw, SQLITE_LIMIT_VDBE_OP, 100000);
    sqlite3_limit(raw, SQLITE_LIMIT_FUNCTION_ARG, 8);
    sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(raw, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50);
    sqlite3_limit(raw, SQLITE_LIMIT_VARIABLE_NUMBER, 10);
    sqlite3_limit(raw, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
    (void)exec(raw, "PRAGMA mmap_size=0");
    (void)exec(raw, "PRAGMA cell_size_check=ON");
    return db;
}

} // namespace passerelle::pack::detail
