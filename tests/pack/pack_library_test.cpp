// Installing packs on a kiosk: upgrade, rollback, several publishers, and every refusal leaving
// the installed pack working.
#include "pack_fixtures.h"
#include "temp_dir.h"

#include "core/pack/limits.h"
#include "core/pack/pack_library.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <set>

using namespace passerelle;
using namespace passerelle::test;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::set<std::string> filesUnder(const fs::path& folder) {
    std::set<std::string> files;
    for (auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), folder).string());
    return files;
}

// The title residents would see on the installed pack's first lesson tile.
std::string installedTitle(const pack::PackLibrary& library, const std::string& id) {
    auto opened = library.open(id);
    REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error()));
    return std::string((*opened)->text((*opened)->manifest().title, "en"));
}

} // namespace

TEST_CASE("build, sign, verify, install, upgrade and roll back") {
    TempDir dir;
    pack::PackLibrary library(dir / "data", trustCity());
    auto v1 = writeSigned(samplePack("org.example.test", "1.0.0"), dir / "v1.ppack");
    auto v2 = writeSigned(samplePack("org.example.test", "1.1.0"), dir / "v2.ppack");
    REQUIRE(pack::openPack(v1, trustCity()).has_value());

    auto first = library.install(v1);
    REQUIRE_MESSAGE(first.has_value(), (first ? "" : first.error()));
    CHECK(first->version == "1.0.0");
    CHECK_FALSE(first->previousVersion.has_value());
    CHECK(first->publisher == "City (demo)");
    CHECK(installedTitle(library, "org.example.test") == "Test pack 1.0.0");

    auto upgrade = library.install(v2);
    REQUIRE_MESSAGE(upgrade.has_value(), (upgrade ? "" : upgrade.error()));
    CHECK(upgrade->version == "1.1.0");
    CHECK(upgrade->previousVersion == "1.0.0");
    CHECK(installedTitle(library, "org.example.test") == "Test pack 1.1.0");
    CHECK(filesUnder(library.folder() / "org.example.test") ==
          std::set<std::string>{"1.0.0.ppack", "1.1.0.ppack"});

    // A fresh library object (the kiosk restarted) sees the same state.
    pack::PackLibrary restarted(dir / "data", trustCity());
    auto list = restarted.installed();
    REQUIRE(list.has_value());
    REQUIRE(list->size() == 1);
    CHECK((*list)[0].version == "1.1.0");

    auto back = restarted.rollback("org.example.test");
    REQUIRE_MESSAGE(back.has_value(), (back ? "" : back.error()));
    CHECK(back->version == "1.0.0");
    CHECK(installedTitle(restarted, "org.example.test") == "Test pack 1.0.0");
    CHECK(filesUnder(library.folder() / "org.example.test") ==
          std::set<std::string>{"1.0.0.ppack"});

    auto again = restarted.rollback("org.example.test");
    REQUIRE_FALSE(again.has_value());
    CHECK(contains(again.error(), "no previous version"));

    // The rolled-back-from version can be installed again.
    CHECK(restarted.install(v2).has_value());
    CHECK(installedTitle(restarted, "org.example.test") == "Test pack 1.1.0");
}

TEST_CASE("only the current and the previous version are kept") {
    TempDir dir;
    pack::PackLibrary library(dir / "data", trustCity());
    for (auto version : {"1.0.0", "1.1.0", "1.2.0", "2.0.0"})
        REQUIRE(
            library.install(writeSigned(samplePack("org.example.test", version), dir / "p.ppack")));
    CHECK(filesUnder(library.folder() / "org.example.test") ==
          std::set<std::string>{"1.2.0.ppack", "2.0.0.ppack"});
}

TEST_CASE("a city pack and a partner city's pack are installed side by side") {
    TempDir dir;
    pack::PackLibrary library(dir / "data", trustCityAndPartner());
    REQUIRE(library.install(writeSigned(samplePack("org.city.main", "3.0.0"), dir / "a.ppack")));
    REQUIRE(library.install(writeSigned(samplePack("org.partner.lessons", "1.0.0"), dir / "b.ppack",
                                        "partner-signing")));
    auto list = library.installed();
    REQUIRE(list.has_value());
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].id == "org.city.main");
    CHECK((*list)[0].publisher == "City (demo)");
    CHECK((*list)[1].id == "org.partner.lessons");
    CHECK((*list)[1].publisher == "Partner (demo)");
    CHECK(installedTitle(library, "org.city.main") == "Test pack 3.0.0");
    CHECK(installedTitle(library, "org.partner.lessons") == "Test pack 1.0.0");
}

