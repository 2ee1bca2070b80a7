#pragma once
// Everything the city keeps: enrolled kiosks, enrolment codes, seen nonces, sealed submissions,
// stats/audit documents, learner progress blobs, signed kiosk configurations. One implementation
// of the rules over two SQL backends (SQLite file or PostgreSQL), chosen by the database URL:
//   sqlite:///var/lib/passerelle-city/city.sqlite   (or a plain file path)
//   postgresql://user:pass@host:5432/db[?schema=name]  (schema: created if missing)
// Every method is thread-safe (connections come from a small pool).
#include "passerelle/city/store/sql_connection.h"
#include "passerelle/common/keys.h"
#include "passerelle/sync/protocol/messages.h"

#include <condition_variable>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace passerelle::city {

struct KioskRecord {
    std::string kioskId;
    PublicKey publicKey{};
    std::string name;
    std::int64_t enrolledAt = 0;
    std::optional<std::int64_t> revokedAt;
    std::optional<std::int64_t> lastSyncAt;
    std::int64_t submissions = 0;
};

struct StoredSubmission {
    std::string kioskId;
    std::int64_t sequence = 0;
    std::string serviceId;
    Bytes sealed;
    std::int64_t createdAt = 0;
    std::int64_t receivedAt = 0;
};

struct IngestResult {
    std::vector<std::int64_t> acknowledged; // stored now, or already stored with the same bytes
    std::vector<std::int64_t> conflicts;    // same sequence, different bytes: original kept
    std::int64_t newlyStored = 0;
    std::int64_t duplicates = 0;
};

struct StoreCounts {
    std::int64_t kiosks = 0, revokedKiosks = 0, submissions = 0, conflicts = 0, documents = 0,
                 progressBlobs = 0;
};

enum class EnrolFailure { BadCode, Revoked, Database };
struct EnrolError {
    EnrolFailure failure;
    std::string message;
};

struct DatabaseUrl {
    Dialect dialect = Dialect::Sqlite;
    std::string target; // SQLite file path, or libpq connection URI without our own parameters
    std::string schema; // PostgreSQL only
    std::string describe() const; // for logs: never shows a password
};
std::expected<DatabaseUrl, std::string> parseDatabaseUrl(const std::string& url);

class CityStore {
  public:
    // Opens (and creates or upgrades the tables of) the database. `poolSize` matters for
    // PostgreSQL.
    static std::expected<std::unique_ptr<CityStore>, std::string> open(const std::string& url,
                                                                       std::size_t poolSize = 4);
    ~CityStore();
    const DatabaseUrl& url() const { return url_; }

    // Enrolment: codes are stored hashed; `reusable` only for the demo code.
    std::expected<void, std::string> addEnrolmentCode(const std::string& code,
                                                      std::int64_t expiresAt, bool reusable,
                                                      std::int64_t now);
    std::expected<std::string, EnrolError> enrol(const std::string& code, const PublicKey& kioskKey,
                                                 const std::string& name, std::int64_t now);
    std::expected<std::optional<KioskRecord>, std::string> kiosk(const std::string& kioskId);
    std::expected<std::vector<KioskRecord>, std::string> kiosks();
    // False when no such kiosk.
    std::expected<bool, std::string> revoke(const std::string& kioskId, std::int64_t now);

    // Remembers a request nonce; false if this kiosk already used it (a replay).
    std::expected<bool, std::string> acceptNonce(const std::string& kioskId,
                                                 const std::string& nonce, std::int64_t now);

    // Stores a batch in one transaction, idempotent on (kiosk id, sequence).
    std::expected<IngestResult, std::string> ingest(const std::string& kioskId,
                                                    std::span<const sync::UploadRecord> records,
                                                    std::int64_t now);
    std::expected<std::vector<std::string>, std::string>
    storeDocuments(const std::string& kioskId, std::span<const sync::Document> documents,
                   std::int64_t now);
    std::expected<std::vector<sync::Document>, std::string> documents(const std::string& kioskId);

    // Submissions for one service (or all when empty), oldest first.
    std::expected<std::vector<StoredSubmission>, std::string>
    submissions(const std::string& serviceId);
    std::expected<std::int64_t, std::string> conflictCount();

    std::expected<void, std::string> putProgress(const std::string& learnerHash, const Bytes& blob,
                                                 const std::string& kioskId, std::int64_t now);
    std::expected<std::optional<Bytes>, std::string> progress(const std::string& learnerHash);

    // Signed configuration (encoded sync::SignedConfig) for one kiosk, or "default" for all.
    std::expected<void, std::string> setConfig(const std::string& scope,
                                               const std::string& signedConfig, std::int64_t now);
    std::expected<std::optional<std::string>, std::string> config(const std::string& kioskId);

    std::expected<StoreCounts, std::string> counts();

  private:
    class Lease;
    CityStore(DatabaseUrl url, std::size_t poolSize);
    std::expected<std::unique_ptr<SqlConnection>, std::string> connect();
    std::expected<Lease, std::string> lease();
    void giveBack(std::unique_ptr<SqlConnection> connection);
    // Runs `work` inside BEGIN/COMMIT (ROLLBACK on error).
    template <class T>
    std::expected<T, std::string>
    transaction(const std::function<std::expected<T, std::string>(SqlConnection&)>& work);

    DatabaseUrl url_;
    std::size_t poolSize_;
    std::size_t open_ = 0;
    std::vector<std::unique_ptr<SqlConnection>> idle_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::uint64_t nonceCalls_ = 0;
};

} // namespace passerelle::city
