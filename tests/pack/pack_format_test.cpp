// The pack file format: what a kiosk accepts and every way a pack is refused.
#include "pack_fixtures.h"
#include "temp_dir.h"

#include "core/pack/limits.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using namespace passerelle;
using namespace passerelle::test;

namespace {

std::string refusal(const std::filesystem::path& path,
                    const std::vector<pack::TrustedKey>& trusted = trustCity()) {
    auto opened = pack::openPack(path, trusted);
    REQUIRE_MESSAGE(!opened.has_value(), "the pack was accepted but should have been refused");
    return opened.error();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("a signed pack opens with exactly the content that was written") {
    TempDir dir;
    auto source = samplePack();
    auto path = writeSigned(source, dir / "test.ppack");
    auto opened = pack::openPack(path, trustCity());
    REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error()));
    const pack::Pack& p = **opened;
    CHECK(p.manifest().id == "org.example.test");
    CHECK(p.manifest().version == pack::SemVer{1, 0, 0});
    CHECK(p.manifest().languages == std::vector<std::string>{"en", "fr"});
    CHECK(p.manifest().publisherKeyId == keyId(demoPublicKey("city-signing")));
    CHECK(p.manifest().title == source.manifest.title);
    CHECK(p.signerName() == "City (demo)");
    REQUIRE(p.lessons().size() == 1);
    CHECK(p.lessons()[0] == source.lessons[0]);
    REQUIRE(p.flows().size() == 1);
    CHECK(p.flows()[0] == source.flows[0]);
    auto media = p.readMedia("dot.png");
    REQUIRE(media.has_value());
    CHECK(*media == source.media[0].bytes);
    CHECK_FALSE(p.readMedia("nothing.png").has_value());
    // Fallback to the pack's first language for a language it lacks.
    CHECK(p.text(p.lessons()[0].title, "fr") == "Toucher");
    CHECK(p.text(p.lessons()[0].title, "ar") == "Tapping");
}

TEST_CASE("the signature covers the logical content, not SQLite's page layout") {
    TempDir dir;
    auto path = writeSigned(samplePack(), dir / "test.ppack");
    auto before = pack::openPack(path, trustCity());
    REQUIRE(before.has_value());
    auto bytesBefore = readAll(path);
    // Same rows, stored in a different physical order and with different free space.
    execSql(
        path,
        "CREATE TABLE scratch AS SELECT * FROM strings; DELETE FROM strings; "
        "INSERT INTO strings SELECT * FROM scratch ORDER BY key DESC; DROP TABLE scratch; VACUUM;");
    CHECK(readAll(path) != bytesBefore);
    auto after = pack::openPack(path, trustCity());
    REQUIRE_MESSAGE(after.has_value(), (after ? "" : after.error()));
    CHECK((*after)->contentHash() == (*before)->contentHash());
}

TEST_CASE("an unsigned pack is refused") {
    TempDir dir;
    REQUIRE(pack::writePack(samplePack(), dir / "unsigned.ppack"));
    CHECK(contains(refusal(dir / "unsigned.ppack"), "is not signed"));
}

TEST_CASE("a pack signed by a key the kiosk does not trust is refused") {
    TempDir dir;
    auto path = writeSigned(samplePack(), dir / "partner.ppack", "partner-signing");
    CHECK(contains(refusal(path, trustCity()), "unknown publisher"));
    CHECK(pack::openPack(path, trustCityAndPartner()).has_value());
}

TEST_CASE("a bad signature is refused") {
    TempDir dir;
    auto path = writeSigned(samplePack(), dir / "test.ppack");
    // Flip one bit of the stored signature.
    std::string hex = queryText(path, "SELECT hex(signature) FROM signature");
    REQUIRE(hex.size() == 128);
    hex[20] = hex[20] == '0' ? '1' : '0';
    execSql(path, "UPDATE signature SET signature = X'" + hex + "'");
    auto error = refusal(path);
    CHECK(
        (contains(error, "signature does not match") || contains(error, "signature is malformed")));
}

TEST_CASE("content changed after signing is refused") {
    TempDir dir;
    auto path = writeSigned(samplePack(), dir / "test.ppack");
    SUBCASE("a text") {
        execSql(path, "UPDATE strings SET text = 'Call 0899 123 456 now' WHERE key LIKE "
                      "'%slide/1/text' AND language = 'en'");
    }
    SUBCASE("a new row") {
        execSql(path, "INSERT INTO strings VALUES ('extra', 'en', 'x')");
    }
    SUBCASE("a deleted row") {
        execSql(path, "DELETE FROM quiz_questions");
    }
    SUBCASE("media bytes") {
        execSql(path, "UPDATE media SET bytes = zeroblob(length(bytes))");
    }
    SUBCASE("the manifest") {
        execSql(path, "UPDATE manifest SET value = '9.0.0' WHERE key = 'version'");
    }
    CHECK(contains(refusal(path), "signature does not match"));
}

