// When everything goes wrong between kiosk and city — connections cut mid-request, answers lost,
// the server killed and restarted mid-upload, duplicate deliveries, the kiosk killed mid-sync —
// once things settle every submission is stored exactly once and none is missing.
// Real processes on loopback, on SQLite and on PostgreSQL.
#include "backends.h"
#include "city_process.h"
#include "fault_proxy.h"
#include "sqlite_outbox.h"
#include "temp_dir.h"
#include "test_kiosk.h"

#include "passerelle/city/store/city_store.h"

#include <csignal>
#include <doctest/doctest.h>
#include <map>
#include <random>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace passerelle;
using namespace std::chrono_literals;

namespace {

// Every sequence 1..n is stored exactly once (the UNIQUE constraint makes "more than once"
// impossible; this checks none is missing and the bytes are the kiosk's).
void checkExactlyOnce(passerelle::city::CityStore& store, const std::string& kioskId,
                      std::int64_t n, const std::map<std::int64_t, Bytes>& sent) {
    auto stored = store.submissions("");
    REQUIRE(stored);
    std::map<std::int64_t, int> seen;
    for (const auto& s : *stored) {
        if (s.kioskId != kioskId) continue;
        ++seen[s.sequence];
        auto original = sent.find(s.sequence);
        REQUIRE(original != sent.end());
        CHECK(s.sealed == original->second);
    }
    CHECK(static_cast<std::int64_t>(seen.size()) == n);
    for (std::int64_t s = 1; s <= n; ++s)
        CHECK_MESSAGE(seen[s] == 1, "sequence " << s);
    CHECK(store.conflictCount() == 0);
}

std::map<std::int64_t, Bytes> fill(test::SqliteOutbox& outbox, const std::string& kioskId, int n) {
    std::map<std::int64_t, Bytes> sent;
    for (int s = 1; s <= n; ++s) {
        auto item = test::sealedItem(kioskId, s);
        sent[s] = item.sealed;
        outbox.add(item);
    }
    return sent;
}

template <class Predicate> bool eventually(Predicate predicate, std::chrono::seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return predicate();
}

} // namespace

TEST_CASE("cut requests and lost answers: everything arrives exactly once") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        test::CityProcess city(dir / ("city-" + backend.name), backend.url);
        test::FaultProxy proxy(city.port());
        auto key = SigningKeyPair::generate();
        auto kioskId = keyId(key.publicKey);
        test::SqliteOutbox outbox(dir / ("outbox-" + backend.name + ".sqlite"));
        auto sent = fill(outbox, kioskId, 300);
        auto options = test::testClientOptions(proxy.url(), key, dir / ("kiosk-" + backend.name));
        options.batchSize = 10;
        sync::SyncClient client(options, outbox);
        proxy.setFaults(0.25, 0.25); // a quarter of connections cut, a quarter of answers lost
        client.start();
        // The client makes progress through a bad network, resending what it did not hear about.
        REQUIRE(eventually([&] { return outbox.count() == 0; }, 40s));
        CHECK(proxy.cutCount() > 0);
        CHECK(proxy.dropCount() > 0);
        client.stop();
        auto store = passerelle::city::CityStore::open(backend.url, 1);
        REQUIRE(store);
        checkExactlyOnce(**store, kioskId, 300, sent);
        MESSAGE(backend.name << ": " << proxy.cutCount() << " requests cut, " << proxy.dropCount()
                             << " answers dropped");
    }
}

TEST_CASE("the city server killed and restarted mid-upload, repeatedly") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        test::CityProcess city(dir / ("city-" + backend.name), backend.url);
        auto key = SigningKeyPair::generate();
        auto kioskId = keyId(key.publicKey);
        test::SqliteOutbox outbox(dir / ("outbox-" + backend.name + ".sqlite"));
        auto sent = fill(outbox, kioskId, 600);
        auto options = test::testClientOptions(city.url(), key, dir / ("kiosk-" + backend.name));
        options.batchSize = 10;
        sync::SyncClient client(options, outbox);
        client.start();
        int kills = 0;
        std::mt19937 random(7);
        while (outbox.count().value_or(0) > 0 && kills < 8) {
            std::this_thread::sleep_for(
                std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 120)(random)));
            city.kill(SIGKILL); // no clean shutdown: whatever was in flight is cut
            ++kills;
            std::this_thread::sleep_for(50ms);
            city.start();
        }
        client.syncNow();
        REQUIRE(eventually([&] { return outbox.count() == 0; }, 40s));
        client.stop();
        CHECK(kills >= 2);
        auto store = passerelle::city::CityStore::open(backend.url, 1);
        REQUIRE(store);
        checkExactlyOnce(**store, kioskId, 600, sent);
    }
}

