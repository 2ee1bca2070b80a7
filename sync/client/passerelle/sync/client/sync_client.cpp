#include "passerelle/sync/client/sync_client.h"

#include "passerelle/common/files.h"
#include "passerelle/sync/client/city_connection.h"
#include "passerelle/sync/protocol/constants.h"
#include "passerelle/sync/protocol/messages.h"
#include "passerelle/sync/protocol/signing.h"

#include <fstream>
#include <set>
#include <sodium.h>

namespace passerelle::sync {

namespace fs = std::filesystem;

const char* syncStateName(SyncState state) {
    switch (state) {
    case SyncState::Idle:
        return "idle";
    case SyncState::Syncing:
        return "syncing";
    case SyncState::Offline:
        return "offline";
    case SyncState::NotEnrolled:
        return "not enrolled";
    case SyncState::Refused:
        return "refused";
    case SyncState::KioskError:
        return "kiosk storage problem";
    case SyncState::Stopped:
        return "stopped";
    }
    return "?";
}

namespace {

std::expected<std::string, std::string> hashFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::unexpected("cannot read " + file.string());
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (in.gcount() > 0)
            crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                                      static_cast<unsigned long long>(in.gcount()));
    }
    std::array<std::uint8_t, 32> digest{};
    crypto_generichash_final(&state, digest.data(), digest.size());
    return toHex(digest);
}

std::set<std::string> readLines(const fs::path& file) {
    std::set<std::string> out;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.insert(line);
    return out;
}

} // namespace

SyncClient::SyncClient(SyncClientOptions options, OutboxSource& outbox, DocumentSource* documents,
                       PackInstaller installPack, ConfigHandler applyConfig)
    : options_(std::move(options)), outbox_(outbox), documents_(documents),
      installPack_(std::move(installPack)), applyConfig_(std::move(applyConfig)),
      kioskId_(keyId(options_.kioskKey.publicKey)),
      backoff_(options_.backoffInitial, options_.backoffMax) {
    initSodium();
    if (!options_.clock)
        options_.clock = [] {
            return std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        };
    options_.batchSize = std::clamp<std::size_t>(options_.batchSize, 1, kMaxRecordsPerBatch);
    status_.kioskId = kioskId_;
    pendingCode_ = options_.enrolmentCode;
    std::error_code ec;
    fs::create_directories(options_.workDir / "downloads", ec);
    if (auto problem = checkServerUrl(options_.serverUrl); !problem.empty()) {
        status_.state = SyncState::Refused;
        status_.lastError = problem;
    }
}

SyncClient::~SyncClient() {
    stop();
}

std::int64_t SyncClient::now() const {
    return options_.clock();
}

void SyncClient::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopRequested_ = false;
    thread_ = std::thread([this] { run(); });
}

void SyncClient::syncNow() {
    std::lock_guard lock(mutex_);
    wakeRequested_ = true;
    wake_.notify_all();
}

void SyncClient::enrol(std::string code) {
    {
        std::lock_guard lock(mutex_);
        pendingCode_ = std::move(code);
    }
    syncNow();
}

void SyncClient::stop() {
    {
        std::lock_guard lock(mutex_);
        stopRequested_ = true;
        if (active_) active_->transport().abort();
        wake_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    status_.state = SyncState::Stopped;
    status_.nextAttempt.reset();
}

SyncStatus SyncClient::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void SyncClient::setState(SyncState state) {
    std::lock_guard lock(mutex_);
    status_.state = state;
}

void SyncClient::run() {
    CityConnection city(options_.serverUrl, options_.kioskKey, options_.citySigningKey,
                        options_.clock);
    {
        std::lock_guard lock(mutex_);
        active_ = &city;
    }
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopRequested_) break;
            wakeRequested_ = false;
            status_.state = SyncState::Syncing;
            status_.nextAttempt.reset();
        }
        auto result = cycle(city);
        std::chrono::milliseconds delay;
        {
            auto queue = outbox_.count();
            std::lock_guard lock(mutex_);
            if (queue) status_.queueLength = *queue;
            if (result) {
                backoff_.reset();
                status_.state = SyncState::Idle;
                status_.lastError.clear();
                status_.lastSuccess = std::chrono::system_clock::now();
                ++status_.completedSyncs;
                delay = options_.interval;
            } else {
                delay = backoff_.next();
                status_.state = stopRequested_ ? SyncState::Stopped : result.error().state;
                status_.lastError = result.error().message;
            }
            status_.failuresInARow = backoff_.failures();
            status_.nextAttempt = std::chrono::system_clock::now() + delay;
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, delay, [&] { return stopRequested_ || wakeRequested_; });
        if (stopRequested_) break;
    }
    std::lock_guard lock(mutex_);
    active_ = nullptr;
}