TEST_CASE("any tampered byte is refused or changes nothing the kiosk reads") {
    TempDir dir;
    auto path = writeSigned(samplePack(), dir / "test.ppack");
    auto original = readAll(path);
    auto reference = pack::openPack(path, trustCity());
    REQUIRE(reference.has_value());
    const Bytes referenceHash = (*reference)->contentHash();
    reference->reset();

    // A byte inside a signed text is always refused.
    const std::string needle = "Touch lightly.";
    auto at = std::search(original.begin(), original.end(), needle.begin(), needle.end());
    REQUIRE(at != original.end());
    auto tampered = original;
    tampered[std::size_t(at - original.begin())] ^= 0x20;
    writeAll(path, tampered);
    CHECK(contains(refusal(path), "signature does not match"));

    // About 1500 bytes spread over the whole file, one at a time: refused, or identical verified
    // content (a byte in unused space of a page is not content).
    std::size_t refused = 0, harmless = 0;
    const std::size_t stride = std::max<std::size_t>(7, original.size() / 1500) | 1;
    for (std::size_t i = 0; i < original.size(); i += stride) {
        tampered = original;
        tampered[i] ^= 0x5A;
        writeAll(path, tampered);
        auto opened = pack::openPack(path, trustCity());
        if (!opened) {
            ++refused;
            CHECK_FALSE(opened.error().empty());
        } else {
            ++harmless;
            CHECK((*opened)->contentHash() == referenceHash);
        }
    }
    MESSAGE("tampered positions refused: " << refused << ", harmless (unused space): " << harmless);
    CHECK(refused > 0);
}

TEST_CASE("a truncated pack is refused") {
    TempDir dir;
    auto path = writeSigned(samplePack(), dir / "test.ppack");
    auto original = readAll(path);
    for (std::size_t size : {std::size_t(0), std::size_t(50), std::size_t(4096),
                             original.size() / 2, original.size() - 4096, original.size() - 1}) {
        CAPTURE(size);
        writeAll(path, Bytes(original.begin(), original.begin() + std::ptrdiff_t(size)));
        auto error = refusal(path);
        CHECK((contains(error, "truncated") || contains(error, "damaged")));
    }
}

TEST_CASE("a pack of an unsupported format version is refused") {
    TempDir dir;
    auto path = writeSigned(samplePack(), dir / "test.ppack");
    execSql(path, "UPDATE manifest SET value = '2' WHERE key = 'format_version'");
    REQUIRE(pack::signPack(path, demoSecretKey("city-signing")));
    auto error = refusal(path);
    CHECK(contains(error, "format version 2"));
    CHECK(contains(error, "Update the kiosk software"));
}

TEST_CASE("a signed pack with a malformed manifest is refused") {
    TempDir dir;
    auto path = writeSigned(samplePack(), dir / "test.ppack");
    SUBCASE("no id") {
        execSql(path, "DELETE FROM manifest WHERE key = 'id'");
    }
    SUBCASE("id with a path") {
        execSql(path, "UPDATE manifest SET value = '../../etc' WHERE key = 'id'");
    }
    SUBCASE("version not a version") {
        execSql(path, "UPDATE manifest SET value = 'latest' WHERE key = 'version'");
    }
    SUBCASE("no languages") {
        execSql(path, "UPDATE manifest SET value = '' WHERE key = 'languages'");
    }
    SUBCASE("no title") {
        execSql(path, "DELETE FROM manifest WHERE key = 'title'");
    }
    REQUIRE(pack::signPack(path, demoSecretKey("city-signing")));
    CHECK(contains(refusal(path), "manifest is malformed"));
}

TEST_CASE("media names with a path are refused") {
    TempDir dir;
    for (std::string name :
         {"../../etc/passwd", "/etc/passwd", "images/dot.png", "..", "Dot.PNG", "a\\b.png"}) {
        CAPTURE(name);
        auto source = samplePack();
        source.lessons[0].slides[0].image.clear();
        source.media[0].name = name;
        auto path = writeSigned(source, dir / "traversal.ppack");
        CHECK(contains(refusal(path), "media name"));
    }
}

TEST_CASE("oversized media is refused") {
    TempDir dir;
    auto source = samplePack();
    source.media.push_back({"huge.png", "image/png", Bytes(pack::kMaxMediaBytes + 1024, 0x42)});
    auto path = writeSigned(source, dir / "huge.ppack");
    auto error = refusal(path);
    CHECK(contains(error, "too large"));
    CHECK(contains(error, "8 MB"));
}

TEST_CASE("a pack with anything beyond the expected tables is refused") {
    TempDir dir;
    auto path = writeSigned(samplePack(), dir / "test.ppack");
    SUBCASE("extra table") {
        execSql(path, "CREATE TABLE extra (x)");
    }
    SUBCASE("extra index") {
        execSql(path, "CREATE INDEX by_text ON strings(text)");
    }
    SUBCASE("trigger") {
        execSql(path, "CREATE TRIGGER t AFTER INSERT ON strings BEGIN SELECT 1; END");
    }
    SUBCASE("view") {
        execSql(path, "CREATE VIEW v AS SELECT * FROM strings");
    }
    SUBCASE("changed column") {
        execSql(path, "DROP TABLE signature; CREATE TABLE signature (key_id TEXT, signature BLOB, "
                      "extra TEXT)");
    }
    CHECK(contains(refusal(path), "structure was changed"));
}

TEST_CASE("files that are not packs are refused") {
    TempDir dir;
    writeAll(dir / "notes.ppack", Bytes(5000, 'a'));
    CHECK(contains(refusal(dir / "notes.ppack"), "not a Passerelle content pack"));
    execSql(dir / "other.db", "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    CHECK(contains(refusal(dir / "other.db"), "not a Passerelle content pack"));
    CHECK(contains(refusal(dir / "missing.ppack"), "Cannot read"));
}

TEST_CASE("versions compare numerically") {
    using pack::SemVer;
    CHECK(*SemVer::parse("1.10.0") > *SemVer::parse("1.9.3"));
    CHECK(*SemVer::parse("2") == SemVer{2, 0, 0});
    CHECK(*SemVer::parse("0.1") < *SemVer::parse("0.1.1"));
    CHECK_FALSE(SemVer::parse("1.2.3.4"));
    CHECK_FALSE(SemVer::parse("v1.2"));
    CHECK_FALSE(SemVer::parse("01.2"));
    CHECK_FALSE(SemVer::parse(""));
}
