// The kiosk makes its own identity at first start and never takes in a demo secret key.
#include "core/identity/kiosk_config.h"
#include "core/identity/kiosk_identity.h"
#include "core/session/session.h"
#include "core/store/store.h"
#include "core_test_support.h"
#include "passerelle/common/files.h"
#include "temp_dir.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace passerelle;
using passerelle::test::TempDir;

TEST_CASE("first start makes an Ed25519 identity: secret 0600, public next to it, stable id") {
    TempDir dir;
    auto first = KioskIdentity::loadOrCreate(dir.path());
    REQUIRE(first.has_value());
    struct stat info {};
    REQUIRE(::stat((dir / "identity.secret").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(first->kioskId.size() == 16);
    CHECK(first->kioskId == keyId(first->keys.publicKey));
    auto pub = readPublicKeyFile(dir / "identity.public", KeyKind::Ed25519Public);
    REQUIRE(pub.has_value());
    CHECK(*pub == first->keys.publicKey);

    // It signs, and the signature verifies with the public key.
    auto signature = signDetached(first->keys.secretKey, asBytes("sync request"));
    CHECK(verifyDetached(first->keys.publicKey, signature, asBytes("sync request")));

    auto again = KioskIdentity::loadOrCreate(dir.path());
    REQUIRE(again.has_value());
    CHECK(again->kioskId == first->kioskId);

    TempDir other;
    CHECK(KioskIdentity::loadOrCreate(other.path())->kioskId != first->kioskId);
}

TEST_CASE("identity problems are reported, never silently replaced by a new identity") {
    TempDir dir;
    auto first = KioskIdentity::loadOrCreate(dir.path());
    REQUIRE(first.has_value());
    std::filesystem::remove(dir / "identity.public");
    CHECK(KioskIdentity::loadOrCreate(dir.path())->kioskId == first->kioskId); // rebuilt

    ::chmod((dir / "identity.secret").c_str(), 0644);
    REQUIRE(KioskIdentity::loadOrCreate(dir.path()).has_value());
    struct stat info {};
    ::stat((dir / "identity.secret").c_str(), &info);
    CHECK((info.st_mode & 0777) == 0600); // tightened

    auto stranger = SigningKeyPair::generate();
    REQUIRE(writeKeyFile(dir / "identity.public", KeyKind::Ed25519Public, stranger.publicKey));
    auto mismatch = KioskIdentity::loadOrCreate(dir.path());
    REQUIRE_FALSE(mismatch.has_value());
    CHECK(mismatch.error().find("does not match") != std::string::npos);

    std::filesystem::remove(dir / "identity.secret");
    auto missing = KioskIdentity::loadOrCreate(dir.path());
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().find("missing") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "identity.secret"));
}

TEST_CASE("a demo kiosk's first start writes no secret key other than its own identity") {
    TempDir dir;
    const auto dataDir = dir.path() / "data";
    auto config = KioskConfig::demo(test::demoKeysDir());
    REQUIRE(config.has_value());
    REQUIRE(config->save(dataDir).has_value());
    REQUIRE(KioskIdentity::loadOrCreate(dataDir).has_value());
    auto store = Store::open(dataDir);
    REQUIRE(store.has_value());
    Session session;
    REQUIRE(session.begin("fr", false).has_value());
    REQUIRE(session.setAnswer("f", "v").has_value());
    REQUIRE(session.seal({"k", "svc", "pack", "1.0"}, Sealer(config->citySealingKey), **store));
    session.end(EndReason::Finished);

    std::vector<std::string> secrets;
    for (const auto& file : test::filesUnder(dataDir))
        if (file.extension() == ".secret") secrets.push_back(file.filename().string());
    CHECK(secrets == std::vector<std::string>{"identity.secret"});

    // No demo secret key bytes anywhere either, whatever the file name.
    for (const char* name :
         {"city-sealing.secret", "city-signing.secret", "partner-signing.secret"}) {
        auto text = readFile(test::demoKeysDir() / name).value();
        auto line = text.substr(text.rfind('\n', text.size() - 2) + 1);
        auto base64 = line.substr(line.find(' ') + 1, 44);
        REQUIRE(base64.size() == 44);
        for (const auto& file : test::filesUnder(dataDir))
            CHECK_MESSAGE(!test::fileContains(file, base64), file << " holds " << name);
    }
}
