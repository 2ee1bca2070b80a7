// End to end: a resident's answers are sealed at the kiosk to the (demo) city key, synced to a
// real passerelle-city, and `passerelle-admin export` gives back exactly what was typed — in JSON
// and in CSV — on SQLite and on PostgreSQL. With a wrong key, nothing is shown and it says why.
#include "backends.h"
#include "city_process.h"
#include "sqlite_outbox.h"
#include "temp_dir.h"
#include "test_kiosk.h"

#include "passerelle/common/files.h"
#include "passerelle/sync/client/http_transport.h"
#include "passerelle/sync/client/sync_client.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace passerelle;
using Json = nlohmann::ordered_json;

namespace {

// What two residents typed (accents, commas, quotes, a new line, a list, Arabic).
Json typed(const std::string& kioskId, std::int64_t sequence, const std::string& service,
           Json answers) {
    return Json{{"v", 1},
                {"kiosk", kioskId},
                {"sequence", sequence},
                {"service", service},
                {"pack", "demo-city@1.2.0"},
                {"reference", "PAS-" + std::to_string(1000 + sequence)},
                {"submitted_at", "2026-11-29T14:03:27Z"},
                {"language", "fr"},
                {"assisted", sequence == 2},
                {"mediator", sequence == 2 ? Json("Mme Dupont") : Json(nullptr)},
                {"answers", answers}};
}

} // namespace

