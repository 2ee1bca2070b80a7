#include "core/session/session.h"

#include "core/session/reference_code.h"
#include "core/session/submission_json.h"
#include "core/store/stats.h"

#include <ctime>
#include <sodium.h>

namespace passerelle {

namespace {

Session::WipeObserver& wipeObserver() {
    static Session::WipeObserver observer;
    return observer;
}

std::expected<void, std::string> checkFieldId(std::string_view id) {
    bool ok = !id.empty() && id.size() <= 64;
    for (char c : id)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-');
    if (ok) return {};
    return std::unexpected("field id must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-'");
}

std::expected<void, std::string> checkVersion(std::string_view version) {
    bool ok = !version.empty() && version.size() <= 32;
    for (char c : version)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '+');
    if (ok) return {};
    return std::unexpected("pack version must look like 1.2.0");
}

std::span<const std::uint8_t> bytesOf(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

} // namespace

std::string isoUtc(Session::Clock::time_point at) {
    std::time_t t = Session::Clock::to_time_t(at);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

void Session::setWipeObserverForTests(WipeObserver observer) {
    wipeObserver() = std::move(observer);
}

Session::~Session() {
    wipeAnswers();
}

std::expected<void, std::string> Session::begin(const std::string& language, bool assisted,
                                                std::optional<std::string> mediatorId) {
    if (auto ok = checkLanguageCode(language); !ok) return ok;
    if (mediatorId) {
        if (auto ok = checkIdentifier(*mediatorId, "mediator id"); !ok) return ok;
    }
    wipeAnswers(); // a visit that was never ended leaves nothing behind
    active_ = true;
    language_ = language;
    assisted_ = assisted;
    mediatorId_ = std::move(mediatorId);
    return {};
}

std::expected<void, std::string> Session::setAnswer(const std::string& fieldId,
                                                    std::string_view value) {
    std::string_view one[] = {value};
    auto done = setAnswer(fieldId, std::span<const std::string_view>(one));
    if (done) answers_[fieldId].multiple = false;
    return done;
}

std::expected<void, std::string> Session::setAnswer(const std::string& fieldId,
                                                    std::span<const std::string_view> values) {
    if (!active_) return std::unexpected("no session in progress: touch the screen to start");
    if (auto ok = checkFieldId(fieldId); !ok) return ok;
    for (auto value : values)
        if (!isValidUtf8(bytesOf(value)))
            return std::unexpected("the answer contains invalid characters (not UTF-8)");
    Answer fresh;
    fresh.multiple = true;
    for (auto value : values)
        fresh.values.emplace_back(value);
    clearAnswer(fieldId); // wipe the previous value before dropping it
    answers_[fieldId] = std::move(fresh);
    return {};
}

std::span<const SecretBytes> Session::answer(const std::string& fieldId) const {
    auto it = answers_.find(fieldId);
    if (it == answers_.end()) return {};
    return it->second.values;
}

void Session::clearAnswer(const std::string& fieldId) {
    auto it = answers_.find(fieldId);
    if (it == answers_.end()) return;
    for (auto& value : it->second.values) {
        if (value.empty()) continue;
        sodium_memzero(value.data(), value.size());
        if (wipeObserver()) wipeObserver()(value.bytes());
        value.wipe();
    }
    answers_.erase(it);
}

void Session::wipeAnswers() {
    while (!answers_.empty())
        clearAnswer(answers_.begin()->first);
}

void Session::end(EndReason reason) {
    wipeAnswers();
    active_ = false;
    mediatorId_.reset();
    assisted_ = false;
    language_.clear();
    lastEndReason_ = reason;
}

std::expected<Receipt, std::string> Session::seal(const SubmissionTarget& target,
                                                  const Sealer& sealer, Store& store,
                                                  Clock::time_point now) const {
    if (!active_) return std::unexpected("no session in progress: nothing to submit");
    if (auto ok = checkIdentifier(target.serviceId, "service id"); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkIdentifier(target.packId, "pack id"); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkVersion(target.packVersion); !ok) return std::unexpected(ok.error());

    SubmissionHeader header;
    header.kioskId = target.kioskId;
    header.serviceId = target.serviceId;
    header.packId = target.packId;
    header.packVersion = target.packVersion;
    header.reference = newReferenceCode();
    header.submittedAt = isoUtc(now);
    header.language = language_;
    header.assisted = assisted_;
    header.mediatorId = mediatorId_;

    const auto createdAt = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
    auto sequence = store.appendToOutbox(
        target.kioskId, target.serviceId, createdAt.count(),
        [&](std::int64_t next) -> std::expected<std::vector<std::uint8_t>, std::string> {
            header.sequence = next;
            // The plaintext lives in guarded memory and is zeroed when it goes out of scope.
            SecretBytes plaintext = buildSubmissionJson(header, answers_);
            return sealer.seal(plaintext);
        });
    if (!sequence) return std::unexpected(sequence.error());
    return Receipt{*sequence, header.reference};
}

} // namespace passerelle
