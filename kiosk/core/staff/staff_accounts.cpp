#include "core/staff/staff_accounts.h"

#include "core/store/sqlite.h"
#include "core/store/stats.h"

#include "passerelle/common/encoding.h"

#include <sodium.h>

namespace passerelle {

namespace {

const char* kSelect = "SELECT staff_id, name, role, failed_attempts, last_failure_at, "
                      "locked_until, pin_hash FROM staff_accounts";

struct Row {
    StaffAccount account;
    std::string pinHash;
};

Row readRow(const store::Statement& query) {
    Row row;
    row.account.staffId = query.text(0);
    row.account.name = query.text(1);
    row.account.role = query.text(2) == "admin" ? StaffRole::Admin : StaffRole::Mediator;
    row.account.failedAttempts = static_cast<int>(query.int64(3));
    row.account.lastFailureUnix = query.int64(4);
    row.account.lockedUntilUnix = query.int64(5);
    row.pinHash = query.text(6);
    return row;
}

std::expected<void, std::string> checkStaffPin(const SecretBytes& pin) {
    bool ok = pin.size() >= 4 && pin.size() <= 12;
    for (auto c : pin.bytes())
        ok = ok && c >= '0' && c <= '9';
    if (ok) return {};
    return std::unexpected("a staff PIN is 4 to 12 digits");
}

std::expected<void, std::string> checkName(const std::string& name) {
    bool ok = !name.empty() && name.size() <= 80;
    for (unsigned char c : name)
        ok = ok && c >= 0x20 && c != 0x7f;
    if (ok) return {};
    return std::unexpected("a staff name is 1 to 80 characters");
}

std::string minutesText(std::int64_t seconds) {
    auto minutes = (seconds + 59) / 60;
    return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

} // namespace

const char* staffRoleName(StaffRole role) {
    return role == StaffRole::Admin ? "admin" : "mediator";
}

StaffAccounts::StaffAccounts(Store& store, StaffPolicy policy, Clock clock)
    : store_(store), policy_(policy), clock_(std::move(clock)), audit_(store) {
    initSodium();
}

std::int64_t StaffAccounts::now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock_().time_since_epoch()).count();
}

bool StaffAccounts::isLocked(const StaffAccount& account) const {
    return account.lockedUntilUnix > now();
}

std::int64_t StaffAccounts::secondsUntilNextTry(const StaffAccount& account) const {
    const auto t = now();
    if (account.lockedUntilUnix > t) return account.lockedUntilUnix - t;
    if (account.lockedUntilUnix != 0 || account.failedAttempts == 0) return 0;
    const auto wait = policy_.firstDelay.count() << std::min(account.failedAttempts - 1, 20);
    return std::max<std::int64_t>(0, account.lastFailureUnix + wait - t);
}

std::expected<std::optional<StaffAccount>, std::string>
StaffAccounts::find(const std::string& staffId) {
    std::optional<StaffAccount> found;
    auto done = store_.withDatabase([&](sqlite3* db) {
        store::Statement query(db, std::string(kSelect) + " WHERE staff_id = ?1");
        query.bind(1, staffId);
        if (query.step()) found = readRow(query).account;
    });
    if (!done) return std::unexpected(done.error());
    return found;
}

std::expected<std::vector<StaffAccount>, std::string> StaffAccounts::list() {
    std::vector<StaffAccount> accounts;
    auto done = store_.withDatabase([&](sqlite3* db) {
        store::Statement query(db, std::string(kSelect) + " ORDER BY name, staff_id");
        while (query.step())
            accounts.push_back(readRow(query).account);
    });
    if (!done) return std::unexpected(done.error());
    return accounts;
}

std::expected<StaffAccount, std::string> StaffAccounts::insert(const std::string& staffId,
                                                               const std::string& name,
                                                               StaffRole role,
                                                               const SecretBytes& pin) {
    if (auto ok = checkIdentifier(staffId, "staff id"); !ok) return std::unexpected(ok.error());
    if (auto ok = checkName(name); !ok) return std::unexpected(ok.error());
    if (auto ok = checkStaffPin(pin); !ok) return std::unexpected(ok.error());
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, reinterpret_cast<const char*>(pin.data()), pin.size(),
                          policy_.pinHashLimits.opslimit, policy_.pinHashLimits.memlimit) != 0)
        return std::unexpected("not enough memory to protect the PIN: restart the kiosk");
    bool duplicate = false;
    auto done = store_.withDatabase([&](sqlite3* db) {
        store::Statement exists(db, "SELECT 1 FROM staff_accounts WHERE staff_id = ?1");
        exists.bind(1, staffId);
        if (exists.step()) {
            duplicate = true;
            return;
        }
        store::Statement add(db, "INSERT INTO staff_accounts (staff_id, name, role, pin_hash, "
                                 "created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
        add.bind(1, staffId).bind(2, name).bind(3, std::string_view(staffRoleName(role)));
        add.bind(4, std::string_view(hash)).bind(5, now()).step();
    });
    sodium_memzero(hash, sizeof hash);
    if (!done) return std::unexpected(done.error());
    if (duplicate) return std::unexpected("a staff account '" + staffId + "' already exists");
    return StaffAccount{staffId, name, role, 0, 0, 0};
}