TEST_CASE("every refused install leaves the installed pack working") {
    TempDir dir;
    pack::PackLibrary library(dir / "data", trustCity());
    REQUIRE(
        library.install(writeSigned(samplePack("org.example.test", "2.0.0"), dir / "good.ppack")));
    const auto filesBefore = filesUnder(library.folder());
    const auto listBefore = library.installed();

    struct Case {
        const char* name;
        std::function<fs::path(const fs::path&)> make;
        const char* expected;
    };
    auto signedNewer = [&](const fs::path& p) {
        return writeSigned(samplePack("org.example.test", "2.1.0"), p);
    };
    auto resign = [&](const fs::path& p) {
        REQUIRE(pack::signPack(p, demoSecretKey("city-signing")));
        return p;
    };
    const std::vector<Case> cases = {
        {"unsigned",
         [&](const fs::path& p) {
             REQUIRE(pack::writePack(samplePack("org.example.test", "2.1.0"), p));
             return p;
         },
         "is not signed"},
        {"unknown key",
         [&](const fs::path& p) {
             return writeSigned(samplePack("org.example.test", "2.1.0"), p, "partner-signing");
         },
         "unknown publisher"},
        {"bad signature",
         [&](const fs::path& p) {
             signedNewer(p);
             std::string hex = queryText(p, "SELECT hex(signature) FROM signature");
             hex[0] = hex[0] == 'A' ? 'B' : 'A';
             execSql(p, "UPDATE signature SET signature = X'" + hex + "'");
             return p;
         },
         "signature does not match"},
        {"tampered byte",
         [&](const fs::path& p) {
             signedNewer(p);
             auto bytes = readAll(p);
             const std::string needle = "Touch lightly.";
             auto at = std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end());
             REQUIRE(at != bytes.end());
             *at = 't';
             writeAll(p, bytes);
             return p;
         },
         "signature does not match"},
        {"truncated",
         [&](const fs::path& p) {
             signedNewer(p);
             auto bytes = readAll(p);
             bytes.resize(bytes.size() - 100);
             writeAll(p, bytes);
             return p;
         },
         "truncated"},
        {"older version",
         [&](const fs::path& p) { return writeSigned(samplePack("org.example.test", "1.9.9"), p); },
         "older than the installed one"},
        {"same version",
         [&](const fs::path& p) { return writeSigned(samplePack("org.example.test", "2.0.0"), p); },
         "already installed"},
        {"unsupported format version",
         [&](const fs::path& p) {
             signedNewer(p);
             execSql(p, "UPDATE manifest SET value = '7' WHERE key = 'format_version'");
             return resign(p);
         },
         "format version 7"},
        {"media name with a path",
         [&](const fs::path& p) {
             auto s = samplePack("org.example.test", "2.1.0");
             s.lessons[0].slides[0].image.clear();
             s.media[0].name = "../../../home/kiosk/.bashrc";
             return writeSigned(s, p);
         },
         "media name"},
        {"oversized media",
         [&](const fs::path& p) {
             auto s = samplePack("org.example.test", "2.1.0");
             s.media.push_back({"big.png", "image/png", Bytes(pack::kMaxMediaBytes + 1, 1)});
             return writeSigned(s, p);
         },
         "too large"},
        {"malformed manifest",
         [&](const fs::path& p) {
             signedNewer(p);
             execSql(p, "UPDATE manifest SET value = 'new' WHERE key = 'version'");
             return resign(p);
         },
         "manifest is malformed"},
        {"needs a newer app",
         [&](const fs::path& p) {
             auto s = samplePack("org.example.test", "2.1.0");
             s.manifest.minAppVersion = {99, 0, 0};
             return writeSigned(s, p);
         },
         "needs Passerelle 99.0.0"},
        {"not a file", [&](const fs::path& p) { return p / "missing.ppack"; }, "Cannot read"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto path =
            c.make(dir / (std::string("bad-") + std::to_string(&c - cases.data()) + ".ppack"));
        auto result = library.install(path);
        REQUIRE_FALSE(result.has_value());
        CHECK_MESSAGE(contains(result.error(), c.expected), result.error());
        CHECK(library.installed() == listBefore);
        CHECK(filesUnder(library.folder()) == filesBefore); // no copy left behind
        CHECK(installedTitle(library, "org.example.test") == "Test pack 2.0.0");
    }
}

TEST_CASE("a damaged installed-pack list is reported, not silently replaced") {
    TempDir dir;
    pack::PackLibrary library(dir / "data", trustCity());
    REQUIRE(library.install(writeSigned(samplePack(), dir / "p.ppack")));
    writeAll(library.folder() / "installed.json", Bytes{'{', 'x'});
    auto list = library.installed();
    REQUIRE_FALSE(list.has_value());
    CHECK(contains(list.error(), "damaged"));
    auto install =
        library.install(writeSigned(samplePack("org.example.test", "5.0.0"), dir / "p5.ppack"));
    REQUIRE_FALSE(install.has_value());
    CHECK(readAll(library.folder() / "installed.json") == Bytes{'{', 'x'});
}

TEST_CASE("the very file already installed is recognised without a new copy") {
    // What the demo kiosk does at every start, and staff plugging the same stick in twice.
    TempDir dir;
    pack::PackLibrary library(dir / "data", trustCity());
    auto v1 = writeSigned(samplePack("org.example.test", "1.0.0"), dir / "v1.ppack");
    REQUIRE(library.install(v1).has_value());
    const auto indexFile = library.folder() / "installed.json";
    const auto indexWritten = fs::last_write_time(indexFile);
    const auto filesBefore = filesUnder(library.folder());

    auto again = library.install(v1);
    REQUIRE_FALSE(again.has_value());
    CHECK(contains(again.error(), "Version 1.0.0 of \"Test pack 1.0.0\" is already installed"));
    CHECK(filesUnder(library.folder()) == filesBefore); // no incoming copy left, nothing added
    CHECK(fs::last_write_time(indexFile) == indexWritten);

    // Same size, one byte changed: not the installed file, so it is verified (and refused).
    auto bytes = readAll(v1);
    const std::string needle = "Touch lightly.";
    auto at = std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end());
    REQUIRE(at != bytes.end());
    *at = 't';
    writeAll(dir / "tampered.ppack", bytes);
    auto tampered = library.install(dir / "tampered.ppack");
    REQUIRE_FALSE(tampered.has_value());
    CHECK(contains(tampered.error(), "signature does not match"));
    CHECK(installedTitle(library, "org.example.test") == "Test pack 1.0.0");
}
