// Staff accounts: PINs only as crypto_pwhash_str, growing delay, lockout after 5 wrong PINs,
// unlock by an admin or after the lockout time, and an audit row for everything.
#include "core/staff/staff_accounts.h"
#include "core/store/sqlite.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

using namespace passerelle;
using passerelle::test::TempDir;

namespace {

struct FakeClock {
    std::chrono::system_clock::time_point now =
        std::chrono::sys_days{std::chrono::year{2026} / 11 / 29} + std::chrono::hours{10};
    void advance(std::chrono::seconds by) { now += by; }
};

StaffPolicy fastPolicy() {
    StaffPolicy policy;
    policy.pinHashLimits = {1, 8u << 20}; // the real limits are used in the first test
    return policy;
}

SecretBytes pin(std::string_view digits) {
    return SecretBytes(digits);
}

std::vector<std::string> actions(StaffAudit& audit) {
    std::vector<std::string> out;
    const auto entries = audit.entriesAfter(0, 1000).value();
    for (const auto& entry : entries)
        out.push_back(entry.staffId + " " + entry.action);
    return out;
}

} // namespace

TEST_CASE("the first admin is made once; PINs are stored only as Argon2id strings") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    StaffAccounts staff(*store); // real limits
    auto admin = staff.createFirstAdmin("amina", "Amina B.", pin("739164"));
    REQUIRE_MESSAGE(admin.has_value(), (admin ? "" : admin.error()));
    CHECK(admin->role == StaffRole::Admin);
    CHECK(staff.createFirstAdmin("bob", "Bob", pin("1111")).error().find("already has an admin") !=
          std::string::npos);

    std::string stored;
    REQUIRE(store->withDatabase([&](sqlite3* db) {
        store::Statement query(db, "SELECT pin_hash FROM staff_accounts");
        query.step();
        stored = query.text(0);
    }));
    CHECK(stored.starts_with("$argon2id$"));
    CHECK(stored.find("739164") == std::string::npos);
    CHECK(staff.verify("amina", pin("739164")).has_value());
    CHECK_FALSE(staff.verify("amina", pin("739165")).has_value());
}

TEST_CASE("wrong PINs: growing delay, lockout after 5, unlock by an admin; all audited") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    FakeClock clock;
    StaffAccounts staff(*store, fastPolicy(), [&] { return clock.now; });
    REQUIRE(staff.createFirstAdmin("amina", "Amina B.", pin("739164")));
    REQUIRE(staff.create("amina", "marc", "Marc D.", StaffRole::Mediator, pin("2580")));

    std::vector<std::int64_t> waits;
    for (int attempt = 1; attempt <= 4; ++attempt) {
        auto wrong = staff.verify("marc", pin("0000"));
        REQUIRE_FALSE(wrong.has_value());
        CHECK(wrong.error().starts_with(StaffAccounts::kNotRecognised));
        auto account = staff.find("marc").value().value();
        waits.push_back(staff.secondsUntilNextTry(account));
        // Trying again at once, even with the right PIN, is refused without checking it.
        auto tooSoon = staff.verify("marc", pin("2580"));
        REQUIRE_FALSE(tooSoon.has_value());
        CHECK(tooSoon.error().find("please wait") != std::string::npos);
        clock.advance(std::chrono::seconds(waits.back()));
    }
    CHECK(waits == std::vector<std::int64_t>{1, 2, 4, 8}); // growing delay

    auto fifth = staff.verify("marc", pin("0000"));
    REQUIRE_FALSE(fifth.has_value());
    CHECK(fifth.error().find("now locked") != std::string::npos);
    clock.advance(std::chrono::seconds(60));
    auto whileLocked = staff.verify("marc", pin("2580"));
    REQUIRE_FALSE(whileLocked.has_value());
    CHECK(whileLocked.error().find("locked") != std::string::npos);
    CHECK(staff.isLocked(staff.find("marc").value().value()));

    // A mediator cannot unlock; an admin can.
    CHECK(staff.unlock("marc", "marc").error() == "only an admin can do this");
    REQUIRE(staff.unlock("amina", "marc").has_value());
    auto afterUnlock = staff.verify("marc", pin("2580"));
    REQUIRE(afterUnlock.has_value());
    CHECK(afterUnlock->role == StaffRole::Mediator);
    CHECK(afterUnlock->failedAttempts == 0);

    CHECK(actions(staff.audit()) ==
          std::vector<std::string>{
              "amina staff.created", "amina staff.created", "marc staff.login-failed",
              "marc staff.login-failed", "marc staff.login-failed", "marc staff.login-failed",
              "marc staff.locked-out", "amina staff.unlocked", "marc staff.login"});
    auto entries = staff.audit().entriesAfter(0, 100).value();
    CHECK(entries[1].detail == "marc (mediator)");
    CHECK(entries.back().atUnix ==
          std::chrono::duration_cast<std::chrono::seconds>(clock.now.time_since_epoch()).count());
}

