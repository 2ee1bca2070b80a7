// The kiosk's sync client: refuses plain HTTP off-loopback, backs off with capped jitter, never
// trusts an answer that is not signed by the city (captive portals answer 200 too), deletes only
// acknowledged records, runs in the background, hands over verified configuration and packs
// (resuming downloads), enrols with a code, and roams learner progress.
#include "backends.h"
#include "city_process.h"
#include "sqlite_outbox.h"
#include "temp_dir.h"
#include "test_kiosk.h"

#include "passerelle/city/store/city_store.h"
#include "passerelle/common/files.h"
#include "passerelle/common/system_library.h"
#include "passerelle/sync/client/backoff.h"
#include "passerelle/sync/client/curl_library.h"
#include "passerelle/sync/client/http_transport.h"
#include "passerelle/sync/client/sync_client.h"
#include "passerelle/sync/protocol/signing.h"

#include <doctest/doctest.h>
#include <httplib.h>
#include <thread>

using namespace passerelle;
using namespace std::chrono_literals;

namespace {

template <class Predicate> bool eventually(Predicate predicate, std::chrono::seconds limit = 20s) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return predicate();
}

void fill(test::SqliteOutbox& outbox, const std::string& kioskId, int first, int count) {
    for (int s = first; s < first + count; ++s)
        outbox.add(test::sealedItem(kioskId, s));
}

// A server that answers like a captive portal or an impostor: 200 and a plausible body.
struct FakeCity {
    httplib::Server server;
    std::thread thread;
    int port = 0;
    explicit FakeCity(std::function<void(const httplib::Request&, httplib::Response&)> handler) {
        server.Post(".*", handler);
        server.Get(".*", handler);
        port = server.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { server.listen_after_bind(); });
    }
    ~FakeCity() {
        server.stop();
        thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

} // namespace

TEST_CASE("plain HTTP is refused except to loopback") {
    CHECK(sync::checkServerUrl("http://127.0.0.1:8470").empty());
    CHECK(sync::checkServerUrl("http://localhost:8470").empty());
    CHECK(sync::checkServerUrl("http://[::1]:8470").empty());
    CHECK(sync::checkServerUrl("https://city.example.org").empty());
    auto refusal = sync::checkServerUrl("http://city.example.org");
    CHECK(refusal.find("HTTPS") != std::string::npos);
    CHECK_FALSE(sync::checkServerUrl("ftp://city.example.org").empty());
    CHECK_FALSE(sync::checkServerUrl("not a url").empty());
    // Checked by hand (no curl at start-up): what staff may type into the Settings tab.
    CHECK(sync::checkServerUrl("HTTPS://City.Example.org:8443/api/").empty());
    CHECK(sync::checkServerUrl("http://127.0.0.1:8470/").empty());
    CHECK(sync::checkServerUrl("https://[2001:db8::1]:443").empty());
    CHECK(sync::checkServerUrl("http://LOCALHOST").empty());
    CHECK(sync::checkServerUrl("HTTP://City.Example.org").find("HTTPS") != std::string::npos);
    for (const char* bad : {"https://", "https://city example.org", "https://city.example.org:0",
                            "https://city.example.org:99999", "https://city.example.org:80a",
                            "https://[2001:db8::1", "https://city.example.org]", "://city.org",
                            "city.example.org", "https://ci|ty.org", ""}) {
        INFO(bad);
        CHECK(sync::checkServerUrl(bad).find("not a valid URL") != std::string::npos);
    }
    CHECK(sync::checkServerUrl("ftp://city.example.org").find("https://") != std::string::npos);

    test::TempDir dir;
    test::SqliteOutbox outbox(dir / "outbox.sqlite");
    auto key = SigningKeyPair::generate();
    fill(outbox, keyId(key.publicKey), 1, 2);
    sync::SyncClient client(test::testClientOptions("http://city.example.org", key, dir.path()),
                            outbox);
    auto status = client.status();
    CHECK(status.state == sync::SyncState::Refused);
    CHECK(status.lastError.find("refusing plain HTTP") != std::string::npos);
    CHECK_FALSE(client.syncOnce());
    CHECK(outbox.count() == 2);
}

