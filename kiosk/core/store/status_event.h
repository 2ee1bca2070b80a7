#pragma once
#include <cstdint>
#include <string>

namespace passerelle {

// Something staff must know about the kiosk's storage (shown in the staff panel, sent by sync).
struct StatusEvent {
    std::int64_t id = 0;
    std::int64_t atUnix = 0;
    std::string kind;    // e.g. "database-quarantined"
    std::string message; // plain words: what happened and what to do
};

namespace status_kind {
inline constexpr const char* kDatabaseQuarantined = "database-quarantined";
} // namespace status_kind

} // namespace passerelle
