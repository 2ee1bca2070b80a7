#pragma once
// The small SQL surface the city store needs, implemented once for SQLite and once for
// PostgreSQL (libpq). Statements use $1, $2, ... placeholders in both dialects.
#include "passerelle/common/encoding.h"

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace passerelle::city {

enum class Dialect { Sqlite, Postgres };

using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string, Bytes>;

class SqlRow {
  public:
    SqlRow(std::vector<std::optional<std::string>> cells, Dialect dialect)
        : cells_(std::move(cells)), dialect_(dialect) {}
    bool isNull(std::size_t i) const { return !cells_.at(i).has_value(); }
    std::string text(std::size_t i) const { return cells_.at(i).value_or(""); }
    std::int64_t integer(std::size_t i) const;
    std::optional<std::int64_t> optionalInteger(std::size_t i) const;
    Bytes blob(std::size_t i) const;

  private:
    std::vector<std::optional<std::string>> cells_;
    Dialect dialect_;
};

using SqlRows = std::vector<SqlRow>;

class SqlConnection {
  public:
    virtual ~SqlConnection() = default;
    virtual Dialect dialect() const = 0;
    // Runs one or more statements without parameters (schema, BEGIN, COMMIT).
    virtual std::expected<void, std::string> exec(std::string_view sql) = 0;
    // Runs one statement; returns its rows (if any) — use RETURNING to learn what was written.
    virtual std::expected<SqlRows, std::string> query(std::string_view sql,
                                                      const std::vector<SqlValue>& params = {}) = 0;
    // Whether the connection still works (PostgreSQL may drop it); the pool replaces broken ones.
    virtual bool healthy() const { return true; }
};

std::expected<std::unique_ptr<SqlConnection>, std::string> openSqlite(const std::string& path);
// `schema`: created if missing and put first on the search path (tests use one per run).
std::expected<std::unique_ptr<SqlConnection>, std::string> openPostgres(const std::string& conninfo,
                                                                        const std::string& schema);

} // namespace passerelle::city
