#pragma once
// What the sync client needs from the kiosk, as small interfaces the kiosk app implements over
// its store. The client calls them from its background thread only (never from the UI thread),
// so implementations must be safe to call from a thread other than the one that writes them.
#include "passerelle/common/encoding.h"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace passerelle::sync {

// One sealed submission waiting in the kiosk outbox.
struct OutboxItem {
    std::int64_t sequence = 0; // per-kiosk, unique, never reused
    std::string kioskId;
    Bytes sealed; // crypto_box_seal to the city's X25519 key; the kiosk cannot read it
    std::int64_t createdAtUnix = 0;
    std::string serviceId;
};

class OutboxSource {
  public:
    virtual ~OutboxSource() = default;
    // Oldest first, at most `limit`. Errors (a damaged or full kiosk database) are shown to staff.
    virtual std::expected<std::vector<OutboxItem>, std::string> pending(std::size_t limit) = 0;
    // Called only with sequences the city has confirmed holding (a signed answer); delete them.
    virtual std::expected<void, std::string>
    acknowledge(std::span<const std::int64_t> sequences) = 0;
    virtual std::expected<std::size_t, std::string> count() = 0;
};

// Stats and audit documents (opaque JSON objects), uploaded like the outbox.
struct PendingDocument {
    std::string id;   // unique on this kiosk, e.g. "stats-2026-11-29" or "audit-42"
    std::string kind; // "stats" or "audit"
    std::string json; // a JSON object
};

class DocumentSource {
  public:
    virtual ~DocumentSource() = default;
    virtual std::expected<std::vector<PendingDocument>, std::string> pending(std::size_t limit) = 0;
    virtual std::expected<void, std::string> acknowledge(std::span<const std::string> ids) = 0;
};

// Receives a downloaded pack whose bytes match the hash the city listed; must verify the pack's
// own signature and install it atomically (or refuse it with a plain-words reason).
using PackInstaller =
    std::function<std::expected<void, std::string>(const std::filesystem::path& downloadedPack)>;

// Receives the kiosk configuration JSON after its city signature was verified.
using ConfigHandler =
    std::function<std::expected<void, std::string>(const std::string& verifiedJson)>;

} // namespace passerelle::sync
