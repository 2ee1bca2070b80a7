#pragma once
#include "core/identity/kiosk_config.h"
#include "core/identity/kiosk_identity.h"
#include "core/pack/pack_library.h"
#include "core/resident/content_catalog.h"
#include "core/resident/kiosk_services.h"
#include "core/session/sealer.h"
#include "core/session/session.h"
#include "core/staff/staff_desk.h"
#include "core/store/learner_progress.h"
#include "core/store/store.h"
#include "core/sync_link/sync_link.h"

#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace passerelle {

// Everything the kiosk core needs, opened from a data folder: identity, configuration, store,
// installed packs, sealer, session. The app and the screen tests build the kiosk the same way.
class KioskRuntime {
  public:
    struct Options {
        std::filesystem::path dataDir;
        std::filesystem::path configFile; // empty: <dataDir>/config.json
        bool demo = false; // no config yet: write the demo one (demo keys, demo pack)
        std::filesystem::path demoKeysDir;  // assets/demo-keys (only *.public are read)
        std::filesystem::path demoPackFile; // installed when demo and not installed yet (or older)
        std::string demoCityUrl = "http://127.0.0.1:8470";
        // Sync worker timing (tests shorten them); the worker starts with startSync().
        std::chrono::milliseconds syncInterval{60'000};
        std::chrono::milliseconds syncBackoffInitial{2'000};
        std::chrono::milliseconds syncBackoffMax{600'000};
    };

    static std::expected<std::unique_ptr<KioskRuntime>, std::string> open(const Options& options);

    const KioskConfig& config() const { return config_; }
    const KioskIdentity& identity() const { return identity_; }
    Store& store() { return *store_; }
    Session& session() { return session_; }
    const Sealer& sealer() const { return *sealer_; }
    pack::PackLibrary& packs() { return *packs_; }
    const ContentCatalog& content() const { return content_; }
    LearnerProgress& learners() { return *learners_; }
    staff::StaffDesk& staffDesk() { return *staff_; }
    // The sync worker (background thread): uploads the outbox and the audit trail to the city.
    SyncLink& syncLink() { return *sync_; }
    void startSync() { sync_->start(); }
    KioskServices services();

    // Re-reads the installed packs (after an install or rollback). Packs that fail to open are
    // reported in warnings(), the others keep working.
    void reloadContent();
    // Problems staff should see (a quarantined database, a pack that failed, demo keys in use).
    const std::vector<std::string>& warnings() const { return warnings_; }

  private:
    KioskRuntime() = default;
    KioskConfig config_;
    KioskIdentity identity_;
    std::unique_ptr<Store> store_;
    Session session_;
    std::optional<Sealer> sealer_;
    std::unique_ptr<pack::PackLibrary> packs_;
    ContentCatalog content_;
    std::unique_ptr<LearnerProgress> learners_;
    std::unique_ptr<staff::StaffDesk> staff_;
    std::unique_ptr<SyncLink> sync_; // last: stopped first, before the store it reads goes
    std::vector<std::string> warnings_;
};

std::vector<pack::TrustedKey> trustedKeysOf(const KioskConfig& config);

} // namespace passerelle
