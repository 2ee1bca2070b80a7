// passerelle-pack as staff use it: a real process, real files.
#include "pack_fixtures.h"
#include "temp_dir.h"

#include "lint.h"

#include <doctest/doctest.h>
#include <stb_image_write.h>

#include <cstdio>
#include <fstream>
#include <sys/wait.h>

using namespace passerelle;
using namespace passerelle::test;
namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    std::string output; // stdout and stderr
};

Run run(const std::string& arguments) {
    std::string command = std::string(PASSERELLE_PACK_TOOL) + " " + arguments + " 2>&1";
    Run result;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.output.append(buffer, n);
    int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A minimal valid source folder; tests add one problem each.
void minimalSource(const fs::path& dir) {
    write(dir / "pack.json",
          R"({"id": "org.example.lint", "version": "1.0.0", "minAppVersion": "0.1.0",
        "languages": ["en", "fr"], "title": {"en": "Lint test", "fr": "Test lint"}})");
    write(dir / "lessons/basics.json", R"({"id": "basics", "title": {"en": "Basics", "fr": "Bases"},
        "slides": [{"text": {"en": "Hello.", "fr": "Bonjour."}}]})");
    write(dir / "services/report.json", R"({"id": "report", "service": "city.reports",
        "title": {"en": "Report", "fr": "Signaler"},
        "steps": [
          {"id": "category", "kind": "single_choice", "title": {"en": "What?", "fr": "Quoi ?"},
           "options": [{"value": "hole", "label": {"en": "Hole", "fr": "Trou"}},
                       {"value": "light", "label": {"en": "Light", "fr": "Lampe"}}]},
          {"id": "danger", "kind": "yes_no", "title": {"en": "Dangerous?", "fr": "Dangereux ?"},
           "showIf": {"field": "category", "equals": "hole"}},
          {"id": "consent", "kind": "consent", "title": {"en": "Send?", "fr": "Envoyer ?"}}
        ]})");
}

std::vector<std::string> lintLines(const fs::path& dir) {
    std::vector<std::string> lines;
    for (auto& d : packtool::lint(packtool::loadSource(dir)))
        lines.push_back(d.toString());
    return lines;
}

} // namespace

TEST_CASE("build, sign, verify and inspect with the command-line tool") {
    TempDir dir;
    minimalSource(dir.path() / "src");
    const auto keys = sourceDir() / "assets/demo-keys";
    auto built = run("build " + q(dir / "src") + " -o " + q(dir / "p.ppack"));
    REQUIRE_MESSAGE(built.status == 0, built.output);
    CHECK(contains(built.output, "NOT signed"));

    auto unsignedVerify =
        run("verify " + q(dir / "p.ppack") + " --trust " + q(keys / "city-signing.public"));
    CHECK(unsignedVerify.status == 1);
    CHECK(contains(unsignedVerify.output, "not signed"));

    auto signedRun =
        run("sign " + q(dir / "p.ppack") + " --key " + q(keys / "city-signing.secret"));
    REQUIRE_MESSAGE(signedRun.status == 0, signedRun.output);

    auto verified =
        run("verify " + q(dir / "p.ppack") + " --trust " + q(keys / "partner-signing.public") +
            " --trust " + q(keys / "city-signing.public"));
    CHECK_MESSAGE(verified.status == 0, verified.output);
    CHECK(contains(verified.output, "OK: org.example.lint 1.0.0 signed by city-signing"));

    auto wrongKey =
        run("verify " + q(dir / "p.ppack") + " --trust " + q(keys / "partner-signing.public"));
    CHECK(wrongKey.status == 1);
    CHECK(contains(wrongKey.output, "REFUSED: The pack is signed by an unknown publisher"));

    auto inspected = run("inspect " + q(dir / "p.ppack"));
    CHECK_MESSAGE(inspected.status == 0, inspected.output);
    CHECK(contains(inspected.output, "org.example.lint version 1.0.0"));
    CHECK(contains(inspected.output, "basics: Basics"));
    CHECK(contains(inspected.output,
                   "report: Report — 3 steps (1 conditional), sent to city.reports"));

    // The built pack installs on a kiosk.
    CHECK(pack::openPack(dir / "p.ppack", trustCity()).has_value());
}

TEST_CASE("every command has --help, and bad usage says what is expected") {
    for (std::string command : {"build", "sign", "verify", "inspect", "lint"}) {
        CAPTURE(command);
        auto help = run(command + " --help");
        CHECK(help.status == 0);
        CHECK(contains(help.output, "Usage: passerelle-pack " + command));
        auto bad = run(command);
        CHECK(bad.status == 2);
        CHECK(contains(bad.output, "Usage: passerelle-pack " + command));
    }
    auto top = run("--help");
    CHECK(top.status == 0);
    CHECK(contains(top.output, "lint <source-folder>"));
    CHECK(run("frobnicate").status == 2);
}

TEST_CASE("build refuses a broken source and points at the file and key") {
    TempDir dir;
    minimalSource(dir.path());
    write(dir / "services/report.json", R"({"id": "report", "service": "city.reports",
        "title": {"en": "Report", "fr": "Signaler"},
        "steps": [{"id": "x", "kind": "teleport", "title": {"en": "X", "fr": "X"}}]})");
    auto built = run("build " + q(dir.path()) + " -o " + q(dir / "p.ppack"));
    CHECK(built.status == 1);
    CHECK(contains(built.output, "services/report.json:/steps/0/kind: unknown kind"));
    CHECK_FALSE(fs::exists(dir / "p.ppack"));
}

