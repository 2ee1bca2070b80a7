#pragma once
// What staff mode needs besides the state: the staff accounts and their audit trail
// (staff_accounts.h, staff_audit.h), the pack library (install, rollback), where to look for
// packs on a USB stick and the settings shown in the panel. One per kiosk, owned by the runtime
// and reached by the staff controller through KioskServices.
#include "core/identity/local_settings.h"
#include "core/staff/staff_accounts.h"
#include "core/state/clock.h"

#include <chrono>
#include <expected>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace passerelle::pack {
class PackLibrary;
}

namespace passerelle::staff {

// Staff-panel actions audited besides the accounts' own (staff_audit.h). Identifiers only.
namespace audit_action {
inline constexpr const char* kLogout = "staff.logout";
inline constexpr const char* kAssistedStart = "assisted.start";
inline constexpr const char* kAssistedEnd = "assisted.end";
inline constexpr const char* kPackInstall = "pack.install";
inline constexpr const char* kPackInstallFailed = "pack.install-failed";
inline constexpr const char* kPackRollback = "pack.rollback";
inline constexpr const char* kHelpHandled = "help.handled";
inline constexpr const char* kTestConnection = "sync.test-connection";
inline constexpr const char* kSettingsChanged = "settings.changed";
} // namespace audit_action

// "Marie Laurent" -> "marie-laurent": the staff id used in audit rows and sealed records
// ("staff" when the name has no ASCII letter or digit).
std::string staffIdFor(const std::string& name);

class StaffDesk {
  public:
    // `reloadContent` re-reads the installed packs after an install or a rollback so residents
    // see the new content at once.
    StaffDesk(Store& store, pack::PackLibrary& packs, std::function<void()> reloadContent);

    // Lockout times follow the Kiosk's clock once it is known (tests move it forward); before
    // that, and for the wall-clock times stored in the database, the system clock.
    void useClock(const Clock* clock);

    StaffAccounts& accounts() { return accounts_; }
    pack::PackLibrary& packs() { return packs_; }
    void reloadContent() const {
        if (reload_) reload_();
    }
    // Audits one panel action (errors are reported but never block the action).
    std::expected<void, std::string> record(const std::string& staffId, const std::string& action,
                                            const std::string& detail = {});
    // The latest `count` audit entries, newest first (for the panel; sync reads them in order
    // with StaffAudit::entriesAfter).
    std::expected<std::vector<AuditEntry>, std::string> latestAudit(std::size_t count);

    using Settings = LocalSettings;
    void setSettings(Settings settings) { settings_ = std::move(settings); }
    const Settings& settings() const { return settings_; }
    // Where settings.json is kept, and who applies a change (the runtime: sync address).
    void setDataDir(std::filesystem::path dataDir) { dataDir_ = std::move(dataDir); }
    void onSettingsSaved(std::function<void(const Settings&)> listener) {
        settingsSaved_ = std::move(listener);
    }
    // An admin saves settings from the panel: validated (an encoded panel message on refusal,
    // see LocalSettings::problem), written atomically to the data folder, audited, applied.
    std::expected<void, std::string> saveSettings(const std::string& staffId, Settings settings);

    // Where USB sticks are mounted (default /media and /run/media); tests point it elsewhere.
    void setRemovableRoots(std::vector<std::filesystem::path> roots) { roots_ = std::move(roots); }
    // Every *.ppack file under the removable roots (3 folders deep at most, 50 at most), sorted;
    // unreadable folders are skipped.
    std::vector<std::filesystem::path> findPackFiles() const;

  private:
    std::chrono::system_clock::time_point wallNow() const;

    Store& store_;
    const Clock* clock_ = nullptr;
    std::chrono::system_clock::time_point wallAtStart_ = std::chrono::system_clock::now();
    Clock::time_point clockAtStart_{};
    StaffAccounts accounts_;
    pack::PackLibrary& packs_;
    std::function<void()> reload_;
    std::vector<std::filesystem::path> roots_{"/media", "/run/media"};
    Settings settings_;
    std::filesystem::path dataDir_;
    std::function<void(const Settings&)> settingsSaved_;
};

} // namespace passerelle::staff