TEST_CASE("passerelle-admin export returns exactly what the resident typed") {
    test::TempDir dir;
    for (const auto& backend : test::backends(dir.path())) {
        CAPTURE(backend.name);
        test::CityProcess city(dir / ("city-" + backend.name), backend.url);
        auto key = SigningKeyPair::generate();
        auto kioskId = keyId(key.publicKey);
        std::vector<Json> residents = {
            typed(kioskId, 1, "street-report",
                  {{"where", "12, rue de l'Église — près du « marché »"},
                   {"what", "Lampadaire cassé\nà côté du \"banc\""},
                   {"kinds", Json::array({"lighting", "safety"})}}),
            typed(kioskId, 2, "street-report",
                  {{"where", "شارع الحرية 5"},
                   {"what", "Nid-de-poule"},
                   {"kinds", Json::array({"road"})}}),
            typed(kioskId, 3, "certificate", {{"name", "Zoé Martin"}}),
        };
        test::SqliteOutbox outbox(dir / ("outbox-" + backend.name + ".sqlite"));
        for (const auto& r : residents) {
            auto sealed = test::seal(r.dump(), test::demoCitySealingPublic());
            outbox.add(
                {r["sequence"].get<std::int64_t>(), kioskId, sealed, 1'800'000'000, r["service"]});
        }
        sync::SyncClient client(
            test::testClientOptions(city.url(), key, dir / ("kiosk-" + backend.name)), outbox);
        auto synced = client.syncOnce();
        REQUIRE_MESSAGE(synced, (synced ? "" : synced.error()));
        REQUIRE(outbox.count() == 0);

        auto admin = test::executable("tools/admin/passerelle-admin").string();
        auto secret = test::demoKey("city-sealing.secret").string();
        auto json = test::runProgram({admin, "export", "--db", backend.url, "--service",
                                      "street-report", "--format", "json", "--key", secret});
        REQUIRE_MESSAGE(json.exitCode == 0, json.err);
        auto exported = Json::parse(json.out);
        REQUIRE(exported.size() == 2);
        CHECK(exported[0] == residents[0]);
        CHECK(exported[1] == residents[1]);
        CHECK(exported[0]["answers"]["where"] == "12, rue de l'Église — près du « marché »");

        auto csv = test::runProgram({admin, "export", "--db", backend.url, "--service",
                                     "street-report", "--format", "csv", "--key", secret});
        REQUIRE_MESSAGE(csv.exitCode == 0, csv.err);
        CHECK(
            csv.out ==
            "kiosk,sequence,service,pack,reference,submitted_at,language,assisted,mediator,where,"
            "what,"
            "kinds\r\n" +
                kioskId +
                ",1,street-report,demo-city@1.2.0,PAS-1001,2026-11-29T14:03:27Z,fr,false,,"
                "\"12, rue de l'Église — près du « marché »\",\"Lampadaire cassé\nà côté du "
                "\"\"banc\"\"\",lighting; safety\r\n" +
                kioskId +
                ",2,street-report,demo-city@1.2.0,PAS-1002,2026-11-29T14:03:27Z,fr,true,Mme Dupont,"
                "شارع الحرية 5,Nid-de-poule,road\r\n");

        auto other = test::runProgram({admin, "export", "--db", backend.url, "--service",
                                       "certificate", "--format", "json", "--key", secret});
        REQUIRE(other.exitCode == 0);
        CHECK(Json::parse(other.out) == Json::array({residents[2]}));

        // A wrong key decrypts nothing, says so, and fails.
        auto wrongKeyDir = dir / ("wrong-" + backend.name);
        auto made = test::runProgram({admin, "keys", "create", "--out", wrongKeyDir.string()});
        REQUIRE(made.exitCode == 0);
        auto wrong = test::runProgram({admin, "export", "--db", backend.url, "--service",
                                       "street-report", "--format", "json", "--key",
                                       (wrongKeyDir / "city-sealing.secret").string()});
        CHECK(wrong.exitCode != 0);
        CHECK(wrong.err.find("cannot be decrypted with this key") != std::string::npos);
        CHECK(Json::parse(wrong.out).empty());
    }
}

TEST_CASE("passerelle-admin keys create makes usable city keys and never overwrites them") {
    test::TempDir dir;
    auto admin = test::executable("tools/admin/passerelle-admin").string();
    auto made = test::runProgram({admin, "keys", "create", "--out", (dir / "keys").string()});
    REQUIRE_MESSAGE(made.exitCode == 0, made.err);
    auto sealing = readSecretKeyFile(dir / "keys/city-sealing.secret", KeyKind::X25519Secret);
    auto sealingPublic = readPublicKeyFile(dir / "keys/city-sealing.public", KeyKind::X25519Public);
    auto signing = readSecretKeyFile(dir / "keys/city-signing.secret", KeyKind::Ed25519Secret);
    REQUIRE(sealing);
    REQUIRE(sealingPublic);
    REQUIRE(signing);
    CHECK((std::filesystem::status(dir / "keys/city-sealing.secret").permissions() &
           std::filesystem::perms::others_read) == std::filesystem::perms::none);
    auto again = test::runProgram({admin, "keys", "create", "--out", (dir / "keys").string()});
    CHECK(again.exitCode != 0);
    CHECK(again.err.find("refusing to overwrite") != std::string::npos);
    CHECK(*readSecretKeyFile(dir / "keys/city-sealing.secret", KeyKind::X25519Secret) == *sealing);

    auto help =
        test::runProgram({test::executable("sync/server/passerelle-city").string(), "--help"});
    CHECK(help.exitCode == 0);
    CHECK(help.out.find("--data-dir") != std::string::npos);
    auto version =
        test::runProgram({test::executable("sync/server/passerelle-city").string(), "--version"});
    CHECK(version.out.find("passerelle-city 0.") == 0);
    auto bad = test::runProgram(
        {test::executable("sync/server/passerelle-city").string(), "--listen", "nowhere"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("HOST:PORT") != std::string::npos);
}

TEST_CASE("passerelle-city reads its config file; command-line options win; a bad line is named") {
    test::TempDir dir;
    auto admin = test::executable("tools/admin/passerelle-admin").string();
    REQUIRE(
        test::runProgram({admin, "keys", "create", "--out", (dir / "keys").string()}).exitCode ==
        0);
    auto signing = readPublicKeyFile(dir / "keys/city-signing.public", KeyKind::Ed25519Public);
    REQUIRE(signing);
    REQUIRE(writeFileAtomic(dir / "city.conf",
                            "# the city's own keys, not the demo ones\n"
                            "signing-key = " +
                                (dir / "keys/city-signing.secret").string() +
                                "\nlisten = 127.0.0.1:1   # overridden by --listen\n"));
    test::CityProcess city(dir / "data", "sqlite://" + (dir / "city.sqlite").string(),
                           {"--config", (dir / "city.conf").string()});
    sync::HttpTransport http;
    sync::HttpRequest health;
    health.url = city.url() + "/health";
    auto ok = http.perform(health);
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(ok->body.find("\"status\":\"ok\"") != std::string::npos);
    sync::HttpRequest unsignedRequest;
    unsignedRequest.url = city.url() + "/v1/config";
    auto refused = http.perform(unsignedRequest);
    REQUIRE(refused);
    CHECK(refused->status == 401);
    CHECK(refused->header("x-passerelle-city-key") ==
          keyId(*signing)); // answers signed with the file's key

    REQUIRE(writeFileAtomic(dir / "bad.conf", "data-dir = /tmp\nthis line has no equals sign\n"));
    auto bad = test::runProgram({test::executable("sync/server/passerelle-city").string(),
                                 "--config", (dir / "bad.conf").string()});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("line 2") != std::string::npos);
}
