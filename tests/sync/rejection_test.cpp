// Every way a request to the city can be wrong is refused with the right status and stores
// nothing: unsigned, unknown kiosk, revoked kiosk, bad signature, stale timestamp, replayed
// nonce, oversized body, malformed body, wrong enrolment code. Real passerelle-city process, on
// SQLite and on PostgreSQL.
#include "backends.h"
#include "city_process.h"
#include "sqlite_outbox.h"
#include "temp_dir.h"
#include "test_kiosk.h"

#include "passerelle/city/store/city_store.h"
#include "passerelle/sync/client/http_transport.h"
#include "passerelle/sync/protocol/constants.h"
#include "passerelle/sync/protocol/signing.h"

#include <chrono>
#include <doctest/doctest.h>

using namespace passerelle;

namespace {

std::int64_t nowUnix() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct Sender {
    std::string url;
    sync::HttpTransport http;

    sync::HttpResponse raw(const std::string& method, const std::string& path,
                           const std::string& body,
                           std::vector<std::pair<std::string, std::string>> headers) {
        sync::HttpRequest request;
        request.method = method;
        request.url = url + path;
        request.body = body;
        request.headers = std::move(headers);
        auto response = http.perform(request);
        REQUIRE_MESSAGE(response, (response ? "" : response.error()));
        return *response;
    }

    static std::vector<std::pair<std::string, std::string>>
    headersOf(const sync::SignedHeaders& s) {
        return {{sync::kHeaderKiosk, s.kioskId},
                {sync::kHeaderTimestamp, s.timestamp},
                {sync::kHeaderNonce, s.nonce},
                {sync::kHeaderSignature, s.signature}};
    }

    sync::HttpResponse signedPost(const SigningKeyPair& key, const std::string& path,
                                  const std::string& body, std::int64_t timestamp = nowUnix()) {
        return raw("POST", path, body,
                   headersOf(sync::signRequest(key, "POST", path, body, timestamp)));
    }
};

std::string uploadOf(const std::string& kioskId, std::int64_t sequence) {
    auto item = test::sealedItem(kioskId, sequence);
    return sync::encode(
        sync::UploadRequest{{{item.sequence, item.sealed, item.createdAtUnix, item.serviceId}}});
}

std::string reasonOf(const sync::HttpResponse& response) {
    auto error = sync::decode<sync::ErrorAnswer>(response.body);
    return error ? error->reason : "(no error body: " + response.body + ")";
}

// Enrols `key` through the real client with the demo code.
void enrol(const std::string& url, const SigningKeyPair& key, const std::filesystem::path& work) {
    test::SqliteOutbox outbox(work / "outbox.sqlite");
    sync::SyncClient client(test::testClientOptions(url, key, work), outbox);
    auto ok = client.syncOnce();
    REQUIRE_MESSAGE(ok, (ok ? "" : ok.error()));
}

} // namespace

