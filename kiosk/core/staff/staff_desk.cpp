#include "core/staff/staff_desk.h"

#include "core/store/sqlite.h"

#include <algorithm>
#include <cctype>

namespace passerelle::staff {

StaffDesk::StaffDesk(Store& store, pack::PackLibrary& packs, std::function<void()> reloadContent)
    : store_(store), accounts_(store, StaffPolicy{}, [this] { return wallNow(); }), packs_(packs),
      reload_(std::move(reloadContent)) {}

void StaffDesk::useClock(const Clock* clock) {
    if (clock == clock_) return;
    clock_ = clock;
    wallAtStart_ = std::chrono::system_clock::now();
    if (clock_) clockAtStart_ = clock_->now();
}

std::chrono::system_clock::time_point StaffDesk::wallNow() const {
    if (!clock_) return std::chrono::system_clock::now();
    return wallAtStart_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                              clock_->now() - clockAtStart_);
}

std::expected<void, std::string> StaffDesk::record(const std::string& staffId,
                                                   const std::string& action,
                                                   const std::string& detail) {
    const auto unix =
        std::chrono::duration_cast<std::chrono::seconds>(wallNow().time_since_epoch()).count();
    return accounts_.audit().record(staffId, action, detail.substr(0, 200), unix);
}

std::expected<std::vector<AuditEntry>, std::string> StaffDesk::latestAudit(std::size_t count) {
    std::vector<AuditEntry> out;
    auto done = store_.withDatabase([&](sqlite3* db) {
        store::Statement query(db, "SELECT id, at_unix, staff_id, action, detail FROM staff_audit "
                                   "ORDER BY id DESC LIMIT ?1");
        query.bind(1, static_cast<std::int64_t>(count));
        while (query.step())
            out.push_back(
                {query.int64(0), query.int64(1), query.text(2), query.text(3), query.text(4)});
    });
    if (!done) return std::unexpected(done.error());
    return out;
}

std::vector<std::filesystem::path> StaffDesk::findPackFiles() const {
    namespace fs = std::filesystem;
    std::vector<fs::path> found;
    for (auto& root : roots_) {
        std::error_code ec;
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied,
                                            ec);
        for (; !ec && it != fs::recursive_directory_iterator() && found.size() < 50;
             it.increment(ec)) {
            if (it.depth() >= 3) it.disable_recursion_pending();
            std::error_code fileEc;
            if (it->is_regular_file(fileEc) && it->path().extension() == ".ppack")
                found.push_back(it->path());
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::string staffIdFor(const std::string& name) {
    std::string id;
    for (unsigned char c : name) {
        if (c < 0x80 && std::isalnum(c))
            id += static_cast<char>(std::tolower(c));
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && id.back() == '-')
        id.pop_back();
    if (id.size() > 40) id.resize(40);
    return id.empty() ? "staff" : id;
}

std::expected<void, std::string> StaffDesk::saveSettings(const std::string& staffId,
                                                         Settings settings) {
    if (auto problem = settings.problem(); !problem.empty()) return std::unexpected(problem);
    if (settings == settings_) return {};
    if (!dataDir_.empty())
        if (auto saved = settings.save(dataDir_); !saved)
            return std::unexpected("the settings could not be saved: " + saved.error());
    std::string detail;
    if (settings.idleTimeoutSeconds != settings_.idleTimeoutSeconds)
        detail += "idle " + std::to_string(settings.idleTimeoutSeconds) + "s; ";
    if (settings.defaultLanguage != settings_.defaultLanguage)
        detail += "default " + settings.defaultLanguage + "; ";
    if (settings.offeredLanguages != settings_.offeredLanguages) {
        detail += "languages";
        for (auto& l : settings.offeredLanguages)
            detail += " " + l;
        detail += "; ";
    }
    if (settings.cityUrl != settings_.cityUrl) detail += "city " + settings.cityUrl + "; ";
    if (detail.size() >= 2) detail.resize(detail.size() - 2);
    if (detail.size() > 200) detail.resize(200);
    (void)record(staffId, audit_action::kSettingsChanged, detail);
    settings_ = std::move(settings);
    if (settingsSaved_) settingsSaved_(settings_);
    return {};
}

} // namespace passerelle::staff
