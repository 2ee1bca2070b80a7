#include "core/store/quarantine.h"

#include <chrono>
#include <ctime>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

namespace passerelle {

namespace {

std::string utcStamp() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
    return buffer;
}

void syncFolder(const std::filesystem::path& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Best effort: the old file is damaged, so any failure here just means "nothing salvaged".
std::int64_t salvageLastSequence(const std::filesystem::path& kept) {
    sqlite3* db = nullptr;
    std::int64_t last = 0;
    // immutable=1: no locks, no -shm, nothing written next to the kept file (its WAL is ignored;
    // the time-based floor in Store::open covers what it may hold).
    std::string uri = "file:";
    for (char c : kept.string()) {
        if (c == '%')
            uri += "%25";
        else if (c == '?')
            uri += "%3f";
        else if (c == '#')
            uri += "%23";
        else
            uri += c;
    }
    uri += "?immutable=1";
    if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) ==
        SQLITE_OK) {
        const char* sql = "SELECT max(v) FROM (SELECT value AS v FROM counters WHERE name = "
                          "'outbox_sequence' UNION ALL SELECT max(sequence) FROM outbox)";
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            last = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close_v2(db);
    return last;
}

} // namespace

std::expected<Quarantined, std::string> quarantineDatabase(const std::filesystem::path& path,
                                                           const std::string& reason) {
    const std::string stamp = utcStamp();
    std::filesystem::path kept = path;
    kept += ".corrupt-" + stamp;
    for (int n = 2; std::filesystem::exists(kept); ++n) {
        kept = path;
        kept += ".corrupt-" + stamp + "-" + std::to_string(n);
    }
    // Companions first, main file last: if we are cut in the middle, the main file still has its
    // own name and the next start simply quarantines again.
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        std::filesystem::path from = path.string() + suffix;
        std::error_code ec;
        if (!std::filesystem::exists(from, ec)) continue;
        std::filesystem::rename(from, kept.string() + suffix, ec);
        if (ec)
            return std::unexpected("the kiosk database is damaged (" + reason +
                                   ") but it could not be moved aside: " + ec.message() +
                                   ". Check the data folder's permissions.");
    }
    std::error_code ec;
    std::filesystem::rename(path, kept, ec);
    if (ec)
        return std::unexpected("the kiosk database is damaged (" + reason +
                               ") but it could not be moved aside: " + ec.message() +
                               ". Check the data folder's permissions.");
    syncFolder(path.parent_path());

    Quarantined result;
    result.keptAs = kept;
    result.lastSequenceSalvaged = salvageLastSequence(kept);
    result.staffMessage =
        "The kiosk database was damaged (" + reason + "). It was kept as " +
        kept.filename().string() +
        " and a new, empty database was started; the kiosk works normally. Submissions that had "
        "not been sent yet may still be in the kept file: do not delete it, and contact support "
        "so the city can recover them.";
    return result;
}

} // namespace passerelle