TEST_CASE("a lockout ends by itself after the configured time") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    FakeClock clock;
    auto policy = fastPolicy();
    policy.lockoutDuration = std::chrono::seconds(600);
    StaffAccounts staff(*store, policy, [&] { return clock.now; });
    REQUIRE(staff.createFirstAdmin("amina", "Amina B.", pin("739164")));
    for (int i = 0; i < 5; ++i) {
        CHECK_FALSE(staff.verify("amina", pin("9999")).has_value());
        clock.advance(std::chrono::seconds(20));
    }
    // The 5th wrong PIN came at t=80 s, so the lockout lasts until t=680 s; the clock is at 100 s.
    clock.advance(std::chrono::seconds(579)); // t=679: still locked
    CHECK(staff.verify("amina", pin("739164")).error().find("locked") != std::string::npos);
    clock.advance(std::chrono::seconds(1)); // t=680: over
    REQUIRE(staff.verify("amina", pin("739164")).has_value());
    // The count started again: one wrong PIN only asks for the first short wait.
    CHECK(staff.verify("amina", pin("9999")).error().find("Wait 1 s") != std::string::npos);
}

TEST_CASE("account management needs an admin and never removes the last admin") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    StaffAccounts staff(*store, fastPolicy());
    REQUIRE(staff.createFirstAdmin("amina", "Amina B.", pin("739164")));
    REQUIRE(staff.create("amina", "marc", "Marc D.", StaffRole::Mediator, pin("2580")));
    CHECK_FALSE(staff.create("marc", "eve", "Eve", StaffRole::Admin, pin("1234")).has_value());
    CHECK_FALSE(staff.create("amina", "marc", "Marc again", StaffRole::Mediator, pin("1234")));
    CHECK_FALSE(staff.create("amina", "short", "Short PIN", StaffRole::Mediator, pin("12")));
    CHECK_FALSE(staff.create("amina", "Bad Id", "Bad", StaffRole::Mediator, pin("1234")));
    CHECK(staff.remove("amina", "amina").error() == "the last admin cannot be removed");
    REQUIRE(staff.changePin("marc", "marc", pin("3691")).has_value());
    CHECK(staff.verify("marc", pin("3691")).has_value());
    REQUIRE(staff.remove("amina", "marc").has_value());
    CHECK(staff.verify("marc", pin("3691")).error() == StaffAccounts::kNotRecognised);
    CHECK(staff.list().value().size() == 1);
}

TEST_CASE("sync reads the audit trail in pages after the last id it sent") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    StaffAudit audit(*store);
    for (int i = 0; i < 5; ++i)
        REQUIRE(audit.record("amina", "pack.rollback", "city@1." + std::to_string(i)));
    auto first = audit.entriesAfter(0, 2).value();
    REQUIRE(first.size() == 2);
    auto rest = audit.entriesAfter(first.back().id, 10).value();
    REQUIRE(rest.size() == 3);
    CHECK(rest.front().detail == "city@1.2");
    CHECK_FALSE(audit.record("amina", "Free text action").has_value());
    CHECK_FALSE(audit.record("amina", "x", std::string(201, 'a')).has_value());
}

TEST_CASE("a schema-1 database is migrated to the staff schema and keeps its data") {
    TempDir dir;
    {
        auto store = std::move(*Store::open(dir.path()));
        REQUIRE(store->appendToOutbox("k", "svc", 1, [](std::int64_t) {
            return std::expected<std::vector<std::uint8_t>, std::string>(
                std::vector<std::uint8_t>(64, 1));
        }));
        REQUIRE(store->withDatabase([](sqlite3* db) {
            store::execute(db, "DROP TABLE staff_accounts; DROP TABLE staff_audit; "
                               "PRAGMA user_version = 1;");
        }));
    }
    auto store = std::move(*Store::open(dir.path()));
    CHECK(store->outboxCount().value() == 1);
    StaffAccounts staff(*store, fastPolicy());
    CHECK(staff.createFirstAdmin("amina", "Amina B.", pin("739164")).has_value());
}
