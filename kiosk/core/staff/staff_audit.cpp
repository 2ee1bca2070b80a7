#include "core/staff/staff_audit.h"

#include "core/store/sqlite.h"
#include "core/store/stats.h"

#include <chrono>

namespace passerelle {

std::expected<void, std::string> StaffAudit::record(const std::string& staffId,
                                                    const std::string& action,
                                                    const std::string& detail,
                                                    std::int64_t atUnix) {
    if (auto ok = checkIdentifier(action, "audit action"); !ok) return ok;
    if (staffId.empty() || staffId.size() > 64)
        return std::unexpected("audit entries need the staff id of who acted");
    if (detail.size() > 200) return std::unexpected("audit detail is limited to 200 bytes");
    if (atUnix == 0)
        atUnix = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();
    return store_.withDatabase([&](sqlite3* db) {
        store::Statement insert(db, "INSERT INTO staff_audit (at_unix, staff_id, action, detail) "
                                    "VALUES (?1, ?2, ?3, ?4)");
        insert.bind(1, atUnix).bind(2, staffId).bind(3, action).bind(4, detail).step();
    });
}

std::expected<std::vector<AuditEntry>, std::string> StaffAudit::entriesAfter(std::int64_t afterId,
                                                                             std::size_t limit) {
    std::vector<AuditEntry> entries;
    auto done = store_.withDatabase([&](sqlite3* db) {
        store::Statement query(db, "SELECT id, at_unix, staff_id, action, detail FROM staff_audit "
                                   "WHERE id > ?1 ORDER BY id LIMIT ?2");
        query.bind(1, afterId)
            .bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
        while (query.step())
            entries.push_back(
                {query.int64(0), query.int64(1), query.text(2), query.text(3), query.text(4)});
    });
    if (!done) return std::unexpected(done.error());
    return entries;
}

} // namespace passerelle
