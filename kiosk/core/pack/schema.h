#pragma once
#include <sqlite3.h>

#include <expected>
#include <string>
#include <vector>

// The tables of a pack (format version 1) and the exact check that a file has them and nothing
// else. Internal to core/pack; docs/pack-format.md describes the same.
namespace passerelle::pack::detail {

enum class ColumnType { Integer, Text, Blob };

struct ColumnSpec {
    const char* name;
    ColumnType type;
};

struct TableSpec {
    const char* name;
    const char* createSql; // byte-exact text stored in sqlite_schema
    std::vector<ColumnSpec> columns;
    const char* orderBy; // primary key order: the canonical row order
};

// Content tables, in the order the canonical hash visits them.
const std::vector<TableSpec>& contentTables();
// The signature table (not hashed: it holds the signature of the hash).
const TableSpec& signatureTable();

// Creates every table in an empty database.
std::expected<void, std::string> createSchema(sqlite3* db);
// The file must have exactly the tables above with exactly this SQL, plus their automatic
// primary-key indexes; no other table, index, view or trigger.
std::expected<void, std::string> checkSchema(sqlite3* db);

// The SQLite application_id a pack carries ("PSRL"), to tell a pack from any other database.
inline constexpr int kApplicationId = 0x5053524C;

} // namespace passerelle::pack::detail
