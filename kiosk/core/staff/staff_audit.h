#pragma once
// Who did what, when: every staff action on the kiosk, kept for the city (sync reads it in id
// order and remembers the last id it sent).
#include "core/store/store.h"

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace passerelle {

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t atUnix = 0;
    std::string staffId; // "" is never used; unknown names are recorded as "?"
    std::string action;  // one of audit_action::* or another module's identifier
    std::string detail;  // short, non-personal (ids, counts), at most 200 bytes
};

namespace audit_action {
inline constexpr const char* kLogin = "staff.login";
inline constexpr const char* kLoginFailed = "staff.login-failed";
inline constexpr const char* kLockedOut = "staff.locked-out";
inline constexpr const char* kUnlocked = "staff.unlocked";
inline constexpr const char* kCreated = "staff.created";
inline constexpr const char* kRemoved = "staff.removed";
inline constexpr const char* kPinChanged = "staff.pin-changed";
} // namespace audit_action

class StaffAudit {
  public:
    explicit StaffAudit(Store& store) : store_(store) {}
    // action: an identifier ([a-z0-9._-]); detail: at most 200 bytes.
    std::expected<void, std::string> record(const std::string& staffId, const std::string& action,
                                            const std::string& detail = {},
                                            std::int64_t atUnix = 0 /* 0 = now */);
    // Entries with id > afterId, oldest first (sync passes the last id the city acknowledged).
    std::expected<std::vector<AuditEntry>, std::string> entriesAfter(std::int64_t afterId,
                                                                     std::size_t limit);

  private:
    Store& store_;
};

} // namespace passerelle
