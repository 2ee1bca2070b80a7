#pragma once
// The database backends each sync test runs against: a fresh SQLite file, and PostgreSQL in a
// fresh schema (PASSERELLE_TEST_PG_URL, default the CI URL). If PostgreSQL cannot be reached the
// PostgreSQL cases are skipped with a loud warning — except under CI (env CI set), where that is
// a failure.
#include <filesystem>
#include <string>
#include <vector>

namespace passerelle::test {

struct Backend {
    std::string name; // "sqlite" or "postgresql"
    std::string url;  // for --db
};

// Drops its PostgreSQL schemas when it goes away (a range-for over backends(...) keeps it alive
// for the whole loop).
struct BackendList : std::vector<Backend> {
    BackendList() = default;
    BackendList(const BackendList&) = delete;
    BackendList(BackendList&&) = default;
    ~BackendList();
};

BackendList backends(const std::filesystem::path& tempDir);
// The PostgreSQL URL with a new unique schema, or "" when PostgreSQL is unavailable (not under CI).
std::string postgresUrlWithFreshSchema();
// Drops every schema this process created (not from a static destructor: libpq needs OpenSSL,
// which is already shut down then).
void dropTestSchemas();

} // namespace passerelle::test