TEST_CASE("lint: a clean source has no findings") {
    TempDir dir;
    minimalSource(dir.path());
    CHECK(lintLines(dir.path()).empty());
    auto r = run("lint " + q(dir.path()));
    CHECK(r.status == 0);
    CHECK(contains(r.output, "No problems found."));
}

TEST_CASE("lint: missing translations") {
    TempDir dir;
    minimalSource(dir.path());
    write(dir / "lessons/basics.json", R"({"id": "basics", "title": {"en": "Basics"},
        "slides": [{"text": {"en": "Hello.", "fr": ""}}]})");
    auto r = run("lint " + q(dir.path()));
    CHECK(r.status == 1);
    CHECK(contains(r.output, "lessons/basics.json:/title: missing \"fr\" translation\n"));
    CHECK(contains(r.output, "lessons/basics.json:/slides/0/text: missing \"fr\" translation\n"));
}

TEST_CASE("lint: steps that can never be shown") {
    TempDir dir;
    minimalSource(dir.path());
    write(dir / "services/report.json", R"({"id": "report", "service": "city.reports",
        "title": {"en": "Report", "fr": "Signaler"},
        "steps": [
          {"id": "category", "kind": "single_choice", "title": {"en": "What?", "fr": "Quoi ?"},
           "options": [{"value": "hole", "label": {"en": "Hole", "fr": "Trou"}},
                       {"value": "light", "label": {"en": "Light", "fr": "Lampe"}}]},
          {"id": "danger", "kind": "yes_no", "title": {"en": "Dangerous?", "fr": "Dangereux ?"},
           "showIf": {"field": "category", "equals": "pothole"}},
          {"id": "how", "kind": "text", "title": {"en": "How?", "fr": "Comment ?"},
           "showIf": {"field": "danger", "equals": "yes"}},
          {"id": "early", "kind": "text", "title": {"en": "Early?", "fr": "Tôt ?"},
           "showIf": {"field": "late", "is_answered": true}},
          {"id": "late", "kind": "text", "title": {"en": "Late", "fr": "Tard"}}
        ]})");
    auto lines = lintLines(dir.path());
    auto has = [&](const std::string& line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    };
    CHECK(has("services/report.json:/steps/1/showIf: step \"danger\" can never be shown: "
              "\"category\" has no option \"pothole\""));
    CHECK(has("services/report.json:/steps/2/showIf: step \"how\" can never be shown: \"danger\" "
              "is never shown"));
    CHECK(has("services/report.json:/steps/3/showIf: step \"early\" can never be shown: \"late\" "
              "is asked later, so it has no answer yet"));
    CHECK(lines.size() == 3);
}

TEST_CASE("lint: conditions on unknown fields") {
    TempDir dir;
    minimalSource(dir.path());
    write(dir / "services/report.json", R"({"id": "report", "service": "city.reports",
        "title": {"en": "Report", "fr": "Signaler"},
        "steps": [
          {"id": "name", "kind": "text", "title": {"en": "Name", "fr": "Nom"}},
          {"id": "why", "kind": "text", "title": {"en": "Why?", "fr": "Pourquoi ?"},
           "showIf": {"any": [{"field": "name", "is_answered": true}, {"field": "nmae", "equals": "x"}]}}
        ]})");
    auto r = run("lint " + q(dir.path()));
    CHECK(r.status == 1);
    CHECK(contains(r.output, "services/report.json:/steps/1/showIf/any/1/field: condition on "
                             "unknown field \"nmae\" (no step has this id)\n"));
    CHECK_FALSE(contains(r.output, "can never be shown")); // the other clause can still hold
}

TEST_CASE("lint: images larger than the screen") {
    TempDir dir;
    minimalSource(dir.path());
    fs::create_directories(dir / "media");
    std::vector<unsigned char> pixels(1400 * 900 * 3, 200);
    REQUIRE(stbi_write_png((dir / "media/big.png").c_str(), 1400, 900, 3, pixels.data(), 1400 * 3));
    std::vector<unsigned char> small(64 * 64 * 3, 100);
    REQUIRE(stbi_write_png((dir / "media/small.png").c_str(), 64, 64, 3, small.data(), 64 * 3));
    write(dir / "lessons/basics.json", R"({"id": "basics", "title": {"en": "Basics", "fr": "Bases"},
        "slides": [{"text": {"en": "Hello.", "fr": "Bonjour."}, "image": "big.png",
                    "imageAlt": {"en": "A grey square", "fr": "Un carré gris"}},
                   {"text": {"en": "Bye.", "fr": "Au revoir."}, "image": "small.png",
                    "imageAlt": {"en": "A small square", "fr": "Un petit carré"}}]})");
    auto lines = lintLines(dir.path());
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] ==
          "media/big.png: image is 1400x900 px, larger than the 1280x800 screen; resize it");
}

TEST_CASE("lint: texts too long for their widget") {
    TempDir dir;
    minimalSource(dir.path());
    write(dir / "services/report.json", R"({"id": "report", "service": "city.reports",
        "title": {"en": "Report", "fr": "Signaler"},
        "steps": [
          {"id": "category", "kind": "single_choice", "title": {"en": "What?", "fr": "Quoi ?"},
           "options": [{"value": "hole", "label": {"en": "Hole", "fr": "Un trou dans la chaussée ou le trottoir"}},
                       {"value": "light", "label": {"en": "Light", "fr": "Lampe"}}]}
        ]})");
    auto lines = lintLines(dir.path());
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "services/report.json:/steps/0/options/0/label/fr: too long for a button "
                      "label: 39 characters, at most 32");
}