TEST_CASE("libcurl is opened on first use; a missing library names the package to install") {
    auto curl = sync::curlLibrary();
    REQUIRE_MESSAGE(curl.has_value(), (curl ? "" : curl.error()));
    const bool resolved = (*curl)->easy_init != nullptr && (*curl)->easy_perform != nullptr;
    CHECK(resolved);
    CHECK(sync::curlLibrary().value() == *curl); // loaded once

    auto missing = SystemLibrary::open({"libpasserelle-absent.so.9"}, "libpasserelle-absent9");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().find("libpasserelle-absent.so.9") != std::string::npos);
    CHECK(missing.error().find("install the Debian package libpasserelle-absent9") !=
          std::string::npos);

    auto libc = SystemLibrary::open({"libpasserelle-absent.so.9", "libc.so.6"}, "libc6");
    REQUIRE(libc.has_value()); // the first name that loads
    int (*noSuchFunction)() = nullptr;
    CHECK_FALSE(libc->resolve(noSuchFunction, "passerelle_no_such_function"));
    CHECK(libc->missing().find("libc.so.6 has no function passerelle_no_such_function") !=
          std::string::npos);
}

TEST_CASE("backoff grows exponentially with jitter and stays under the cap") {
    sync::Backoff backoff(100ms, 1000ms);
    std::vector<std::pair<long, long>> bounds = {
        {50, 100}, {100, 200}, {200, 400}, {400, 800}, {500, 1000}};
    for (auto [low, high] : bounds) {
        auto d = backoff.next().count();
        CHECK(d >= low);
        CHECK(d <= high);
    }
    std::set<long> seen;
    for (int i = 0; i < 50; ++i) {
        auto d = backoff.next().count();
        CHECK(d <= 1000);
        CHECK(d >= 500);
        seen.insert(d);
    }
    CHECK(seen.size() > 5); // jittered, not a fixed delay
    backoff.reset();
    CHECK(backoff.next().count() <= 100);
}

TEST_CASE(
    "an unreachable city: the client backs off, reports it in plain words and keeps everything") {
    test::TempDir dir;
    test::SqliteOutbox outbox(dir / "outbox.sqlite");
    auto key = SigningKeyPair::generate();
    fill(outbox, keyId(key.publicKey), 1, 3);
    auto options =
        test::testClientOptions("http://127.0.0.1:9", key, dir.path()); // discard port: closed
    sync::SyncClient client(options, outbox);
    client.start();
    REQUIRE(eventually([&] { return client.status().failuresInARow >= 3; }));
    auto status = client.status();
    CHECK(status.state == sync::SyncState::Offline);
    CHECK(status.lastError.find("cannot be reached") != std::string::npos);
    CHECK(status.nextAttempt.has_value());
    CHECK(status.queueLength == 3);
    CHECK_FALSE(status.lastSuccess.has_value());
    client.stop();
    CHECK(client.status().state == sync::SyncState::Stopped);
    CHECK(outbox.count() == 3);
}

TEST_CASE("an answer not signed by the city deletes nothing (captive portal, impostor)") {
    test::TempDir dir;
    auto key = SigningKeyPair::generate();
    auto impostor = SigningKeyPair::generate();
    for (bool signedByImpostor : {false, true}) {
        CAPTURE(signedByImpostor);
        FakeCity fake([&](const httplib::Request& req, httplib::Response& res) {
            std::string body = R"({"acknowledged":[1,2,3],"conflicts":[]})";
            res.set_content(body, "application/json");
            if (signedByImpostor)
                res.set_header("X-Passerelle-City-Signature",
                               sync::signAnswer(impostor.secretKey, 200,
                                                req.get_header_value("X-Passerelle-Nonce"), body));
        });
        auto work = dir / (signedByImpostor ? "impostor" : "portal");
        std::filesystem::create_directories(work);
        test::SqliteOutbox outbox(work / "outbox.sqlite");
        fill(outbox, keyId(key.publicKey), 1, 3);
        auto options = test::testClientOptions(fake.url(), key, work);
        options.enrolmentCode.clear();
        sync::SyncClient client(options, outbox);
        auto result = client.syncOnce();
        REQUIRE_FALSE(result);
        CHECK(result.error().find("did not come from the city") != std::string::npos);
        CHECK(outbox.count() == 3);
        CHECK(client.status().state == sync::SyncState::Offline);
    }
}