TEST_CASE(
    "duplicate deliveries: two kiosk processes sending the same outbox at once, then a resend") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        test::CityProcess city(dir / ("city-" + backend.name), backend.url);
        auto key = SigningKeyPair::generate();
        auto kioskId = keyId(key.publicKey);
        // Two copies of the same outbox (e.g. a restored backup): both deliver everything.
        test::SqliteOutbox a(dir / ("a-" + backend.name + ".sqlite")),
            b(dir / ("b-" + backend.name + ".sqlite"));
        auto sent = fill(a, kioskId, 200);
        for (const auto& [sequence, sealed] : sent)
            b.add({sequence, kioskId, sealed, 1'800'000'000 + sequence, "report"});
        sync::SyncClient clientA(
            test::testClientOptions(city.url(), key, dir / ("ka-" + backend.name)), a);
        sync::SyncClient clientB(
            test::testClientOptions(city.url(), key, dir / ("kb-" + backend.name)), b);
        clientA.start();
        clientB.start();
        REQUIRE(eventually([&] { return a.count() == 0 && b.count() == 0; }, 40s));
        clientA.stop();
        clientB.stop();
        // And the same records again, as if nothing had been acknowledged.
        for (const auto& [sequence, sealed] : sent)
            a.add({sequence, kioskId, sealed, 1'800'000'000 + sequence, "report"});
        auto resent = clientA.syncOnce();
        REQUIRE_MESSAGE(resent, (resent ? "" : resent.error()));
        CHECK(a.count() == 0);
        auto store = passerelle::city::CityStore::open(backend.url, 1);
        REQUIRE(store);
        checkExactlyOnce(**store, kioskId, 200, sent);

        // A different record reusing sequence 7: reported as a conflict, the original is kept, the
        // new one is set aside at the city (so the kiosk may drop it) and the staff are told.
        a.add(test::sealedItem(kioskId, 7));
        REQUIRE(clientA.syncOnce());
        CHECK(a.count() == 0);
        CHECK((*store)->conflictCount() == 1);
        CHECK(clientA.status().notice.find("kept both") != std::string::npos);
        auto stored = (*store)->submissions("report");
        auto seven = std::find_if(stored->begin(), stored->end(),
                                  [](const auto& s) { return s.sequence == 7; });
        REQUIRE(seven != stored->end());
        CHECK(seven->sealed == sent[7]);
    }
}

TEST_CASE("the kiosk killed mid-sync, repeatedly, then restarted") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        test::CityProcess city(dir / ("city-" + backend.name), backend.url);
        auto key = SigningKeyPair::generate();
        auto kioskId = keyId(key.publicKey);
        auto keyFile = dir / ("kiosk-" + backend.name + ".secret");
        REQUIRE(writeKeyFile(keyFile, KeyKind::Ed25519Secret, key.secretKey.bytes()));
        auto outboxFile = dir / ("outbox-" + backend.name + ".sqlite");
        std::map<std::int64_t, Bytes> sent;
        {
            test::SqliteOutbox outbox(outboxFile);
            sent = fill(outbox, kioskId, 500);
        }
        auto work = dir / ("work-" + backend.name);
        std::vector<std::string> args = {test::executable("tests/sync/sync_test_kiosk").string(),
                                         city.url(), keyFile.string(), outboxFile.string(),
                                         work.string()};
        std::mt19937 random(11);
        int killed = 0, finished = 0;
        for (int round = 0; round < 12 && finished == 0; ++round) {
            pid_t pid = ::fork();
            if (pid == 0) {
                std::vector<char*> argv;
                for (auto& a : args)
                    argv.push_back(a.data());
                argv.push_back(nullptr);
                ::execv(argv[0], argv.data());
                ::_exit(127);
            }
            std::this_thread::sleep_for(
                std::chrono::milliseconds(std::uniform_int_distribution<int>(30, 150)(random)));
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid) {
                finished = 1;
                CHECK(WIFEXITED(status));
                CHECK(WEXITSTATUS(status) == 0);
                break;
            }
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            ++killed;
        }
        if (!finished) { // a last, undisturbed run
            auto last = test::runProgram(args);
            CHECK(last.exitCode == 0);
        }
        CHECK(killed >= 1);
        test::SqliteOutbox outbox(outboxFile);
        CHECK(outbox.count() == 0);
        auto store = passerelle::city::CityStore::open(backend.url, 1);
        REQUIRE(store);
        checkExactlyOnce(**store, kioskId, 500, sent);
    }
}
