#pragma once
// Thin RAII wrappers over the SQLite C API, used only inside the store. Errors are thrown as
// SqlError and turned into std::expected messages at the Store's public boundary.
#include <cstdint>
#include <span>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::store {

class SqlError : public std::runtime_error {
  public:
    SqlError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }
    int primaryCode() const { return code_ & 0xff; }

  private:
    int code_;
};

[[noreturn]] void throwSql(sqlite3* db, int code, std::string_view what);

// Runs one or more statements that return no rows.
void execute(sqlite3* db, const char* sql);

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::span<const std::uint8_t> blob);
    Statement& bindNull(int index);

    // Advances one row: true if a row is available, false when done.
    bool step();
    void reset();

    std::int64_t int64(int column) const;
    std::string text(int column) const;
    std::vector<std::uint8_t> blob(int column) const;
    bool isNull(int column) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back if destroyed before commit() (also after a failed commit).
class Transaction {
  public:
    explicit Transaction(sqlite3* db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    sqlite3* db_;
    bool done_ = false;
};

} // namespace passerelle::store

namespace passerelle::store {
// A message a staff member understands: what happened, that earlier data is safe, what to do.
std::string staffMessage(const SqlError& error);
} // namespace passerelle::store