std::expected<void, std::string> SyncClient::syncOnce() {
    {
        std::lock_guard lock(mutex_);
        if (!thread_.joinable())
            stopRequested_ = false; // stop() ended the thread; a manual sync may run
    }
    CityConnection city(options_.serverUrl, options_.kioskKey, options_.citySigningKey,
                        options_.clock);
    auto result = cycle(city);
    auto queue = outbox_.count();
    std::lock_guard lock(mutex_);
    if (queue) status_.queueLength = *queue;
    if (!result) {
        status_.state = result.error().state;
        status_.lastError = result.error().message;
        return std::unexpected(result.error().message);
    }
    status_.state = SyncState::Idle;
    status_.lastError.clear();
    status_.lastSuccess = std::chrono::system_clock::now();
    ++status_.completedSyncs;
    return {};
}

SyncClient::CycleError SyncClient::classify(const CallError& error) {
    if (error.failure == CallFailure::Refused) {
        const auto& reason = error.answer.reason;
        if (reason == "unknown_kiosk") {
            std::error_code ec;
            fs::remove(options_.workDir / "enrolled", ec);
            return {SyncState::NotEnrolled,
                    "this kiosk is not enrolled at the city yet: staff must enter an "
                    "enrolment code from the city IT team"};
        }
        return {SyncState::Refused, error.message};
    }
    return {SyncState::Offline, error.message};
}

std::expected<void, SyncClient::CycleError> SyncClient::cycle(CityConnection& city) {
    if (auto problem = checkServerUrl(options_.serverUrl); !problem.empty())
        return std::unexpected(CycleError{SyncState::Refused, problem});
    if (auto ok = ensureEnrolled(city); !ok) return ok;
    if (auto ok = uploadOutbox(city); !ok) return ok;
    if (auto ok = uploadDocuments(city); !ok) return ok;
    if (auto ok = fetchConfig(city); !ok) return ok;
    return fetchPacks(city);
}

std::expected<void, SyncClient::CycleError> SyncClient::ensureEnrolled(CityConnection& city) {
    std::string code;
    {
        std::lock_guard lock(mutex_);
        code = pendingCode_;
    }
    std::error_code ec;
    if (code.empty() || fs::exists(options_.workDir / "enrolled", ec)) return {};
    EnrolRequest request{code, toBase64(options_.kioskKey.publicKey), options_.kioskName};
    auto answer = city.call("POST", kPathEnrol, encode(request));
    if (!answer) {
        auto error = classify(answer.error());
        if (answer.error().failure == CallFailure::Refused)
            error = {SyncState::NotEnrolled, "enrolment refused: " + answer.error().answer.error};
        return std::unexpected(error);
    }
    (void)writeFileAtomic(options_.workDir / "enrolled", kioskId_ + "\n");
    return {};
}

