// After a resident typed a name, a phone number and an ID number and submitted, none of those
// bytes is anywhere under the data folder, and the sealed record opens with the city key — in
// C++ and with an independent reader (Debian's python3-nacl).
#include "core/identity/kiosk_config.h"
#include "core/identity/kiosk_identity.h"
#include "core/session/session.h"
#include "core_test_support.h"
#include "temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace passerelle;
using passerelle::test::TempDir;

namespace {

const std::string kName = "Zéphyrine Quastelbaum-Okonkwo";
const std::string kPhone = "+33 6 71 42 93 58";
const std::string kIdNumber = "X4R7-99210-QZ";

std::vector<std::string> leaksIn(const std::filesystem::path& dataDir) {
    std::vector<std::string> leaks;
    for (const auto& file : test::filesUnder(dataDir))
        for (const auto* needle : {&kName, &kPhone, &kIdNumber})
            if (test::fileContains(file, *needle))
                leaks.push_back(file.filename().string() + " contains " + *needle);
    return leaks;
}

} // namespace

TEST_CASE("privacy: nothing a resident typed reaches the disk; the city can read the submission") {
    TempDir dir;
    const auto dataDir = dir.path() / "data";
    auto identity = KioskIdentity::loadOrCreate(dataDir);
    REQUIRE(identity.has_value());
    auto config = KioskConfig::demo(test::demoKeysDir());
    REQUIRE(config.has_value());
    config->kioskName = "Privacy Test Kiosk Canary";
    REQUIRE(config->save(dataDir).has_value());

    auto opened = Store::open(dataDir);
    REQUIRE(opened.has_value());
    auto store = std::move(*opened);
    Sealer sealer(config->citySealingKey);

    Session session;
    REQUIRE(session.begin("fr", false).has_value());
    REQUIRE(store->countSessionStarted("fr", false).has_value());
    REQUIRE(store->countServiceStarted("residence-card").has_value());
    REQUIRE(session.setAnswer("full_name", kName).has_value());
    REQUIRE(session.setAnswer("phone", kPhone).has_value());
    REQUIRE(session.setAnswer("id_number", kIdNumber).has_value());
    auto receipt = session.seal({identity->kioskId, "residence-card", "city-services", "2.0.1"},
                                sealer, *store);
    REQUIRE_MESSAGE(receipt.has_value(), (receipt ? "" : receipt.error()));
    REQUIRE(store->countServiceCompleted("residence-card").has_value());
    session.end(EndReason::Finished);

    // The scan itself works: a non-personal string we know is on disk is found.
    bool canaryFound = false;
    for (const auto& file : test::filesUnder(dataDir))
        canaryFound = canaryFound || test::fileContains(file, "Privacy Test Kiosk Canary");
    REQUIRE(canaryFound);

    // While the database is open (WAL and shared-memory files present) ...
    REQUIRE(std::filesystem::exists(dataDir / "kiosk.db-wal"));
    CHECK(leaksIn(dataDir).empty());

    // The C++ reader with the city secret key (held by the test, never in the data folder).
    auto record = store->pendingOutbox(1).value().at(0);
    auto plain =
        test::openSealed(record.sealed, config->citySealingKey, test::demoCitySealingSecret());
    REQUIRE(plain.has_value());
    auto doc = nlohmann::json::parse(*plain);
    CHECK(doc["answers"]["full_name"] == kName);
    CHECK(doc["answers"]["phone"] == kPhone);
    CHECK(doc["answers"]["id_number"] == kIdNumber);
    CHECK(doc["kiosk"] == identity->kioskId);
    CHECK(doc["reference"] == receipt->referenceCode);

    // ... and after the kiosk closed it.
    store.reset();
    CHECK(leaksIn(dataDir).empty());

    // The independent reader: Debian's python3 with python3-nacl reads the outbox straight from
    // the SQLite file and opens the sealed box with the demo city secret key.
    const auto script = dir.path() / "open_outbox.py";
    {
        std::ofstream out(script);
        out << R"py(import base64, sqlite3, sys
import nacl.public
key_line = [l for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')][0]
secret = nacl.public.PrivateKey(base64.b64decode(key_line.split()[1]))
db = sqlite3.connect('file:' + sys.argv[2] + '?mode=ro', uri=True)
for (sealed,) in db.execute('SELECT sealed FROM outbox ORDER BY sequence'):
    sys.stdout.write(nacl.public.SealedBox(secret).decrypt(sealed).decode('utf-8') + '\n')
)py";
    }
    auto result = test::runCommand("/usr/bin/python3 '" + script.string() + "' '" +
                                   (test::demoKeysDir() / "city-sealing.secret").string() + "' '" +
                                   (dataDir / "kiosk.db").string() + "'");
    REQUIRE_MESSAGE(result.exitCode == 0, result.output);
    auto pyDoc = nlohmann::json::parse(result.output);
    CHECK(pyDoc == doc);
    CHECK(pyDoc["answers"]["full_name"] == kName);
}
