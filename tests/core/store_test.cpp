// The kiosk database: creation, damaged files at start, sequence numbers, full disk, two threads.
#include "core/session/sealer.h"
#include "core/store/sqlite.h"
#include "core/store/store.h"
#include "core_test_support.h"
#include "passerelle/common/files.h"
#include "temp_dir.h"

#include <atomic>
#include <doctest/doctest.h>
#include <fstream>
#include <set>
#include <sqlite3.h>
#include <thread>

using namespace passerelle;
using passerelle::test::TempDir;

namespace {

std::unique_ptr<Store> openOrFail(const std::filesystem::path& dir) {
    auto store = Store::open(dir);
    REQUIRE_MESSAGE(store.has_value(), (store ? "" : store.error()));
    return std::move(*store);
}

// Seals a small non-personal payload naming its sequence, like a real submission would.
std::expected<std::int64_t, std::string> appendSample(Store& store, std::size_t padding = 0) {
    Sealer sealer(test::demoCitySealingPublic());
    return store.appendToOutbox(
        "kiosk-under-test", "parking-permit", 1764450000, [&](std::int64_t sequence) {
            std::string text = "{\"sequence\":" + std::to_string(sequence) + ",\"pad\":\"" +
                               std::string(padding, 'x') + "\"}";
            return sealer.seal(SecretBytes(text));
        });
}

std::vector<std::filesystem::path> quarantinedFiles(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().filename().string().starts_with("kiosk.db.corrupt-"))
            found.push_back(entry.path());
    return found;
}

std::string pragma(Store& store, const char* name) {
    std::string value;
    auto done = store.withDatabase([&](sqlite3* db) {
        store::Statement query(db, std::string("PRAGMA ") + name);
        if (query.step()) value = query.text(0);
    });
    REQUIRE(done.has_value());
    return value;
}

void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

} // namespace

TEST_CASE("a fresh data folder gets a WAL database with durable, secure settings") {
    TempDir dir;
    auto store = openOrFail(dir.path() / "data");
    CHECK(std::filesystem::exists(dir.path() / "data" / "kiosk.db"));
    CHECK(pragma(*store, "journal_mode") == "wal");
    CHECK(pragma(*store, "synchronous") == "2"); // FULL
    CHECK(pragma(*store, "secure_delete") == "1");
    CHECK(pragma(*store, "user_version") == std::to_string(Store::kSchemaVersion));
    CHECK(store->integrityCheck().value() == "ok");
    CHECK(store->statusEvents().value().empty());
    CHECK(store->outboxCount().value() == 0);
}

TEST_CASE("outbox: sequences increase, are ordered, and are never reused after deletion") {
    TempDir dir;
    {
        auto store = openOrFail(dir.path());
        for (int i = 1; i <= 5; ++i)
            CHECK(appendSample(*store).value() == i);
        auto pending = store->pendingOutbox(3).value();
        REQUIRE(pending.size() == 3);
        CHECK(pending[0].sequence == 1);
        CHECK(pending[2].sequence == 3);
        CHECK(pending[0].kioskId == "kiosk-under-test");
        CHECK(pending[0].serviceId == "parking-permit");
        CHECK(pending[0].createdAtUnix == 1764450000);

        const std::int64_t acknowledged[] = {4, 5, 99};
        CHECK(store->deleteAcknowledged(acknowledged).value() == 2);
        CHECK(store->outboxCount().value() == 3);
        CHECK(appendSample(*store).value() == 6); // not 4: numbers of deleted records stay used
    }
    auto reopened = openOrFail(dir.path());
    CHECK(appendSample(*reopened).value() == 7);
    CHECK(reopened->lastSequence().value() == 7);
}

TEST_CASE("a failing seal writes nothing and does not consume a sequence number") {
    TempDir dir;
    auto store = openOrFail(dir.path());
    CHECK(appendSample(*store).value() == 1);
    auto failed = store->appendToOutbox("k", "svc", 0, [](std::int64_t) {
        return std::expected<std::vector<std::uint8_t>, std::string>(
            std::unexpected("seal failed"));
    });
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error() == "seal failed");
    CHECK(store->outboxCount().value() == 1);
    CHECK(appendSample(*store).value() == 2);
}

TEST_CASE("a garbage database at start is kept aside, a new one is made, staff are told") {
    TempDir dir;
    const std::string garbage =
        "this is not a database, just bytes left by a broken SD card " + std::string(5000, '\x7f');
    writeBytes(dir / "kiosk.db", garbage);
    writeBytes(dir / "kiosk.db-wal", "stray wal bytes");

    auto store = openOrFail(dir.path());
    auto kept = quarantinedFiles(dir.path());
    REQUIRE(kept.size() == 2); // the database and its -wal companion, names kept together
    std::filesystem::path keptDb;
    for (const auto& path : kept)
        if (!path.string().ends_with("-wal")) keptDb = path;
    CHECK(readFile(keptDb).value() == garbage); // kept byte for byte, never deleted
    CHECK(std::filesystem::exists(keptDb.string() + "-wal"));
    CHECK(keptDb.filename().string().size() ==
          std::string("kiosk.db.corrupt-20261129T204634Z").size());

    auto events = store->statusEvents().value();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == status_kind::kDatabaseQuarantined);
    CHECK(events[0].message.find(keptDb.filename().string()) != std::string::npos);
    CHECK(events[0].message.find("do not delete it") != std::string::npos);

    // The kiosk works normally on the fresh database.
    auto sequence = appendSample(*store);
    REQUIRE(sequence.has_value());
    CHECK(store->integrityCheck().value() == "ok");
}

