#include "core/resident/kiosk_runtime.h"

#include "core/identity/local_settings.h"

namespace passerelle {

std::vector<pack::TrustedKey> trustedKeysOf(const KioskConfig& config) {
    std::vector<pack::TrustedKey> keys;
    for (auto& publisher : config.trustedPublishers)
        keys.push_back({publisher.name, publisher.key});
    return keys;
}

std::expected<std::unique_ptr<KioskRuntime>, std::string>
KioskRuntime::open(const Options& options) {
    std::unique_ptr<KioskRuntime> rt(new KioskRuntime());
    std::error_code ec;
    std::filesystem::create_directories(options.dataDir, ec);
    if (ec)
        return std::unexpected("cannot use the data folder " + options.dataDir.string() + ": " +
                               ec.message());

    auto identity = KioskIdentity::loadOrCreate(options.dataDir);
    if (!identity) return std::unexpected(identity.error());
    rt->identity_ = std::move(*identity);

    const auto configPath =
        options.configFile.empty() ? options.dataDir / KioskConfig::kFileName : options.configFile;
    if (options.demo && !std::filesystem::exists(configPath)) {
        auto demo = KioskConfig::demo(options.demoKeysDir, options.demoCityUrl);
        if (!demo) return std::unexpected(demo.error());
        if (auto saved = demo->save(options.dataDir); !saved) return std::unexpected(saved.error());
    }
    auto config = KioskConfig::load(configPath);
    if (!config)
        return std::unexpected(
            "the kiosk configuration cannot be used: " + config.error() +
            "\n(start with --demo to try the kiosk with the demo configuration)");
    rt->config_ = std::move(*config);
    // Settings an admin changed in the staff panel override the configuration file.
    if (auto local = LocalSettings::load(options.dataDir); !local)
        rt->warnings_.push_back(local.error());
    else if (*local)
        (*local)->applyTo(rt->config_);
    if (rt->config_.isDemo)
        rt->warnings_.push_back("DEMO CONFIGURATION: this kiosk trusts the public demo keys");

    auto store = Store::open(options.dataDir);
    if (!store) return std::unexpected(store.error());
    rt->store_ = std::move(*store);
    if (auto events = rt->store_->statusEvents())
        for (auto& e : *events)
            rt->warnings_.push_back(e.kind + ": " + e.message);

    rt->sealer_.emplace(rt->config_.citySealingKey);
    rt->learners_ = std::make_unique<LearnerProgress>(*rt->store_, rt->config_.citySealingKey);
    rt->packs_ = std::make_unique<pack::PackLibrary>(options.dataDir, trustedKeysOf(rt->config_));

    if (options.demo && !options.demoPackFile.empty() &&
        std::filesystem::exists(options.demoPackFile)) {
        // Installs the demo pack once (and again when the build makes a newer one).
        auto installed = rt->packs_->install(options.demoPackFile);
        if (!installed && installed.error().find("already") == std::string::npos &&
            installed.error().find("newer") == std::string::npos &&
            installed.error().find("older") == std::string::npos)
            rt->warnings_.push_back("demo pack: " + installed.error());
    }
    rt->reloadContent();
    rt->staff_ = std::make_unique<staff::StaffDesk>(*rt->store_, *rt->packs_,
                                                    [r = rt.get()] { r->reloadContent(); });
    rt->staff_->setSettings(LocalSettings::from(rt->config_));
    rt->staff_->setDataDir(options.dataDir);

    SyncLink::Options link;
    link.workDir = options.dataDir / "sync";
    link.cityUrl = rt->config_.cityUrl;
    link.cityKey = rt->config_.cityAnswerKey();
    link.kioskKey = rt->identity_.keys;
    link.kioskName = rt->config_.kioskName;
    link.enrolmentCode = rt->config_.enrolmentCodeToUse();
    link.interval = options.syncInterval;
    link.backoffInitial = options.syncBackoffInitial;
    link.backoffMax = options.syncBackoffMax;
    rt->sync_ =
        std::make_unique<SyncLink>(std::move(link), *rt->store_, rt->staff_->accounts().audit());
    rt->staff_->onSettingsSaved([r = rt.get()](const staff::StaffDesk::Settings& settings) {
        r->config_.idleTimeoutSeconds = settings.idleTimeoutSeconds;
        r->config_.defaultLanguage = settings.defaultLanguage;
        r->config_.offeredLanguages = settings.offeredLanguages;
        r->config_.cityUrl = settings.cityUrl;
        r->sync_->setCityUrl(settings.cityUrl);
    });
    return rt;
}

void KioskRuntime::reloadContent() {
    std::vector<std::shared_ptr<const pack::Pack>> loaded;
    if (auto list = packs_->installed()) {
        for (auto& entry : *list) {
            if (auto p = packs_->open(entry.id))
                loaded.push_back(*p);
            else
                warnings_.push_back("pack " + entry.id + ": " + p.error());
        }
    } else {
        warnings_.push_back("installed packs: " + list.error());
    }
    content_ = ContentCatalog(std::move(loaded));
}

KioskServices KioskRuntime::services() {
    KioskServices s;
    s.store = store_.get();
    s.session = &session_;
    s.sealer = &*sealer_;
    s.content = &content_;
    s.learners = learners_.get();
    s.kioskId = identity_.kioskId;
    s.staff = staff_.get();
    s.submissionSealed = [link = sync_.get()] { link->syncNow(); };
    return s;
}

} // namespace passerelle