std::expected<void, SyncClient::CycleError> SyncClient::uploadOutbox(CityConnection& city) {
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopRequested_)
                return std::unexpected(CycleError{SyncState::Stopped, "sync stopped"});
        }
        auto pending = outbox_.pending(options_.batchSize);
        if (!pending)
            return std::unexpected(CycleError{
                SyncState::KioskError, "the kiosk's outbox could not be read: " + pending.error()});
        auto& items = *pending;
        if (items.empty()) return {};
        UploadRequest request;
        for (auto& item : items) {
            if (item.kioskId !=
                kioskId_) // a record from another identity would be stored under ours
                return std::unexpected(
                    CycleError{SyncState::Refused, "the outbox holds a record of another kiosk (" +
                                                       item.kioskId + "); it was not sent"});
            request.records.push_back(
                {item.sequence, std::move(item.sealed), item.createdAtUnix, item.serviceId});
        }
        auto answer = city.call("POST", kPathOutbox, encode(request));
        if (!answer) return std::unexpected(classify(answer.error()));
        auto result = decode<UploadAnswer>(answer->body);
        if (!result) return std::unexpected(CycleError{SyncState::Offline, result.error()});
        // Only sequences we sent and the city confirmed: a confused answer cannot delete others.
        std::set<std::int64_t> sent;
        for (const auto& r : request.records)
            sent.insert(r.sequence);
        std::vector<std::int64_t> held;
        for (auto s : result->acknowledged)
            if (sent.contains(s)) held.push_back(s);
        for (auto s : result->conflicts)
            if (sent.contains(s)) held.push_back(s); // the city keeps it aside for review
        if (held.empty())
            return std::unexpected(
                CycleError{SyncState::Offline, "the city acknowledged none of the records sent"});
        if (auto deleted = outbox_.acknowledge(held); !deleted)
            return std::unexpected(
                CycleError{SyncState::KioskError,
                           "the city holds the records, but the kiosk could not mark them "
                           "as sent (they will be sent again, harmlessly): " +
                               deleted.error()});
        std::lock_guard lock(mutex_);
        status_.uploadedTotal += held.size();
        if (!result->conflicts.empty())
            status_.notice =
                std::to_string(result->conflicts.size()) +
                " record(s) reused a sequence number already used at the city; the city kept both "
                "for review";
        if (held.size() < sent.size())
            return std::unexpected(CycleError{SyncState::Offline,
                                              "the city did not acknowledge every record; the "
                                              "others stay on the kiosk and will be sent again"});
    }
}

std::expected<void, SyncClient::CycleError> SyncClient::uploadDocuments(CityConnection& city) {
    if (!documents_) return {};
    for (;;) {
        auto pending = documents_->pending(100);
        if (!pending)
            return std::unexpected(CycleError{
                SyncState::KioskError, "the kiosk's stats could not be read: " + pending.error()});
        if (pending->empty()) return {};
        DocumentUpload upload;
        for (auto& d : *pending)
            upload.documents.push_back({d.id, d.kind, d.json});
        std::string body;
        try {
            body = encode(upload);
        } catch (const std::exception&) {
            return std::unexpected(
                CycleError{SyncState::Refused, "a stats or audit document is not valid JSON"});
        }
        auto answer = city.call("POST", kPathDocuments, body);
        if (!answer) return std::unexpected(classify(answer.error()));
        auto result = decode<DocumentAnswer>(answer->body);
        if (!result) return std::unexpected(CycleError{SyncState::Offline, result.error()});
        if (result->acknowledged.empty())
            return std::unexpected(
                CycleError{SyncState::Offline, "the city acknowledged none of the documents"});
        if (auto deleted = documents_->acknowledge(result->acknowledged); !deleted)
            return std::unexpected(
                CycleError{SyncState::KioskError,
                           "the kiosk could not mark its stats as sent: " + deleted.error()});
    }
}

std::expected<void, SyncClient::CycleError> SyncClient::fetchConfig(CityConnection& city) {
    if (!applyConfig_) return {};
    auto answer = city.call("GET", kPathConfig);
    if (!answer) {
        if (answer.error().failure == CallFailure::Refused && answer.error().answer.status == 404)
            return {};
        return std::unexpected(classify(answer.error()));
    }
    auto signedConfig = decode<SignedConfig>(answer->body);
    if (!signedConfig) return std::unexpected(CycleError{SyncState::Offline, signedConfig.error()});
    auto verified = verifyConfig(options_.citySigningKey, *signedConfig);
    if (!verified) return std::unexpected(CycleError{SyncState::Refused, verified.error()});
    auto marker = options_.workDir / "config.hash";
    auto hash = blake2b256Hex(asBytes(*verified));
    if (auto previous = readFile(marker, 256); previous && *previous == hash) return {};
    if (auto applied = applyConfig_(*verified); !applied)
        return std::unexpected(CycleError{
            SyncState::Refused, "the new configuration was not applied: " + applied.error()});
    (void)writeFileAtomic(marker, hash);
    return {};
}