TEST_CASE("a truncated database at start is kept aside; sequence numbers still never repeat") {
    TempDir dir;
    std::int64_t lastBefore = 0;
    {
        auto store = openOrFail(dir.path());
        for (int i = 0; i < 60; ++i)
            lastBefore = appendSample(*store, 2000).value();
    }
    const auto size = std::filesystem::file_size(dir / "kiosk.db");
    REQUIRE(size > 100000);
    std::filesystem::resize_file(dir / "kiosk.db", size / 2);

    auto store = openOrFail(dir.path());
    std::vector<std::filesystem::path> keptDatabases;
    for (const auto& path : quarantinedFiles(dir.path()))
        if (!path.string().ends_with("-wal") && !path.string().ends_with("-shm"))
            keptDatabases.push_back(path);
    REQUIRE(keptDatabases.size() == 1);
    CHECK(std::filesystem::file_size(keptDatabases[0]) == size / 2);
    auto events = store->statusEvents().value();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == status_kind::kDatabaseQuarantined);
    CHECK(store->outboxCount().value() == 0);
    auto next = appendSample(*store).value();
    CHECK(next > lastBefore); // the city never sees the same (kiosk, sequence) twice
}

TEST_CASE("a database from a newer kiosk version is refused, not moved aside") {
    TempDir dir;
    {
        auto store = openOrFail(dir.path());
        REQUIRE(
            store
                ->withDatabase([](sqlite3* db) { store::execute(db, "PRAGMA user_version = 999"); })
                .has_value());
    }
    auto store = Store::open(dir.path());
    REQUIRE_FALSE(store.has_value());
    CHECK(store.error().find("newer version") != std::string::npos);
    CHECK(quarantinedFiles(dir.path()).empty());
}

TEST_CASE("full disk on commit: clear error, earlier data intact, database consistent") {
    TempDir dir;
    auto store = openOrFail(dir.path());
    for (int i = 0; i < 3; ++i)
        REQUIRE(appendSample(*store, 3000).has_value());
    const auto pages = std::stoll(pragma(*store, "page_count"));
    REQUIRE(store->simulateDiskLimitForTests(pages + 4).has_value());

    std::int64_t lastGood = 3;
    std::string error;
    for (int i = 0; i < 50 && error.empty(); ++i) {
        auto result = appendSample(*store, 3000);
        if (result)
            lastGood = *result;
        else
            error = result.error();
    }
    REQUIRE_FALSE(error.empty());
    CHECK(error.find("storage is full") != std::string::npos);
    CHECK(error.find("Everything saved before is intact") != std::string::npos);

    // Nothing half-written: every committed record is there and opens; the counter did not move.
    CHECK(store->integrityCheck().value() == "ok");
    auto pending = store->pendingOutbox(1000).value();
    CHECK(static_cast<std::int64_t>(pending.size()) == lastGood);
    auto secret = test::demoCitySealingSecret();
    for (const auto& record : pending)
        CHECK(test::openSealed(record.sealed, test::demoCitySealingPublic(), secret).has_value());
    CHECK(store->lastSequence().value() == lastGood);

    // Space comes back: the next submission simply continues.
    REQUIRE(store->simulateDiskLimitForTests(0).has_value());
    CHECK(appendSample(*store, 3000).value() == lastGood + 1);
}

TEST_CASE("the UI thread and the sync thread can use the store at the same time") {
    TempDir dir;
    auto store = openOrFail(dir.path());
    constexpr int kSubmissions = 150;
    std::vector<std::int64_t> written;
    std::set<std::int64_t> acknowledged;
    std::atomic<bool> failed{false};
    std::thread ui([&] {
        for (int i = 0; i < kSubmissions && !failed; ++i) {
            auto sequence = appendSample(*store);
            if (!sequence)
                failed = true;
            else
                written.push_back(*sequence);
        }
    });
    std::thread sync([&] {
        while (!failed && acknowledged.size() < static_cast<std::size_t>(kSubmissions)) {
            auto batch = store->pendingOutbox(20);
            if (!batch) {
                failed = true;
                break;
            }
            std::vector<std::int64_t> sequences;
            for (const auto& record : *batch)
                sequences.push_back(record.sequence);
            if (!store->deleteAcknowledged(sequences)) failed = true;
            acknowledged.insert(sequences.begin(), sequences.end());
            std::this_thread::yield();
        }
    });
    ui.join();
    sync.join();
    REQUIRE_FALSE(failed.load());
    CHECK(acknowledged.size() == static_cast<std::size_t>(kSubmissions));
    for (std::size_t i = 1; i < written.size(); ++i)
        CHECK(written[i] == written[i - 1] + 1);
    CHECK(store->outboxCount().value() == 0);
}
