#include "backends.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <libpq-fe.h>
#include <mutex>
#include <stdexcept>
#include <unistd.h>

namespace passerelle::test {

namespace {

std::string baseUrl() {
    const char* env = std::getenv("PASSERELLE_TEST_PG_URL");
    return env && *env ? env : "postgresql://passerelle:passerelle@127.0.0.1:5432/passerelle_test";
}

std::mutex mutex;
std::vector<std::string> created;

void drop(const std::vector<std::string>& schemas) {
    if (schemas.empty()) return;
    PGconn* c = PQconnectdb(baseUrl().c_str());
    if (PQstatus(c) == CONNECTION_OK) PQclear(PQexec(c, "SET client_min_messages = warning"));
    if (PQstatus(c) == CONNECTION_OK)
        for (const auto& s : schemas)
            PQclear(PQexec(c, ("DROP SCHEMA IF EXISTS " + s + " CASCADE").c_str()));
    PQfinish(c);
}

bool reachable() {
    static int state = -1; // -1 unknown, 0 no, 1 yes
    std::lock_guard lock(mutex);
    if (state >= 0) return state == 1;
    PGconn* c = PQconnectdb(
        (baseUrl() + (baseUrl().find('?') == std::string::npos ? "?" : "&") + "connect_timeout=3")
            .c_str());
    bool ok = PQstatus(c) == CONNECTION_OK;
    std::string error = PQerrorMessage(c);
    PQfinish(c);
    state = ok ? 1 : 0;
    if (!ok) {
        if (std::getenv("CI"))
            throw std::runtime_error("PostgreSQL is unreachable under CI (" + baseUrl() +
                                     "): " + error);
        std::fprintf(stderr,
                     "\n*** WARNING: PostgreSQL is unreachable at %s (%s)\n*** The PostgreSQL "
                     "cases of the sync tests "
                     "are SKIPPED. Run scripts/start-postgres.sh to test them.\n\n",
                     baseUrl().c_str(), error.c_str());
    }
    return ok;
}

} // namespace

std::string postgresUrlWithFreshSchema() {
    if (!reachable()) return {};
    static std::atomic<int> counter{0};
    auto schema = "t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
                  std::to_string(std::rand() % 100000);
    {
        std::lock_guard lock(mutex);
        created.push_back(schema);
    }
    auto url = baseUrl();
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "schema=" + schema;
}

void dropTestSchemas() {
    std::vector<std::string> schemas;
    {
        std::lock_guard lock(mutex);
        schemas.swap(created);
    }
    drop(schemas);
}

BackendList::~BackendList() {
    std::vector<std::string> schemas;
    for (const auto& b : *this) {
        auto at = b.url.find("schema=");
        if (b.name == "postgresql" && at != std::string::npos)
            schemas.push_back(b.url.substr(at + 7));
    }
    {
        std::lock_guard lock(mutex);
        for (const auto& s : schemas)
            std::erase(created, s);
    }
    drop(schemas);
}

BackendList backends(const std::filesystem::path& tempDir) {
    BackendList out;
    out.push_back({"sqlite", "sqlite://" + (tempDir / "city.sqlite").string()});
    if (auto pg = postgresUrlWithFreshSchema(); !pg.empty()) out.push_back({"postgresql", pg});
    return out;
}

} // namespace passerelle::test
