// SQLite backend: one file, WAL, synchronous=FULL (an acknowledged record survives a power cut).
#include "passerelle/city/store/sql_connection.h"

#include <cctype>
#include <map>
#include <sqlite3.h>

namespace passerelle::city {

namespace {

// SQLite understands ?NNN; the shared statements are written with PostgreSQL's $NNN.
std::string toSqlitePlaceholders(std::string_view sql) {
    std::string out(sql);
    for (std::size_t i = 0; i + 1 < out.size(); ++i)
        if (out[i] == '$' && std::isdigit(static_cast<unsigned char>(out[i + 1]))) out[i] = '?';
    return out;
}

class SqliteConnection final : public SqlConnection {
  public:
    explicit SqliteConnection(sqlite3* db) : db_(db) {}
    ~SqliteConnection() override {
        for (auto& [sql, statement] : statements_)
            sqlite3_finalize(statement);
        sqlite3_close(db_);
    }
    Dialect dialect() const override { return Dialect::Sqlite; }

    std::expected<void, std::string> exec(std::string_view sql) override {
        char* message = nullptr;
        if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string error = message ? message : sqlite3_errmsg(db_);
            sqlite3_free(message);
            return std::unexpected("database error: " + error);
        }
        return {};
    }

    std::expected<SqlRows, std::string> query(std::string_view sql,
                                              const std::vector<SqlValue>& params) override {
        auto statement = prepare(sql);
        if (!statement) return std::unexpected(statement.error());
        sqlite3_stmt* s = *statement;
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        for (std::size_t i = 0; i < params.size(); ++i) {
            int index = static_cast<int>(i + 1);
            std::visit(
                [&](const auto& value) {
                    using T = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<T, std::nullptr_t>)
                        sqlite3_bind_null(s, index);
                    else if constexpr (std::is_same_v<T, std::int64_t>)
                        sqlite3_bind_int64(s, index, value);
                    else if constexpr (std::is_same_v<T, std::string>)
                        sqlite3_bind_text(s, index, value.data(), static_cast<int>(value.size()),
                                          SQLITE_TRANSIENT);
                    else
                        sqlite3_bind_blob(
                            s, index, value.empty() ? "" : static_cast<const void*>(value.data()),
                            static_cast<int>(value.size()), SQLITE_TRANSIENT);
                },
                params[i]);
        }
        SqlRows rows;
        for (;;) {
            int rc = sqlite3_step(s);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) {
                std::string error = sqlite3_errmsg(db_);
                sqlite3_reset(s);
                return std::unexpected("database error: " + error);
            }
            std::vector<std::optional<std::string>> cells;
            for (int c = 0; c < sqlite3_column_count(s); ++c) {
                switch (sqlite3_column_type(s, c)) {
                case SQLITE_NULL:
                    cells.emplace_back(std::nullopt);
                    break;
                case SQLITE_INTEGER:
                    cells.emplace_back(std::to_string(sqlite3_column_int64(s, c)));
                    break;
                default: {
                    auto* data = static_cast<const char*>(sqlite3_column_blob(s, c));
                    cells.emplace_back(std::string(
                        data ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(s, c))));
                }
                }
            }
            rows.emplace_back(std::move(cells), Dialect::Sqlite);
        }
        sqlite3_reset(s);
        return rows;
    }

  private:
    std::expected<sqlite3_stmt*, std::string> prepare(std::string_view sql) {
        auto key = std::string(sql);
        if (auto found = statements_.find(key); found != statements_.end()) return found->second;
        sqlite3_stmt* statement = nullptr;
        auto text = toSqlitePlaceholders(sql);
        if (sqlite3_prepare_v2(db_, text.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            return std::unexpected(std::string("database error: ") + sqlite3_errmsg(db_));
        statements_.emplace(key, statement);
        return statement;
    }

    sqlite3* db_;
    std::map<std::string, sqlite3_stmt*> statements_;
};

} // namespace

std::expected<std::unique_ptr<SqlConnection>, std::string> openSqlite(const std::string& path) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        std::string error = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return std::unexpected("cannot open the city database " + path + ": " + error);
    }
    sqlite3_busy_timeout(db, 15000);
    auto connection = std::make_unique<SqliteConnection>(db);
    if (auto ok = connection->exec(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        !ok)
        return std::unexpected("cannot use the city database " + path + ": " + ok.error());
    return connection;
}

} // namespace passerelle::city
