// The city store's rules, identical on SQLite and PostgreSQL: idempotent ingestion enforced by
// the database, conflicts keep the original, one-time enrolment codes, revocation, nonces.
#include "backends.h"
#include "temp_dir.h"
#include "test_kiosk.h"

#include "passerelle/city/store/city_store.h"

#include <doctest/doctest.h>
#include <thread>

using namespace passerelle;
using passerelle::city::CityStore;

namespace {

constexpr std::int64_t kNow = 1'800'000'000;

std::unique_ptr<CityStore> openStore(const test::Backend& backend) {
    auto store = CityStore::open(backend.url, 4);
    if (!store) FAIL("cannot open " << backend.name << ": " << store.error());
    return std::move(*store);
}

std::vector<sync::UploadRecord> records(std::int64_t first, std::int64_t count,
                                        const std::string& tag = "a") {
    std::vector<sync::UploadRecord> out;
    for (auto s = first; s < first + count; ++s)
        out.push_back({s, test::seal(tag + std::to_string(s), test::demoCitySealingPublic()), kNow,
                       "report"});
    return out;
}

std::string enrolKiosk(CityStore& store, const SigningKeyPair& kiosk) {
    REQUIRE(store.addEnrolmentCode("ABCD-EFGH-JKMN", kNow + 3600, false, kNow));
    auto id = store.enrol("abcd efgh jkmn", kiosk.publicKey, "library", kNow);
    REQUIRE(id);
    return *id;
}

} // namespace

TEST_CASE("the database URL chooses the backend and never shows a password") {
    auto pg = city::parseDatabaseUrl("postgresql://u:secret@h:5432/db?schema=t1&sslmode=disable");
    REQUIRE(pg);
    CHECK(pg->dialect == city::Dialect::Postgres);
    CHECK(pg->schema == "t1");
    CHECK(pg->target == "postgresql://u:secret@h:5432/db?sslmode=disable");
    CHECK(pg->describe().find("secret") == std::string::npos);
    auto lite = city::parseDatabaseUrl("sqlite:///var/lib/x/city.sqlite");
    REQUIRE(lite);
    CHECK(lite->target == "/var/lib/x/city.sqlite");
    CHECK_FALSE(city::parseDatabaseUrl("mysql://x/y"));
    CHECK_FALSE(CityStore::open("sqlite:///nonexistent-folder/deeper/city.sqlite"));
}

TEST_CASE("uploads are stored once per (kiosk, sequence); a different body is a conflict that "
          "keeps the original") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        auto store = openStore(backend);
        auto kiosk = enrolKiosk(*store, SigningKeyPair::generate());
        auto batch = records(1, 10);
        auto first = store->ingest(kiosk, batch, kNow);
        REQUIRE(first);
        CHECK(first->newlyStored == 10);
        CHECK(first->acknowledged.size() == 10);

        auto again = store->ingest(kiosk, batch, kNow + 1); // a duplicate delivery
        REQUIRE(again);
        CHECK(again->newlyStored == 0);
        CHECK(again->duplicates == 10);
        CHECK(again->acknowledged.size() == 10);

        auto twice = records(11, 1);
        twice.push_back(twice.front()); // the same record twice in one batch
        auto repeated = store->ingest(kiosk, twice, kNow);
        REQUIRE(repeated);
        CHECK(repeated->newlyStored == 1);
        CHECK(repeated->acknowledged == std::vector<std::int64_t>{11, 11});
        CHECK(store->submissions("report")->size() == 11);

        auto different = records(5, 1, "b"); // same sequence 5, other bytes
        auto conflict = store->ingest(kiosk, different, kNow + 2);
        REQUIRE(conflict);
        CHECK(conflict->acknowledged.empty());
        CHECK(conflict->conflicts == std::vector<std::int64_t>{5});

        auto stored = store->submissions("report");
        REQUIRE(stored);
        REQUIRE(stored->size() == 11);
        CHECK((*stored)[4].sequence == 5);
        CHECK((*stored)[4].sealed == batch[4].sealed); // the original is kept
        CHECK(store->conflictCount() == 1);
        CHECK(store->submissions("other-service")->empty());
        // Another kiosk may use the same sequence numbers.
        REQUIRE(store->addEnrolmentCode("ZZZZ-ZZZZ-ZZZZ", kNow + 3600, false, kNow));
        auto other =
            store->enrol("ZZZZ-ZZZZ-ZZZZ", SigningKeyPair::generate().publicKey, "town hall", kNow);
        REQUIRE(other);
        CHECK(store->ingest(*other, batch, kNow)->newlyStored == 10);
        CHECK(store->submissions("")->size() == 21);
    }
}

