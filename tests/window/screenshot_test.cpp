// Starts the real passerelle-kiosk binary (under xvfb-run for the window) and checks what a
// person would: the PNG has the requested size and shows a screen, not a flat colour; the
// command line answers --help/--version and refuses bad options with exit code 2.
#include "temp_dir.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <set>
#include <stb_image.h>
#include <string>
#include <sys/wait.h>

using passerelle::test::TempDir;

namespace {
struct Run {
    int exitCode = -1;
    std::string output;
};

Run run(const std::string& command) {
    Run r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, pipe))
        r.output.append(buf, n);
    int status = pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string kiosk() {
    return KIOSK_BINARY;
}

struct Image {
    int width = 0, height = 0;
    std::set<unsigned> colours;
    double darkShare = 0; // share of pixels much darker than the background (text, icons)
};

Image load(const std::string& file) {
    Image img;
    int channels = 0;
    unsigned char* px = stbi_load(file.c_str(), &img.width, &img.height, &channels, 4);
    REQUIRE_MESSAGE(px, "cannot read " << file);
    size_t dark = 0;
    const size_t n = static_cast<size_t>(img.width) * img.height;
    for (size_t i = 0; i < n; ++i) {
        const unsigned char* p = px + i * 4;
        img.colours.insert((p[0] << 16) | (p[1] << 8) | p[2]);
        if (p[0] + p[1] + p[2] < 3 * 110) ++dark;
    }
    img.darkShare = static_cast<double>(dark) / static_cast<double>(n);
    stbi_image_free(px);
    return img;
}

std::string screenshot(const TempDir& dir, const std::string& name, const std::string& extra) {
    const std::string file = (dir / name).string();
    const auto r = run("xvfb-run -a -s '-screen 0 1920x1200x24' " + kiosk() + " --data-dir " +
                       (dir / "data").string() + " --screenshot " + file + " " + extra);
    REQUIRE_MESSAGE(r.exitCode == 0, "kiosk failed: " << r.output);
    return file;
}
} // namespace

TEST_CASE("--screenshot writes a PNG of the requested size showing the welcome screen") {
    TempDir dir;
    const Image img = load(screenshot(dir, "welcome.png", "--size 1280x800"));
    CHECK(img.width == 1280);
    CHECK(img.height == 800);
    CHECK(img.colours.size() > 50); // text is anti-aliased: many shades, not one flat colour
    CHECK(img.darkShare > 0.005);   // there is readable dark text on the light background
    CHECK(img.darkShare < 0.5);
}

TEST_CASE("other sizes and screens render too") {
    TempDir dir;
    const Image small = load(screenshot(dir, "home.png", "--size 1024x600 --show home --lang fr"));
    CHECK(small.width == 1024);
    CHECK(small.height == 600);
    CHECK(small.colours.size() > 50);
    const Image arabic = load(screenshot(dir, "ar.png", "--show home --lang ar"));
    CHECK(arabic.width == 1280);
    CHECK(arabic.colours.size() > 50);
}

TEST_CASE("the command line: help, version, and clear refusals") {
    auto help = run(kiosk() + " --help");
    CHECK(help.exitCode == 0);
    CHECK(help.output.find("--data-dir") != std::string::npos);
    CHECK(help.output.find("--screenshot") != std::string::npos);

    auto version = run(kiosk() + " --version");
    CHECK(version.exitCode == 0);
    CHECK(version.output.find("passerelle-kiosk ") == 0);

    for (const char* bad :
         {"--bogus", "--size 12x", "--size axb", "--screenshot", "--lang", "--text-scale 9"}) {
        auto r = run(kiosk() + " " + bad);
        CHECK_MESSAGE(r.exitCode == 2, bad << " gave " << r.exitCode);
        CHECK_MESSAGE(r.output.find("usage: passerelle-kiosk") != std::string::npos, bad);
    }
}

TEST_CASE("--script drives the real window: a request sent end to end, with review and receipt "
          "screenshots and per-frame times") {
    TempDir dir;
    const std::string review = (dir / "review.png").string();
    const std::string receipt = (dir / "receipt.png").string();
    const std::string stats = (dir / "frames.txt").string();
    const std::string script = (dir / "appointment.script").string();
    {
        FILE* f = fopen(script.c_str(), "w");
        REQUIRE(f);
        fprintf(f,
                "# the demo appointment, as a resident would tap it\n"
                "tap welcome.start\ntap home.services\nmark list\ntap service.appointment\n"
                "tap flow.next\ntap choice.passport_id\ntap flow.next\nmark typing\n"
                "type AB1234567\ntap key.enter\ntap date.month.plus\ntap flow.next\n"
                "tap choice.morning\ntap flow.next\ntype Dupont\ntap key.enter\n"
                "type Marie\ntap key.enter\ntype 0612345678\ntap key.enter\ntap key.enter\n"
                "screenshot %s\ntap flow.next\ntap consent.agree\ntap flow.next\n"
                "screenshot %s\n",
                review.c_str(), receipt.c_str());
        fclose(f);
    }
    const auto r = run("xvfb-run -a -s '-screen 0 1280x800x24' " + kiosk() + " --demo --data-dir " +
                       (dir / "data").string() + " --script " + script + " --frame-stats " + stats);
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    const Image reviewed = load(review);
    CHECK(reviewed.width == 1280);
    CHECK(reviewed.colours.size() > 50);
    // The receipt carries a QR code: a large share of pure black modules on white.
    const Image sent = load(receipt);
    CHECK(sent.colours.count(0x000000) == 1);
    CHECK(sent.darkShare > reviewed.darkShare);

    // One line per drawn frame, tagged with the script's phases.
    FILE* f = fopen(stats.c_str(), "r");
    REQUIRE(f);
    char phase[64];
    long cpu = 0, wall = 0;
    int lines = 0, typing = 0;
    while (fscanf(f, "%63s %ld %ld", phase, &cpu, &wall) == 3) {
        ++lines;
        if (std::string(phase) == "typing") ++typing;
        CHECK(cpu >= 0);
        CHECK(wall >= cpu / 4); // wall time is never far below CPU time on one thread
    }
    fclose(f);
    CHECK(lines > 50);
    CHECK(typing > 20);
}

TEST_CASE("a script that cannot go on says which line and why, and exits non-zero") {
    TempDir dir;
    const std::string script = (dir / "bad.script").string();
    {
        FILE* f = fopen(script.c_str(), "w");
        REQUIRE(f);
        fputs("tap welcome.start\ntap no.such.button\n", f);
        fclose(f);
    }
    auto r = run("xvfb-run -a -s '-screen 0 1280x800x24' " + kiosk() + " --demo --data-dir " +
                 (dir / "data").string() + " --script " + script);
    CHECK(r.exitCode != 0);
    CHECK(r.output.find("script line 2: no touch target 'no.such.button'") != std::string::npos);

    {
        FILE* f = fopen(script.c_str(), "w");
        REQUIRE(f);
        fputs("tap welcome.start\ndrag 1 2 3\n", f);
        fclose(f);
    }
    r = run(kiosk() + " --demo --data-dir " + (dir / "data").string() + " --script " + script);
    CHECK(r.exitCode == 2);
    CHECK(r.output.find("line 2: drag needs X Y DX DY MS") != std::string::npos);
}