std::expected<StaffAccount, std::string> StaffAccounts::createFirstAdmin(const std::string& staffId,
                                                                         const std::string& name,
                                                                         const SecretBytes& pin) {
    auto accounts = list();
    if (!accounts) return std::unexpected(accounts.error());
    for (const auto& account : *accounts)
        if (account.role == StaffRole::Admin)
            return std::unexpected("this kiosk already has an admin: add staff from the admin "
                                   "panel instead");
    auto created = insert(staffId, name, StaffRole::Admin, pin);
    if (!created) return created;
    if (auto ok = audit_.record(staffId, audit_action::kCreated, "first admin (setup)", now()); !ok)
        return std::unexpected(ok.error());
    return created;
}

std::expected<StaffAccount, std::string> StaffAccounts::requireAdmin(const std::string& actorId) {
    auto actor = find(actorId);
    if (!actor) return std::unexpected(actor.error());
    if (!*actor || (*actor)->role != StaffRole::Admin)
        return std::unexpected("only an admin can do this");
    return **actor;
}

std::expected<StaffAccount, std::string>
StaffAccounts::create(const std::string& actorId, const std::string& staffId,
                      const std::string& name, StaffRole role, const SecretBytes& pin) {
    if (auto admin = requireAdmin(actorId); !admin) return std::unexpected(admin.error());
    auto created = insert(staffId, name, role, pin);
    if (!created) return created;
    if (auto ok = audit_.record(actorId, audit_action::kCreated,
                                staffId + " (" + staffRoleName(role) + ")", now());
        !ok)
        return std::unexpected(ok.error());
    return created;
}

std::expected<void, std::string> StaffAccounts::remove(const std::string& actorId,
                                                       const std::string& staffId) {
    if (auto admin = requireAdmin(actorId); !admin) return std::unexpected(admin.error());
    auto target = find(staffId);
    if (!target) return std::unexpected(target.error());
    if (!*target) return std::unexpected("no staff account '" + staffId + "'");
    if ((*target)->role == StaffRole::Admin) {
        auto accounts = list();
        if (!accounts) return std::unexpected(accounts.error());
        int admins = 0;
        for (const auto& account : *accounts)
            admins += account.role == StaffRole::Admin;
        if (admins <= 1) return std::unexpected("the last admin cannot be removed");
    }
    auto done = store_.withDatabase([&](sqlite3* db) {
        store::Statement drop(db, "DELETE FROM staff_accounts WHERE staff_id = ?1");
        drop.bind(1, staffId).step();
    });
    if (!done) return done;
    return audit_.record(actorId, audit_action::kRemoved, staffId, now());
}

std::expected<void, std::string> StaffAccounts::unlock(const std::string& actorId,
                                                       const std::string& staffId) {
    if (auto admin = requireAdmin(actorId); !admin) return std::unexpected(admin.error());
    bool found = false;
    auto done = store_.withDatabase([&](sqlite3* db) {
        store::Statement reset(db, "UPDATE staff_accounts SET failed_attempts = 0, "
                                   "last_failure_at = 0, locked_until = 0 WHERE staff_id = ?1");
        reset.bind(1, staffId).step();
        found = sqlite3_changes(db) > 0;
    });
    if (!done) return done;
    if (!found) return std::unexpected("no staff account '" + staffId + "'");
    return audit_.record(actorId, audit_action::kUnlocked, staffId, now());
}

std::expected<void, std::string> StaffAccounts::changePin(const std::string& actorId,
                                                          const std::string& staffId,
                                                          const SecretBytes& pin) {
    if (actorId != staffId) {
        if (auto admin = requireAdmin(actorId); !admin) return std::unexpected(admin.error());
    }
    if (auto ok = checkStaffPin(pin); !ok) return ok;
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, reinterpret_cast<const char*>(pin.data()), pin.size(),
                          policy_.pinHashLimits.opslimit, policy_.pinHashLimits.memlimit) != 0)
        return std::unexpected("not enough memory to protect the PIN: restart the kiosk");
    bool found = false;
    auto done = store_.withDatabase([&](sqlite3* db) {
        store::Statement update(db, "UPDATE staff_accounts SET pin_hash = ?1, failed_attempts = 0, "
                                    "last_failure_at = 0, locked_until = 0 WHERE staff_id = ?2");
        update.bind(1, std::string_view(hash)).bind(2, staffId).step();
        found = sqlite3_changes(db) > 0;
    });
    sodium_memzero(hash, sizeof hash);
    if (!done) return done;
    if (!found) return std::unexpected("no staff account '" + staffId + "'");
    return audit_.record(actorId, audit_action::kPinChanged, staffId, now());
}