TEST_CASE(
    "background sync against the real city: outbox, documents, configuration, packs, progress") {
    test::TempDir dir;
    test::Backend backend{"sqlite",
                          "sqlite://" + (dir / "city.sqlite").string()}; // the client is under test
    auto data = dir / "city";
    // A pack offered by the city (any bytes: the installer would verify its signature).
    std::string packBytes(300'000, '\0');
    for (std::size_t i = 0; i < packBytes.size(); ++i)
        packBytes[i] = static_cast<char>((i * 7919) % 251);
    REQUIRE(writeFileAtomic(dir / "demo.pack", packBytes));
    auto added =
        test::runProgram({test::executable("tools/admin/passerelle-admin").string(), "pack", "add",
                          (dir / "demo.pack").string(), "--data-dir", data.string()});
    REQUIRE_MESSAGE(added.exitCode == 0, added.err);
    test::CityProcess city(data, backend.url);

    auto key = SigningKeyPair::generate();
    auto kioskId = keyId(key.publicKey);
    test::SqliteOutbox outbox(dir / "outbox.sqlite");
    fill(outbox, kioskId, 1, 120);
    test::MemoryDocuments documents;
    documents.add({"stats-2026-11-29", "stats", R"({"sessions":12})"});
    documents.add({"audit-1", "audit", R"({"event":"staff-login"})"});
    std::vector<std::string> installedPacks, configs;
    std::mutex seenMutex;
    auto work = dir / "kiosk";
    // A half-downloaded pack from an earlier, interrupted sync: must be resumed, not restarted.
    std::filesystem::create_directories(work / "downloads");
    auto hash = blake2b256Hex(asBytes(packBytes));
    REQUIRE(writeFileAtomic(work / "downloads" / (hash + ".part"), packBytes.substr(0, 120'000)));

    sync::SyncClient client(
        test::testClientOptions(city.url(), key, work), outbox, &documents,
        [&](const std::filesystem::path& pack) -> std::expected<void, std::string> {
            std::lock_guard lock(seenMutex);
            installedPacks.push_back(*readFile(pack));
            return {};
        },
        [&](const std::string& json) -> std::expected<void, std::string> {
            std::lock_guard lock(seenMutex);
            configs.push_back(json);
            return {};
        });
    auto first = client.syncOnce(); // resumption must work on the first try
    REQUIRE_MESSAGE(first, (first ? "" : first.error()));
    CHECK(outbox.count() == 0);
    CHECK(documents.size() == 0);
    {
        std::lock_guard lock(seenMutex);
        REQUIRE(installedPacks.size() == 1);
        CHECK(installedPacks[0] == packBytes);
        REQUIRE(configs.size() == 1);
        CHECK(configs[0].find("DEMO CONFIGURATION") != std::string::npos);
    }

    client.start();
    fill(outbox, kioskId, 121, 30);
    client.syncNow();
    // The background cycle may start while the records are still being added: wait for the
    // status of the cycle that emptied the outbox (it is published after the deletion).
    REQUIRE(eventually([&] {
        auto s = client.status();
        return outbox.count() == 0 && s.completedSyncs >= 2 && s.uploadedTotal == 150 &&
               s.queueLength == 0 && s.state == sync::SyncState::Idle;
    }));
    auto status = client.status();
    CHECK(status.state != sync::SyncState::Offline);
    CHECK(status.lastError.empty());
    CHECK(status.lastSuccess.has_value());
    CHECK(status.uploadedTotal == 150);
    CHECK(status.queueLength == 0);
    {
        std::lock_guard lock(seenMutex);
        CHECK(installedPacks.size() == 1); // not handed over twice
        CHECK(configs.size() == 1);        // unchanged configuration: not applied again
    }

    std::string learner = blake2b256Hex(asBytes(std::string("LEARNER-42")));
    auto missing = client.fetchProgress(learner).get();
    REQUIRE(missing);
    CHECK_FALSE(missing->has_value());
    REQUIRE(client.pushProgress(learner, Bytes{0, 1, 2, 250}).get());
    auto fetched = client.fetchProgress(learner).get();
    REQUIRE(fetched);
    CHECK(**fetched == Bytes{0, 1, 2, 250});
    client.stop();

    auto store = passerelle::city::CityStore::open(backend.url, 1);
    REQUIRE(store);
    CHECK((*store)->submissions("report")->size() == 150);
    CHECK((*store)->documents(kioskId)->size() == 2);
    auto kiosks = test::runProgram(
        {test::executable("tools/admin/passerelle-admin").string(), "kiosks", "--db", backend.url});
    CHECK(kiosks.exitCode == 0);
    CHECK(kiosks.out.find(kioskId) != std::string::npos);
    CHECK(kiosks.out.find("150") != std::string::npos);
}

TEST_CASE(
    "a kiosk without enrolment waits for staff; a configuration signed by another key is refused") {
    test::TempDir dir;
    auto data = dir / "city";
    test::CityProcess city(data, "sqlite://" + (dir / "city.sqlite").string());
    auto key = SigningKeyPair::generate();
    test::SqliteOutbox outbox(dir / "outbox.sqlite");
    fill(outbox, keyId(key.publicKey), 1, 2);
    auto options = test::testClientOptions(city.url(), key, dir / "kiosk");
    options.enrolmentCode.clear();
    int applied = 0;
    sync::SyncClient client(options, outbox, nullptr, {},
                            [&](const std::string&) -> std::expected<void, std::string> {
                                ++applied;
                                return {};
                            });
    auto refused = client.syncOnce();
    REQUIRE_FALSE(refused);
    CHECK(client.status().state == sync::SyncState::NotEnrolled);
    CHECK(client.status().lastError.find("enrolment code") != std::string::npos);
    CHECK(outbox.count() == 2);

    // Staff enter a one-time code issued by passerelle-admin.
    auto code =
        test::runProgram({test::executable("tools/admin/passerelle-admin").string(), "enrol-code",
                          "--db", "sqlite://" + (dir / "city.sqlite").string()});
    REQUIRE(code.exitCode == 0);
    auto typed = code.out.substr(0, code.out.find('\n'));
    client.enrol("WRONG-CODE");
    CHECK_FALSE(client.syncOnce());
    CHECK(client.status().lastError.find("enrolment refused") != std::string::npos);
    client.enrol(typed);
    auto ok = client.syncOnce();
    REQUIRE_MESSAGE(ok, (ok ? "" : ok.error()));
    CHECK(outbox.count() == 0);
    CHECK(applied == 1); // the demo configuration, signed by the demo city key

    // The city publishes a configuration signed with a key the kiosk does not trust.
    REQUIRE(writeFileAtomic(dir / "config.json", R"({"city":"Partner"})"));
    auto set = test::runProgram({test::executable("tools/admin/passerelle-admin").string(),
                                 "config", "set", (dir / "config.json").string(), "--db",
                                 "sqlite://" + (dir / "city.sqlite").string(), "--signing-key",
                                 test::demoKey("partner-signing.secret").string()});
    REQUIRE_MESSAGE(set.exitCode == 0, set.err);
    auto wrongKey = client.syncOnce();
    REQUIRE_FALSE(wrongKey);
    CHECK(wrongKey.error().find("not signed by this city's key") != std::string::npos);
    CHECK(applied == 1);
}
