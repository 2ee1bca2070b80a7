#pragma once
// One resident's visit. Everything the resident types is held here, and only here, in libsodium
// guarded memory; end() zeroes it (sodium_memzero) and frees it. The session never writes a
// personal value anywhere except through seal(), which encrypts it to the city.
#include "core/session/answers.h"
#include "core/session/sealer.h"
#include "core/store/store.h"

#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace passerelle {

enum class EndReason { Finished, IdleTimeout, EndedByStaff };

// Where a submission goes: which kiosk, which service of which pack (all non-personal).
struct SubmissionTarget {
    std::string kioskId;
    std::string serviceId;
    std::string packId;
    std::string packVersion;
};

// What the resident is shown after submitting.
struct Receipt {
    std::int64_t sequence = 0;
    std::string referenceCode; // "XXXX-XXXX"
};

class Session {
  public:
    using Clock = std::chrono::system_clock;

    Session() = default;
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Starts a visit (first touch). A visit still open is ended (and wiped) first.
    // mediatorId: the staff member's id for an assisted session, otherwise nullopt.
    std::expected<void, std::string> begin(const std::string& language, bool assisted,
                                           std::optional<std::string> mediatorId = std::nullopt);
    bool active() const { return active_; }
    const std::string& language() const { return language_; }
    bool assisted() const { return assisted_; }
    const std::optional<std::string>& mediatorId() const { return mediatorId_; }

    // fieldId: the pack's field id ([A-Za-z0-9._-], up to 64). Values must be UTF-8.
    std::expected<void, std::string> setAnswer(const std::string& fieldId, std::string_view value);
    std::expected<void, std::string> setAnswer(const std::string& fieldId,
                                               std::span<const std::string_view> values);
    // The values typed for a field (empty if none). Read with SecretBytes::text().
    std::span<const SecretBytes> answer(const std::string& fieldId) const;
    void clearAnswer(const std::string& fieldId);
    std::size_t answerCount() const { return answers_.size(); }

    // Serializes the answers, seals them to the city and appends them to the outbox, all in one
    // store transaction. The answers stay in the session (the resident may still see the summary)
    // until end().
    std::expected<Receipt, std::string> seal(const SubmissionTarget& target, const Sealer& sealer,
                                             Store& store,
                                             Clock::time_point now = Clock::now()) const;

    // Ends the visit: every answer buffer is zeroed with sodium_memzero, then freed.
    void end(EndReason reason);
    std::optional<EndReason> lastEndReason() const { return lastEndReason_; }

    // Test hook: called by end() with each answer buffer right after it was zeroed and before it
    // is freed, so a test can see with its own eyes that the bytes really are zero.
    using WipeObserver = std::function<void(std::span<const std::uint8_t> zeroedBuffer)>;
    static void setWipeObserverForTests(WipeObserver observer);

  private:
    void wipeAnswers();

    bool active_ = false;
    std::string language_;
    bool assisted_ = false;
    std::optional<std::string> mediatorId_;
    Answers answers_;
    std::optional<EndReason> lastEndReason_;
};

// "2026-11-29T20:46:34Z"
std::string isoUtc(Session::Clock::time_point at);

} // namespace passerelle