std::expected<StaffAccount, std::string> StaffAccounts::verify(const std::string& staffId,
                                                               const SecretBytes& pin) {
    const auto t = now();
    std::optional<Row> row;
    auto done = store_.withDatabase([&](sqlite3* db) {
        store::Transaction tx(db);
        store::Statement query(db, std::string(kSelect) + " WHERE staff_id = ?1");
        query.bind(1, staffId);
        if (!query.step()) return;
        row = readRow(query);
        // A lockout that has run out starts the count again.
        if (row->account.lockedUntilUnix != 0 && row->account.lockedUntilUnix <= t) {
            store::Statement reset(db, "UPDATE staff_accounts SET failed_attempts = 0, "
                                       "last_failure_at = 0, locked_until = 0 WHERE staff_id = ?1");
            reset.bind(1, staffId).step();
            row->account.failedAttempts = 0;
            row->account.lastFailureUnix = 0;
            row->account.lockedUntilUnix = 0;
        }
        tx.commit();
    });
    if (!done) return std::unexpected(done.error());
    const std::string auditId = checkIdentifier(staffId, "staff id") ? staffId : "?";
    if (!row) {
        if (auto ok = audit_.record(auditId, audit_action::kLoginFailed, "unknown staff id", t);
            !ok)
            return std::unexpected(ok.error());
        return std::unexpected(kNotRecognised);
    }
    auto& account = row->account;
    if (account.lockedUntilUnix > t)
        return std::unexpected("this account is locked after " +
                               std::to_string(policy_.maxFailures) +
                               " wrong PINs: ask an admin to unlock it, or try again in " +
                               minutesText(account.lockedUntilUnix - t) + ".");
    if (auto wait = secondsUntilNextTry(account); wait > 0)
        return std::unexpected("please wait " + std::to_string(wait) +
                               " s before trying the PIN again.");

    // Argon2id runs outside the store's mutex.
    const bool right =
        crypto_pwhash_str_verify(row->pinHash.c_str(), reinterpret_cast<const char*>(pin.data()),
                                 pin.size()) == 0;
    if (right) {
        auto reset = store_.withDatabase([&](sqlite3* db) {
            store::Statement update(db,
                                    "UPDATE staff_accounts SET failed_attempts = 0, "
                                    "last_failure_at = 0, locked_until = 0 WHERE staff_id = ?1");
            update.bind(1, staffId).step();
        });
        if (!reset) return std::unexpected(reset.error());
        if (auto ok = audit_.record(staffId, audit_action::kLogin, "", t); !ok)
            return std::unexpected(ok.error());
        account.failedAttempts = 0;
        account.lastFailureUnix = 0;
        return account;
    }

    int failures = 0;
    std::int64_t lockedUntil = 0;
    auto counted = store_.withDatabase([&](sqlite3* db) {
        store::Transaction tx(db);
        store::Statement update(db, "UPDATE staff_accounts SET failed_attempts = "
                                    "failed_attempts + 1, last_failure_at = ?2 WHERE staff_id = ?1 "
                                    "RETURNING failed_attempts");
        update.bind(1, staffId).bind(2, t);
        if (update.step()) failures = static_cast<int>(update.int64(0));
        while (update.step()) {
        }
        if (failures >= policy_.maxFailures) {
            lockedUntil = t + policy_.lockoutDuration.count();
            store::Statement lock(db, "UPDATE staff_accounts SET locked_until = ?2 "
                                      "WHERE staff_id = ?1");
            lock.bind(1, staffId).bind(2, lockedUntil).step();
        }
        tx.commit();
    });
    if (!counted) return std::unexpected(counted.error());
    if (lockedUntil) {
        if (auto ok = audit_.record(staffId, audit_action::kLockedOut,
                                    std::to_string(failures) + " wrong PINs", t);
            !ok)
            return std::unexpected(ok.error());
        return std::unexpected(std::string(kNotRecognised) + ". The account is now locked after " +
                               std::to_string(failures) +
                               " wrong PINs: ask an admin to unlock it, or try again in " +
                               minutesText(lockedUntil - t) + ".");
    }
    if (auto ok = audit_.record(staffId, audit_action::kLoginFailed,
                                "attempt " + std::to_string(failures), t);
        !ok)
        return std::unexpected(ok.error());
    account.failedAttempts = failures;
    account.lastFailureUnix = t;
    const int left = policy_.maxFailures - failures;
    return std::unexpected(
        std::string(kNotRecognised) + ". Wait " + std::to_string(secondsUntilNextTry(account)) +
        " s before trying again (" + std::to_string(left) + (left == 1 ? " try" : " tries") +
        " left before the account is locked).");
}

} // namespace passerelle