TEST_CASE("concurrent deliveries of the same batch store each record exactly once") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        auto store = openStore(backend);
        auto kiosk = enrolKiosk(*store, SigningKeyPair::generate());
        auto batch = records(1, 100);
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                auto result = store->ingest(kiosk, batch, kNow);
                if (!result || result->acknowledged.size() != 100) ++failures;
            });
        for (auto& t : threads)
            t.join();
        CHECK(failures == 0);
        CHECK(store->submissions("report")->size() == 100);
        CHECK(store->counts()->submissions == 100);
    }
}

TEST_CASE("enrolment codes work once, expire, and a revoked kiosk cannot come back") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        auto store = openStore(backend);
        REQUIRE(store->addEnrolmentCode("AAAA-BBBB-CCCC", kNow + 60, false, kNow));
        auto first = SigningKeyPair::generate(), second = SigningKeyPair::generate();
        auto id = store->enrol("AAAA-BBBB-CCCC", first.publicKey, "library", kNow);
        REQUIRE(id);
        CHECK(*id == keyId(first.publicKey));
        // The same kiosk again with its code (its first answer was lost): enrolled, still once.
        CHECK(store->enrol("AAAA-BBBB-CCCC", first.publicKey, "library", kNow + 1) == *id);
        auto reused = store->enrol("AAAA-BBBB-CCCC", second.publicKey, "thief", kNow);
        REQUIRE_FALSE(reused);
        CHECK(reused.error().failure == city::EnrolFailure::BadCode);
        CHECK(reused.error().message.find("already used") != std::string::npos);

        REQUIRE(store->addEnrolmentCode("DDDD-EEEE-FFFF", kNow + 60, false, kNow));
        CHECK_FALSE(store->enrol("DDDD-EEEE-FFFF", second.publicKey, "late", kNow + 61)); // expired
        CHECK_FALSE(store->enrol("NOPE-NOPE-NOPE", second.publicKey, "guess", kNow));

        REQUIRE(store->addEnrolmentCode("DEMO-DEMO-DEMO", kNow + 60, true,
                                        kNow)); // reusable (demo only)
        CHECK(store->enrol("DEMO-DEMO-DEMO", second.publicKey, "demo 1", kNow));
        CHECK(store->enrol("DEMO-DEMO-DEMO", SigningKeyPair::generate().publicKey, "demo 2", kNow));

        CHECK(store->revoke(*id, kNow + 5) == true);
        CHECK(store->revoke("0000000000000000", kNow) == false);
        auto kiosk = store->kiosk(*id);
        REQUIRE(kiosk);
        REQUIRE(kiosk->has_value());
        CHECK((*kiosk)->revokedAt == kNow + 5);
        CHECK((*kiosk)->publicKey == first.publicKey);
        REQUIRE(store->addEnrolmentCode("GGGG-HHHH-JJJJ", kNow + 600, false, kNow));
        auto back = store->enrol("GGGG-HHHH-JJJJ", first.publicKey, "library", kNow + 10);
        REQUIRE_FALSE(back);
        CHECK(back.error().failure == city::EnrolFailure::Revoked);
        CHECK(store->kiosks()->size() == 3);
    }
}

TEST_CASE("a nonce is accepted once per kiosk") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        auto store = openStore(backend);
        CHECK(store->acceptNonce("aaaaaaaaaaaaaaaa", "n1", kNow) == true);
        CHECK(store->acceptNonce("aaaaaaaaaaaaaaaa", "n1", kNow + 1) == false);
        CHECK(store->acceptNonce("bbbbbbbbbbbbbbbb", "n1", kNow) == true);
    }
}

TEST_CASE("documents, learner progress and configuration are kept per their keys") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        auto store = openStore(backend);
        std::vector<sync::Document> docs{{"stats-1", "stats", R"({"sessions":3})"},
                                         {"audit-1", "audit", "{}"}};
        CHECK(store->storeDocuments("k1", docs, kNow)->size() == 2);
        CHECK(store->storeDocuments("k1", docs, kNow)->size() ==
              2); // re-sent: acknowledged, not doubled
        CHECK(store->documents("k1")->size() == 2);
        auto stored = *store->documents("k1");
        auto stats = std::find_if(stored.begin(), stored.end(),
                                  [](const auto& d) { return d.id == "stats-1"; });
        REQUIRE(stats != stored.end());
        CHECK(stats->kind == "stats");
        CHECK(stats->json == R"({"sessions":3})");

        std::string learner(64, 'a');
        CHECK(store->progress(learner)->has_value() == false);
        REQUIRE(store->putProgress(learner, Bytes{9, 8, 7, 0, 255}, "k1", kNow));
        REQUIRE(store->putProgress(learner, Bytes{1, 0, 2}, "k2", kNow + 1));
        CHECK(**store->progress(learner) == Bytes{1, 0, 2});

        CHECK_FALSE(store->config("k1")->has_value());
        REQUIRE(store->setConfig("default", "everyone", kNow));
        REQUIRE(store->setConfig("k2", "only k2", kNow));
        CHECK(**store->config("k1") == "everyone");
        CHECK(**store->config("k2") == "only k2");
    }
}
