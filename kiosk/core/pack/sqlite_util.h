#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

// Small RAII helpers around SQLite for the pack format (internal to core/pack).
namespace passerelle::pack::detail {

struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, SqliteCloser>;
using SharedDatabase = std::shared_ptr<sqlite3>;

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    const std::string& error() const { return error_; }
    sqlite3_stmt* get() const { return stmt_; }

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bindBlob(int index, std::span<const std::uint8_t> bytes);
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    void reset();

    std::string_view text(int column) const;
    std::span<const std::uint8_t> blob(int column) const;
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    int type(int column) const { return sqlite3_column_type(stmt_, column); }

  private:
    sqlite3_stmt* stmt_ = nullptr;
    std::string error_;
};

std::expected<void, std::string> exec(sqlite3* db, const char* sql);
std::string sqliteMessage(sqlite3* db);

enum class OpenMode { ReadOnly, ReadWrite, Create };
// Opens a pack with the defences of https://sqlite.org/security.html: defensive mode, no
// trusted schema, no triggers/views/extensions, no mmap, cell size checks, tight limits.
// ReadOnly uses the immutable=1 URI (a pack is never changed in place once installed).
std::expected<Database, std::string> openDatabase(const std::filesystem::path& path, OpenMode mode);

} // namespace passerelle::pack::detail
