// The staff desk: the staff panel's audit view, USB pack search, and lockouts that follow the
// Kiosk's clock. (Accounts and PIN rules themselves: staff_accounts, tested with the store.)
#include "core/pack/pack_library.h"
#include "core/staff/staff_desk.h"
#include "core/state/clock.h"
#include "core/store/store.h"
#include "temp_dir.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <iostream>

using namespace passerelle;
using namespace std::chrono_literals;

namespace {
struct Fixture {
    test::TempDir dir{"passerelle-staff-desk"};
    std::unique_ptr<Store> store = [this] {
        auto s = Store::open(dir.path());
        REQUIRE(s.has_value());
        return std::move(*s);
    }();
    pack::PackLibrary library{dir.path(), {}};
    int reloads = 0;
    staff::StaffDesk desk{*store, library, [this] { ++reloads; }};
    ManualClock clock;
    Fixture() { desk.useClock(&clock); }
};
} // namespace

TEST_CASE("a lockout ends when the Kiosk's clock has moved on 15 minutes") {
    Fixture f;
    REQUIRE(f.desk.accounts().createFirstAdmin("amina", "Amina", SecretBytes("4826")));
    for (int i = 0; i < 5; ++i) {
        CHECK_FALSE(f.desk.accounts().verify("amina", SecretBytes("1111")));
        f.clock.advance(20s); // past the growing wait (1, 2, 4, 8 s)
    }
    // Locked: the right PIN is refused...
    auto locked = f.desk.accounts().verify("amina", SecretBytes("4826"));
    REQUIRE_FALSE(locked);
    CHECK(locked.error().find("locked") != std::string::npos);
    f.clock.advance(14min);
    CHECK_FALSE(f.desk.accounts().verify("amina", SecretBytes("4826")));
    // ...until the Kiosk's clock (not the wall clock) has moved past the lockout.
    f.clock.advance(1min);
    CHECK(f.desk.accounts().verify("amina", SecretBytes("4826")));
}

TEST_CASE("the panel's audit view lists the latest actions first") {
    Fixture f;
    REQUIRE(f.desk.accounts().createFirstAdmin("amina", "Amina", SecretBytes("4826")));
    REQUIRE(f.desk.record("amina", staff::audit_action::kPackInstall, "demo 1.1.0"));
    REQUIRE(f.desk.record("amina", staff::audit_action::kPackRollback, "demo -> 1.0.0"));
    auto latest = f.desk.latestAudit(2);
    REQUIRE(latest.has_value());
    REQUIRE(latest->size() == 2);
    CHECK(latest->at(0).action == "pack.rollback");
    CHECK(latest->at(0).detail == "demo -> 1.0.0");
    CHECK(latest->at(1).action == "pack.install");
    CHECK(latest->at(0).id > latest->at(1).id);
    // Sync reads the same rows oldest first.
    auto all = f.desk.accounts().audit().entriesAfter(0, 100);
    REQUIRE(all.has_value());
    CHECK(all->back().action == "pack.rollback");
    // An action that is not an identifier is refused, so free text cannot reach the log.
    CHECK_FALSE(f.desk.record("amina", "Pack installed by Amina!"));
}

TEST_CASE("pack files on a USB stick are found under the removable roots") {
    Fixture f;
    test::TempDir media("passerelle-media");
    std::filesystem::create_directories(media.path() / "usb1/packs");
    std::filesystem::create_directories(media.path() / "usb2/a/b/c/d");
    std::ofstream(media.path() / "usb1/packs/city-1.2.0.ppack") << "x";
    std::ofstream(media.path() / "usb1/readme.txt") << "x";
    std::ofstream(media.path() / "usb2/a/b/c/d/too-deep.ppack") << "x";
    f.desk.setRemovableRoots({media.path(), media.path() / "missing"});
    auto files = f.desk.findPackFiles();
    REQUIRE(files.size() == 1);
    CHECK(files[0].filename() == "city-1.2.0.ppack");
}

TEST_CASE("time a staff member waits for one PIN check") {
    Fixture f;
    REQUIRE(f.desk.accounts().createFirstAdmin("amina", "Amina", SecretBytes("4826")));
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        CHECK(f.desk.accounts().verify("amina", SecretBytes("4826")));
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    std::cout << "staff PIN check (crypto_pwhash_str_verify), median of 5: " << ms[2] << " ms\n";
    CHECK(ms[2] < 5000);
}