TEST_CASE("the city refuses every bad request and stores nothing") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        auto data = dir / ("city-" + backend.name);
        test::CityProcess city(data, backend.url, {"--max-body-bytes", "65536"});
        auto store = passerelle::city::CityStore::open(backend.url, 1);
        REQUIRE(store);
        auto stored = [&] { return (*store)->counts()->submissions; };
        Sender send{city.url(), {}};
        auto kiosk = SigningKeyPair::generate();
        auto kioskId = keyId(kiosk.publicKey);
        std::filesystem::create_directories(dir / ("k1-" + backend.name));
        enrol(city.url(), kiosk, dir / ("k1-" + backend.name));

        // The baseline: a correct request is stored, and its answer is signed by the city.
        auto body = uploadOf(kioskId, 1);
        auto signedHeaders = sync::signRequest(kiosk, "POST", sync::kPathOutbox, body, nowUnix());
        auto ok = send.raw("POST", sync::kPathOutbox, body, Sender::headersOf(signedHeaders));
        REQUIRE(ok.status == 200);
        CHECK(sync::verifyAnswer(test::demoCitySigningPublic(), 200, signedHeaders.nonce, ok.body,
                                 ok.header("x-passerelle-city-signature")));
        REQUIRE(stored() == 1);

        {
            INFO("unsigned");
            auto r = send.raw("POST", sync::kPathOutbox, uploadOf(kioskId, 2), {});
            CHECK(r.status == 401);
            CHECK(reasonOf(r) == "unsigned");
        }
        {
            INFO("replayed nonce: the exact same request again");
            auto r = send.raw("POST", sync::kPathOutbox, body, Sender::headersOf(signedHeaders));
            CHECK(r.status == 409);
            CHECK(reasonOf(r) == "replayed_nonce");
        }
        {
            INFO("unknown kiosk");
            auto stranger = SigningKeyPair::generate();
            auto r = send.signedPost(stranger, sync::kPathOutbox,
                                     uploadOf(keyId(stranger.publicKey), 2));
            CHECK(r.status == 401);
            CHECK(reasonOf(r) == "unknown_kiosk");
        }
        {
            INFO("bad signature: the body was changed after signing");
            auto s = sync::signRequest(kiosk, "POST", sync::kPathOutbox, uploadOf(kioskId, 2),
                                       nowUnix());
            auto r =
                send.raw("POST", sync::kPathOutbox, uploadOf(kioskId, 3), Sender::headersOf(s));
            CHECK(r.status == 401);
            CHECK(reasonOf(r) == "bad_signature");
            auto forged = sync::signRequest(SigningKeyPair::generate(), "POST", sync::kPathOutbox,
                                            uploadOf(kioskId, 2), nowUnix());
            forged.kioskId = kioskId; // claims to be our kiosk, signed with another key
            CHECK(
                send.raw("POST", sync::kPathOutbox, uploadOf(kioskId, 2), Sender::headersOf(forged))
                    .status == 401);
        }
        {
            INFO("stale or future timestamp");
            auto r =
                send.signedPost(kiosk, sync::kPathOutbox, uploadOf(kioskId, 2), nowUnix() - 600);
            CHECK(r.status == 401);
            CHECK(reasonOf(r) == "stale_timestamp");
            CHECK(send.signedPost(kiosk, sync::kPathOutbox, uploadOf(kioskId, 2), nowUnix() + 600)
                      .status == 401);
        }
        {
            INFO("oversized body");
            std::vector<sync::UploadRecord> many;
            for (int i = 2; i < 60; ++i)
                many.push_back({i, Bytes(2000, 7), 1, "report"});
            auto big = sync::encode(sync::UploadRequest{many});
            REQUIRE(big.size() > 65536);
            auto r = send.signedPost(kiosk, sync::kPathOutbox, big);
            CHECK(r.status == 413);
        }
        {
            INFO("malformed body, correctly signed");
            auto r = send.signedPost(kiosk, sync::kPathOutbox, R"({"records":[{"sequence":2}]})");
            CHECK(r.status == 400);
        }
        {
            INFO("wrong enrolment code");
            auto newcomer = SigningKeyPair::generate();
            auto request = sync::encode(
                sync::EnrolRequest{"WRNG-CODE-HERE", toBase64(newcomer.publicKey), "x"});
            auto r = send.signedPost(newcomer, sync::kPathEnrol, request);
            CHECK(r.status == 403);
            CHECK((*store)->kiosk(keyId(newcomer.publicKey))->has_value() == false);
            // And an enrolment signed by another key than the one it registers.
            auto request2 = sync::encode(
                sync::EnrolRequest{sync::kDemoEnrolmentCode, toBase64(newcomer.publicKey), "x"});
            auto s = sync::signRequest(SigningKeyPair::generate(), "POST", sync::kPathEnrol,
                                       request2, nowUnix());
            s.kioskId = keyId(newcomer.publicKey);
            CHECK(send.raw("POST", sync::kPathEnrol, request2, Sender::headersOf(s)).status == 401);
            CHECK((*store)->kiosk(keyId(newcomer.publicKey))->has_value() == false);
        }
        {
            INFO("revoked kiosk (revoked with passerelle-admin)");
            auto revoked =
                test::runProgram({test::executable("tools/admin/passerelle-admin").string(),
                                  "revoke", kioskId, "--db", backend.url});
            CHECK_MESSAGE(revoked.exitCode == 0, revoked.err);
            auto r = send.signedPost(kiosk, sync::kPathOutbox, uploadOf(kioskId, 2));
            CHECK(r.status == 403);
            CHECK(reasonOf(r) == "revoked_kiosk");
            // The refusal is signed by the city too, so the kiosk can trust and show it.
            CHECK_FALSE(r.header("x-passerelle-city-signature").empty());
        }
        CHECK(stored() == 1);
        auto documents = (*store)->counts()->documents;
        CHECK(documents == 0);
    }
}
