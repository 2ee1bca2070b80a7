// sync_bench: how fast the city ingests records, and how long a kiosk takes to empty a
// 10,000-record outbox over loopback. Real passerelle-city processes; medians of several runs.
//   usage: sync_bench [--runs N]   (PostgreSQL: PASSERELLE_TEST_PG_URL or the CI default)
// Needs PASSERELLE_SOURCE_DIR / PASSERELLE_BINARY_DIR or to be run from the build folder.
#include "backends.h"
#include "city_process.h"
#include "sqlite_outbox.h"
#include "temp_dir.h"
#include "test_kiosk.h"

#include "passerelle/sync/client/http_transport.h"
#include "passerelle/sync/client/sync_client.h"
#include "passerelle/sync/protocol/constants.h"
#include "passerelle/sync/protocol/signing.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

using namespace passerelle;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

std::int64_t nowUnix() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void enrol(const std::string& url, const SigningKeyPair& key, const std::filesystem::path& work) {
    std::filesystem::create_directories(work);
    test::SqliteOutbox outbox(work / "enrol-outbox.sqlite");
    sync::SyncClient client(test::testClientOptions(url, key, work), outbox);
    if (!client.syncOnce()) throw std::runtime_error("enrolment failed");
}

// Records/s: `threads` kiosks each post `batches` signed batches of `batchSize` records.
double ingestRate(const std::string& url, const test::TempDir& dir, int threads, int batches,
                  int batchSize) {
    std::vector<SigningKeyPair> keys;
    std::vector<std::vector<std::string>> bodies(static_cast<std::size_t>(threads));
    auto sealed = test::seal(test::submissionJson("0000000000000000", 1, "report"),
                             test::demoCitySealingPublic());
    for (int t = 0; t < threads; ++t) {
        keys.push_back(SigningKeyPair::generate());
        auto work = dir / ("k" + std::to_string(t) + "-" + std::to_string(std::rand()));
        std::filesystem::create_directories(work);
        enrol(url, keys.back(), work);
        for (int b = 0; b < batches; ++b) {
            sync::UploadRequest request;
            for (int i = 0; i < batchSize; ++i)
                request.records.push_back({b * batchSize + i + 1, sealed, 1'800'000'000, "report"});
            bodies[static_cast<std::size_t>(t)].push_back(sync::encode(request));
        }
    }
    auto start = Clock::now();
    std::vector<std::thread> workers;
    std::atomic<int> failures{0};
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            sync::HttpTransport http;
            for (const auto& body : bodies[static_cast<std::size_t>(t)]) {
                auto s = sync::signRequest(keys[static_cast<std::size_t>(t)], "POST",
                                           sync::kPathOutbox, body, nowUnix());
                sync::HttpRequest request;
                request.method = "POST";
                request.url = url + sync::kPathOutbox;
                request.body = body;
                request.headers = {{sync::kHeaderKiosk, s.kioskId},
                                   {sync::kHeaderTimestamp, s.timestamp},
                                   {sync::kHeaderNonce, s.nonce},
                                   {sync::kHeaderSignature, s.signature}};
                auto response = http.perform(request);
                if (!response || response->status != 200) ++failures;
            }
        });
    for (auto& w : workers)
        w.join();
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (failures) std::fprintf(stderr, "warning: %d batches failed\n", failures.load());
    return threads * batches * batchSize / seconds;
}

double syncOutboxSeconds(const std::string& url, const test::TempDir& dir, int records) {
    auto key = SigningKeyPair::generate();
    auto kioskId = keyId(key.publicKey);
    auto work = dir / ("kiosk-" + kioskId);
    std::filesystem::create_directories(work);
    test::SqliteOutbox outbox(work / "outbox.sqlite");
    for (int s = 1; s <= records; ++s)
        outbox.add(test::sealedItem(kioskId, s));
    enrol(url, key, work / "enrol"); // not part of the measured time
    auto options = test::testClientOptions(url, key, work);
    options.batchSize = 200;
    options.enrolmentCode.clear();
    sync::SyncClient client(options, outbox);
    auto start = Clock::now();
    auto ok = client.syncOnce();
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!ok || outbox.count() != 0)
        throw std::runtime_error("sync failed: " + (ok ? "records left" : ok.error()));
    return seconds;
}

} // namespace

int main(int argc, char** argv) {
    int runs = 5;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    initSodium();
    std::srand(static_cast<unsigned>(nowUnix()));
    test::TempDir dir("passerelle-sync-bench");
    std::printf("sync benchmark (%d runs each, medians; %u hardware threads)\n", runs,
                std::thread::hardware_concurrency());
    for (const auto& backend : test::backends(dir.path())) {
        test::CityProcess city(dir / ("city-" + backend.name), backend.url);
        std::vector<double> rates, syncs;
        for (int r = 0; r < runs; ++r)
            rates.push_back(ingestRate(city.url(), dir, 2, 10, 200));
        for (int r = 0; r < std::max(1, runs / 2); ++r)
            syncs.push_back(syncOutboxSeconds(city.url(), dir, 10'000));
        std::printf("%-10s ingest: %8.0f records/s (2 kiosks x 10 batches x 200 records; min %.0f, "
                    "max %.0f)\n",
                    backend.name.c_str(), median(rates),
                    *std::min_element(rates.begin(), rates.end()),
                    *std::max_element(rates.begin(), rates.end()));
        std::printf("%-10s sync of a 10,000-record outbox over loopback: %.2f s (median of %zu; "
                    "%.0f records/s)\n",
                    backend.name.c_str(), median(syncs), syncs.size(), 10'000 / median(syncs));
    }
    test::dropTestSchemas();
    return 0;
}