std::expected<void, SyncClient::CycleError> SyncClient::fetchPacks(CityConnection& city) {
    if (!installPack_) return {};
    auto answer = city.call("GET", kPathPacks);
    if (!answer) return std::unexpected(classify(answer.error()));
    auto list = decode<PackList>(answer->body);
    if (!list) return std::unexpected(CycleError{SyncState::Offline, list.error()});
    auto doneFile = options_.workDir / "packs-handled.txt";
    auto handled = readLines(doneFile);
    for (const auto& pack : list->packs) {
        if (!isWellFormedHashHex(pack.hash) || handled.contains(pack.hash)) continue;
        auto part = options_.workDir / "downloads" / (pack.hash + ".part");
        auto downloaded = city.download(std::string(kPathPacks) + "/" + pack.hash, part);
        if (!downloaded) return std::unexpected(classify(downloaded.error()));
        auto hash = hashFile(part);
        std::error_code ec;
        if (!hash || *hash != pack.hash) {
            auto size = fs::file_size(part, ec);
            if (ec || static_cast<std::int64_t>(size) >= pack.size)
                fs::remove(part, ec); // complete but wrong
            return std::unexpected(
                CycleError{SyncState::Offline, "the pack " + pack.name +
                                                   " did not arrive complete; it will be resumed"});
        }
        auto ready = options_.workDir / "downloads" / (pack.hash + ".pack");
        fs::rename(part, ready, ec);
        auto installed = installPack_(ready);
        fs::remove(ready, ec);
        {
            std::ofstream out(doneFile, std::ios::app);
            out << pack.hash << "\n";
        }
        if (!installed) {
            std::lock_guard lock(mutex_);
            status_.notice =
                "the pack " + pack.name + " from the city was not installed: " + installed.error();
        }
    }
    return {};
}

std::future<std::expected<void, std::string>> SyncClient::pushProgress(std::string learnerHash,
                                                                       Bytes blob) {
    return std::async(std::launch::async,
                      [this, learnerHash = std::move(learnerHash),
                       blob = std::move(blob)]() -> std::expected<void, std::string> {
                          if (!isWellFormedHashHex(learnerHash))
                              return std::unexpected("the learner hash must be 64 hex characters");
                          CityConnection city(options_.serverUrl, options_.kioskKey,
                                              options_.citySigningKey, options_.clock);
                          auto answer =
                              city.call("PUT", kPathProgress + learnerHash,
                                        std::string(asText(blob)), "application/octet-stream");
                          if (!answer) return std::unexpected(answer.error().message);
                          return {};
                      });
}

std::future<std::expected<std::optional<Bytes>, std::string>>
SyncClient::fetchProgress(std::string learnerHash) {
    return std::async(std::launch::async,
                      [this, learnerHash = std::move(learnerHash)]()
                          -> std::expected<std::optional<Bytes>, std::string> {
                          if (!isWellFormedHashHex(learnerHash))
                              return std::unexpected("the learner hash must be 64 hex characters");
                          CityConnection city(options_.serverUrl, options_.kioskKey,
                                              options_.citySigningKey, options_.clock);
                          auto answer = city.call("GET", kPathProgress + learnerHash);
                          if (!answer) {
                              if (answer.error().failure == CallFailure::Refused &&
                                  answer.error().answer.status == 404)
                                  return std::optional<Bytes>{};
                              return std::unexpected(answer.error().message);
                          }
                          auto bytes = asBytes(answer->body);
                          return std::optional<Bytes>(Bytes(bytes.begin(), bytes.end()));
                      });
}

} // namespace passerelle::sync
