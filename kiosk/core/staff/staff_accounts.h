#pragma once
// Staff accounts on the kiosk (digital mediators and admins). PINs are stored only as
// crypto_pwhash_str (Argon2id) strings. Wrong PINs: a growing wait between tries (1, 2, 4, 8 s by
// default), and after 5 wrong PINs in a row the account is locked until an admin unlocks it or the
// lockout time passes. Every login, failure, lockout and account change is audited.
#include "core/staff/staff_audit.h"
#include "core/store/learner_progress.h"
#include "core/store/store.h"
#include "passerelle/common/secret.h"

#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace passerelle {

enum class StaffRole { Mediator, Admin };
const char* staffRoleName(StaffRole role); // "mediator" | "admin"

struct StaffAccount {
    std::string staffId; // identifier, e.g. "marie-l"; used in audit rows and sealed records
    std::string name;    // shown in the staff panel
    StaffRole role = StaffRole::Mediator;
    int failedAttempts = 0;
    std::int64_t lastFailureUnix = 0;
    std::int64_t lockedUntilUnix = 0; // > now: locked
};

struct StaffPolicy {
    int maxFailures = 5;
    std::chrono::seconds firstDelay{1};            // wait after the 1st wrong PIN, doubling
    std::chrono::seconds lockoutDuration{15 * 60}; // then locked this long (or until an admin)
    PwhashLimits pinHashLimits = PwhashLimits::unlock();
};

class StaffAccounts {
  public:
    using Clock = std::function<std::chrono::system_clock::time_point()>;

    static constexpr const char* kNotRecognised = "name or PIN not recognised";

    explicit StaffAccounts(
        Store& store, StaffPolicy policy = {},
        Clock clock = [] { return std::chrono::system_clock::now(); });

    // Setup from the command line: creates the first admin; refused once any admin exists.
    std::expected<StaffAccount, std::string>
    createFirstAdmin(const std::string& staffId, const std::string& name, const SecretBytes& pin);
    // By an admin (actorId must be an admin account).
    std::expected<StaffAccount, std::string> create(const std::string& actorId,
                                                    const std::string& staffId,
                                                    const std::string& name, StaffRole role,
                                                    const SecretBytes& pin);
    std::expected<void, std::string> remove(const std::string& actorId, const std::string& staffId);
    std::expected<void, std::string> unlock(const std::string& actorId, const std::string& staffId);
    std::expected<void, std::string> changePin(const std::string& actorId,
                                               const std::string& staffId, const SecretBytes& pin);

    // The PIN pad: right PIN → the account (failures reset); wrong PIN → kNotRecognised plus how
    // long to wait; while waiting or locked the PIN is not even checked and the message says so.
    std::expected<StaffAccount, std::string> verify(const std::string& staffId,
                                                    const SecretBytes& pin);

    std::expected<std::vector<StaffAccount>, std::string> list();
    std::expected<std::optional<StaffAccount>, std::string> find(const std::string& staffId);
    bool isLocked(const StaffAccount& account) const;
    // Seconds until the next try is allowed (0 if now; counts the lockout too).
    std::int64_t secondsUntilNextTry(const StaffAccount& account) const;

    StaffAudit& audit() { return audit_; }

  private:
    std::int64_t now() const;
    std::expected<StaffAccount, std::string> insert(const std::string& staffId,
                                                    const std::string& name, StaffRole role,
                                                    const SecretBytes& pin);
    std::expected<StaffAccount, std::string> requireAdmin(const std::string& actorId);

    Store& store_;
    StaffPolicy policy_;
    Clock clock_;
    StaffAudit audit_;
};

} // namespace passerelle
