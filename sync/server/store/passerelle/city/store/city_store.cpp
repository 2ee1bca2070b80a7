#include "passerelle/city/store/city_store.h"

#include "passerelle/city/store/schema.h"
#include "passerelle/sync/protocol/constants.h"
#include "passerelle/sync/protocol/enrolment_code.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>

namespace passerelle::city {

// ---- URL --------------------------------------------------------------------------------------

std::expected<DatabaseUrl, std::string> parseDatabaseUrl(const std::string& url) {
    DatabaseUrl out;
    auto startsWith = [&](std::string_view prefix) { return url.rfind(prefix, 0) == 0; };
    if (startsWith("postgresql://") || startsWith("postgres://")) {
        out.dialect = Dialect::Postgres;
        auto question = url.find('?');
        out.target = url.substr(0, question);
        if (question != std::string::npos) {
            std::string kept;
            std::string query = url.substr(question + 1);
            std::size_t start = 0;
            while (start <= query.size()) {
                auto amp = query.find('&', start);
                auto part =
                    query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
                if (part.rfind("schema=", 0) == 0)
                    out.schema = part.substr(7);
                else if (!part.empty())
                    kept += (kept.empty() ? "" : "&") + part;
                if (amp == std::string::npos) break;
                start = amp + 1;
            }
            if (!kept.empty()) out.target += "?" + kept;
        }
        return out;
    }
    if (startsWith("sqlite://"))
        out.target = url.substr(9);
    else if (url.find("://") != std::string::npos)
        return std::unexpected(
            "unsupported database URL '" + url +
            "': use sqlite:///path/to/city.sqlite or postgresql://user:password@host/db");
    else
        out.target = url;
    if (out.target.empty())
        return std::unexpected(
            "the database URL has no file path: use sqlite:///path/to/city.sqlite");
    return out;
}

std::string DatabaseUrl::describe() const {
    if (dialect == Dialect::Sqlite) return "SQLite " + target;
    std::string shown = target;
    auto at = shown.find('@');
    auto scheme = shown.find("://");
    if (at != std::string::npos && scheme != std::string::npos) {
        auto colon = shown.find(':', scheme + 3);
        if (colon != std::string::npos && colon < at)
            shown.replace(colon + 1, at - colon - 1, "***");
    }
    return "PostgreSQL " + shown + (schema.empty() ? "" : " (schema " + schema + ")");
}

// ---- connection pool --------------------------------------------------------------------------

class CityStore::Lease {
  public:
    Lease(CityStore* store, std::unique_ptr<SqlConnection> connection)
        : store_(store), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept
        : store_(other.store_), connection_(std::move(other.connection_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
        if (connection_) store_->giveBack(std::move(connection_));
    }
    SqlConnection& operator*() { return *connection_; }
    SqlConnection* operator->() { return connection_.get(); }

  private:
    CityStore* store_;
    std::unique_ptr<SqlConnection> connection_;
};

CityStore::CityStore(DatabaseUrl url, std::size_t poolSize)
    : url_(std::move(url)),
      poolSize_(url_.dialect == Dialect::Sqlite ? 1 : std::max<std::size_t>(1, poolSize)) {}

CityStore::~CityStore() = default;

std::expected<std::unique_ptr<SqlConnection>, std::string> CityStore::connect() {
    if (url_.dialect == Dialect::Sqlite) return openSqlite(url_.target);
    return openPostgres(url_.target, url_.schema);
}

std::expected<CityStore::Lease, std::string> CityStore::lease() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < poolSize_; });
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(connection));
    }
    ++open_;
    lock.unlock();
    auto connection = connect();
    if (!connection) {
        std::lock_guard relock(mutex_);
        --open_;
        available_.notify_one();
        return std::unexpected(connection.error());
    }
    return Lease(this, std::move(*connection));
}

void CityStore::giveBack(std::unique_ptr<SqlConnection> connection) {
    std::lock_guard lock(mutex_);
    if (connection->healthy())
        idle_.push_back(std::move(connection));
    else
        --open_; // dropped: the next lease reconnects
    available_.notify_one();
}

template <class T>
std::expected<T, std::string>
CityStore::transaction(const std::function<std::expected<T, std::string>(SqlConnection&)>& work) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto begin = (*connection)->dialect() == Dialect::Sqlite ? "BEGIN IMMEDIATE" : "BEGIN";
    if (auto ok = (*connection)->exec(begin); !ok) return std::unexpected(ok.error());
    std::expected<T, std::string> result = std::unexpected(std::string("internal error"));
    try {
        result = work(**connection);
    } catch (const std::exception& e) {
        result = std::unexpected(std::string("database error: ") + e.what());
    }
    if (!result) {
        (void)(*connection)->exec("ROLLBACK");
        return result;
    }
    if (auto ok = (*connection)->exec("COMMIT"); !ok) {
        (void)(*connection)->exec("ROLLBACK");
        return std::unexpected(ok.error());
    }
    return result;
}

std::expected<std::unique_ptr<CityStore>, std::string> CityStore::open(const std::string& url,
                                                                       std::size_t poolSize) {
    auto parsed = parseDatabaseUrl(url);
    if (!parsed) return std::unexpected(parsed.error());
    std::unique_ptr<CityStore> store(new CityStore(std::move(*parsed), poolSize));
    auto connection = store->lease();
    if (!connection) return std::unexpected(connection.error());
    if (auto ok = createSchema(**connection); !ok) return std::unexpected(ok.error());
    return store;
}

// ---- kiosks and enrolment ---------------------------------------------------------------------

namespace {

KioskRecord kioskFromRow(const SqlRow& row) {
    KioskRecord k;
    k.kioskId = row.text(0);
    if (auto key = parsePublicKey(row.text(1))) k.publicKey = *key;
    k.name = row.text(2);
    k.enrolledAt = row.integer(3);
    k.revokedAt = row.optionalInteger(4);
    k.lastSyncAt = row.optionalInteger(5);
    k.submissions = row.optionalInteger(6).value_or(0);
    return k;
}

constexpr const char* kKioskColumns =
    "SELECT k.kiosk_id, k.public_key, k.name, k.enrolled_at, k.revoked_at, k.last_sync_at, "
    "(SELECT COUNT(*) FROM submissions s WHERE s.kiosk_id = k.kiosk_id) FROM kiosks k";

template <class T>
std::expected<T, std::string> fail(const std::expected<SqlRows, std::string>& rows) {
    return std::unexpected(rows.error());
}

} // namespace

std::expected<void, std::string> CityStore::addEnrolmentCode(const std::string& code,
                                                             std::int64_t expiresAt, bool reusable,
                                                             std::int64_t now) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows =
        (*connection)
            ->query(
                "INSERT INTO enrolment_codes (code_hash, created_at, expires_at, reusable) "
                "VALUES ($1, $2, $3, $4) ON CONFLICT (code_hash) DO UPDATE SET expires_at = $3, "
                "reusable = $4",
                {sync::enrolmentCodeHash(code), now, expiresAt, std::int64_t{reusable ? 1 : 0}});
    if (!rows) return std::unexpected(rows.error());
    return {};
}

std::expected<std::string, EnrolError> CityStore::enrol(const std::string& code,
                                                        const PublicKey& kioskKey,
                                                        const std::string& name, std::int64_t now) {
    const auto kioskId = keyId(kioskKey);
    std::optional<EnrolError> refusal;
    auto result = transaction<std::string>([&](SqlConnection& db)
                                               -> std::expected<std::string, std::string> {
        auto existing = db.query("SELECT revoked_at FROM kiosks WHERE kiosk_id = $1", {kioskId});
        if (!existing) return fail<std::string>(existing);
        if (!existing->empty() && !existing->front().isNull(0)) {
            refusal =
                EnrolError{EnrolFailure::Revoked,
                           "this kiosk's key was revoked; it cannot enrol again with the same key"};
            return std::unexpected(refusal->message);
        }
        if (!existing->empty()) { // enrolled already: a retry after a lost answer succeeds again
            auto mine =
                db.query("SELECT 1 FROM enrolment_codes WHERE code_hash = $1 AND used_by = $2",
                         {sync::enrolmentCodeHash(code), kioskId});
            if (!mine) return fail<std::string>(mine);
            if (!mine->empty()) return kioskId;
        }
        auto used = db.query(
            "UPDATE enrolment_codes SET used_at = $2, used_by = $3 WHERE code_hash = $1 "
            "AND (used_at IS NULL OR reusable = 1) AND expires_at > $2 RETURNING code_hash",
            {sync::enrolmentCodeHash(code), now, kioskId});
        if (!used) return fail<std::string>(used);
        if (used->empty()) {
            refusal = EnrolError{
                EnrolFailure::BadCode,
                "this enrolment code is unknown, expired or already used; ask the city IT "
                "team for a new one (passerelle-admin enrol-code)"};
            return std::unexpected(refusal->message);
        }
        auto inserted = db.query(
            "INSERT INTO kiosks (kiosk_id, public_key, name, enrolled_at) VALUES ($1, $2, $3, "
            "$4) ON CONFLICT (kiosk_id) DO UPDATE SET name = $3",
            {kioskId, toBase64(kioskKey), name, now});
        if (!inserted) return fail<std::string>(inserted);
        return kioskId;
    });
    if (result) return *result;
    if (refusal) return std::unexpected(*refusal);
    return std::unexpected(EnrolError{EnrolFailure::Database, result.error()});
}

std::expected<std::optional<KioskRecord>, std::string>
CityStore::kiosk(const std::string& kioskId) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows =
        (*connection)->query(std::string(kKioskColumns) + " WHERE k.kiosk_id = $1", {kioskId});
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return std::optional<KioskRecord>{};
    return kioskFromRow(rows->front());
}

std::expected<std::vector<KioskRecord>, std::string> CityStore::kiosks() {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows =
        (*connection)->query(std::string(kKioskColumns) + " ORDER BY k.enrolled_at, k.kiosk_id");
    if (!rows) return std::unexpected(rows.error());
    std::vector<KioskRecord> out;
    for (const auto& row : *rows)
        out.push_back(kioskFromRow(row));
    return out;
}

std::expected<bool, std::string> CityStore::revoke(const std::string& kioskId, std::int64_t now) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows =
        (*connection)
            ->query("UPDATE kiosks SET revoked_at = COALESCE(revoked_at, $2) WHERE kiosk_id = $1 "
                    "RETURNING kiosk_id",
                    {kioskId, now});
    if (!rows) return std::unexpected(rows.error());
    return !rows->empty();
}

std::expected<bool, std::string>
CityStore::acceptNonce(const std::string& kioskId, const std::string& nonce, std::int64_t now) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    bool prune = false;
    {
        std::lock_guard lock(mutex_);
        prune = (nonceCalls_++ % 256) == 0;
    }
    if (prune) { // a nonce older than two skew windows can no longer come with an accepted
                 // timestamp
        auto pruned = (*connection)
                          ->query("DELETE FROM nonces WHERE seen_at < $1",
                                  {now - 2 * sync::kClockSkewSeconds - 60});
        if (!pruned) return std::unexpected(pruned.error());
    }
    auto rows = (*connection)
                    ->query("INSERT INTO nonces (kiosk_id, nonce, seen_at) VALUES ($1, $2, $3) "
                            "ON CONFLICT (kiosk_id, nonce) DO NOTHING RETURNING nonce",
                            {kioskId, nonce, now});
    if (!rows) return std::unexpected(rows.error());
    return !rows->empty();
}

// ---- submissions and documents ----------------------------------------------------------------

std::expected<IngestResult, std::string>
CityStore::ingest(const std::string& kioskId, std::span<const sync::UploadRecord> records,
                  std::int64_t now) {
    // Round trips, not rows, are what costs (PostgreSQL over a network): one multi-row INSERT per
    // chunk, one SELECT for the rows that were already there, then the rare conflicts one by one.
    // The UNIQUE (kiosk_id, sequence) constraint decides; this code only reports what it decided.
    return transaction<IngestResult>([&](SqlConnection& db)
                                         -> std::expected<IngestResult, std::string> {
        IngestResult result;
        constexpr std::size_t kChunk = 100;
        for (std::size_t first = 0; first < records.size(); first += kChunk) {
            auto chunk = records.subspan(first, std::min(kChunk, records.size() - first));
            std::vector<std::string> hashes;
            std::string sql = "INSERT INTO submissions (kiosk_id, sequence, service_id, sealed, "
                              "sealed_hash, created_at, received_at) VALUES ";
            std::vector<SqlValue> params{kioskId, now};
            for (std::size_t i = 0; i < chunk.size(); ++i) {
                const auto& r = chunk[i];
                hashes.push_back(blake2b256Hex(r.sealed));
                auto n = params.size();
                auto p = [&](std::size_t k) { return "$" + std::to_string(n + k); };
                sql += (i ? ", " : "") + std::string("($1, ") + p(1) + ", " + p(2) + ", " + p(3) +
                       ", " + p(4) + ", " + p(5) + ", $2)";
                params.insert(params.end(),
                              {r.sequence, r.serviceId, r.sealed, hashes.back(), r.createdAtUnix});
            }
            sql += " ON CONFLICT (kiosk_id, sequence) DO NOTHING RETURNING sequence";
            auto inserted = db.query(sql, params);
            if (!inserted) return std::unexpected(inserted.error());
            std::set<std::int64_t> fresh;
            for (const auto& row : *inserted)
                fresh.insert(row.integer(0));

            std::vector<std::size_t> already; // indexes into chunk
            std::string in;
            std::vector<SqlValue> lookup{kioskId};
            for (std::size_t i = 0; i < chunk.size(); ++i) {
                if (fresh.erase(chunk[i].sequence)) { // erase: a repeat in the batch is "already"
                    ++result.newlyStored;
                    result.acknowledged.push_back(chunk[i].sequence);
                    continue;
                }
                already.push_back(i);
                lookup.push_back(chunk[i].sequence);
                in += (in.empty() ? "$" : ", $") + std::to_string(lookup.size());
            }
            if (already.empty()) continue;
            auto existing = db.query("SELECT sequence, sealed_hash FROM submissions WHERE kiosk_id "
                                     "= $1 AND sequence IN (" +
                                         in + ")",
                                     lookup);
            if (!existing) return std::unexpected(existing.error());
            std::map<std::int64_t, std::string> storedHash;
            for (const auto& row : *existing)
                storedHash[row.integer(0)] = row.text(1);
            for (auto i : already) {
                const auto& record = chunk[i];
                if (storedHash[record.sequence] == hashes[i]) {
                    ++result.duplicates;
                    result.acknowledged.push_back(record.sequence);
                    continue;
                }
                auto aside = db.query(
                    "INSERT INTO submission_conflicts (kiosk_id, sequence, service_id, sealed, "
                    "sealed_hash, created_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                    "ON CONFLICT (kiosk_id, sequence, sealed_hash) DO NOTHING",
                    {kioskId, record.sequence, record.serviceId, record.sealed, hashes[i],
                     record.createdAtUnix, now});
                if (!aside) return std::unexpected(aside.error());
                result.conflicts.push_back(record.sequence);
            }
        }
        auto touched =
            db.query("UPDATE kiosks SET last_sync_at = $2 WHERE kiosk_id = $1", {kioskId, now});
        if (!touched) return std::unexpected(touched.error());
        return result;
    });
}

std::expected<std::vector<std::string>, std::string>
CityStore::storeDocuments(const std::string& kioskId, std::span<const sync::Document> documents,
                          std::int64_t now) {
    using Ids = std::vector<std::string>;
    return transaction<Ids>([&](SqlConnection& db) -> std::expected<Ids, std::string> {
        Ids acknowledged;
        for (const auto& d : documents) {
            auto rows = db.query(
                "INSERT INTO documents (kiosk_id, document_id, kind, body, received_at) VALUES "
                "($1, $2, $3, $4, $5) ON CONFLICT (kiosk_id, document_id) DO NOTHING",
                {kioskId, d.id, d.kind, d.json, now});
            if (!rows) return std::unexpected(rows.error());
            acknowledged.push_back(d.id);
        }
        auto touched =
            db.query("UPDATE kiosks SET last_sync_at = $2 WHERE kiosk_id = $1", {kioskId, now});
        if (!touched) return std::unexpected(touched.error());
        return acknowledged;
    });
}

std::expected<std::vector<sync::Document>, std::string>
CityStore::documents(const std::string& kioskId) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows = (*connection)
                    ->query("SELECT document_id, kind, body FROM documents WHERE kiosk_id = $1 "
                            "ORDER BY received_at, document_id",
                            {kioskId});
    if (!rows) return std::unexpected(rows.error());
    std::vector<sync::Document> out;
    for (const auto& row : *rows)
        out.push_back({row.text(0), row.text(1), row.text(2)});
    return out;
}

std::expected<std::vector<StoredSubmission>, std::string>
CityStore::submissions(const std::string& serviceId) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    const std::string select =
        "SELECT kiosk_id, sequence, service_id, sealed, created_at, received_at "
        "FROM submissions ";
    const std::string order = " ORDER BY created_at, kiosk_id, sequence";
    auto rows = serviceId.empty()
                    ? (*connection)->query(select + order)
                    : (*connection)->query(select + "WHERE service_id = $1" + order, {serviceId});
    if (!rows) return std::unexpected(rows.error());
    std::vector<StoredSubmission> out;
    for (const auto& row : *rows)
        out.push_back({row.text(0), row.integer(1), row.text(2), row.blob(3), row.integer(4),
                       row.integer(5)});
    return out;
}

std::expected<std::int64_t, std::string> CityStore::conflictCount() {
    auto c = counts();
    if (!c) return std::unexpected(c.error());
    return c->conflicts;
}

// ---- progress and configuration ---------------------------------------------------------------

std::expected<void, std::string> CityStore::putProgress(const std::string& learnerHash,
                                                        const Bytes& blob,
                                                        const std::string& kioskId,
                                                        std::int64_t now) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows = (*connection)
                    ->query("INSERT INTO progress (learner_hash, blob, updated_at, updated_by) "
                            "VALUES ($1, $2, $3, "
                            "$4) ON CONFLICT (learner_hash) DO UPDATE SET blob = $2, updated_at = "
                            "$3, updated_by = $4",
                            {learnerHash, blob, now, kioskId});
    if (!rows) return std::unexpected(rows.error());
    return {};
}

std::expected<std::optional<Bytes>, std::string>
CityStore::progress(const std::string& learnerHash) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows =
        (*connection)->query("SELECT blob FROM progress WHERE learner_hash = $1", {learnerHash});
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return std::optional<Bytes>{};
    return rows->front().blob(0);
}

std::expected<void, std::string>
CityStore::setConfig(const std::string& scope, const std::string& signedConfig, std::int64_t now) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows = (*connection)
                    ->query("INSERT INTO configs (scope, signed, updated_at) VALUES ($1, $2, $3) "
                            "ON CONFLICT (scope) DO UPDATE SET signed = $2, updated_at = $3",
                            {scope, signedConfig, now});
    if (!rows) return std::unexpected(rows.error());
    return {};
}

std::expected<std::optional<std::string>, std::string>
CityStore::config(const std::string& kioskId) {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows = (*connection)
                    ->query("SELECT signed FROM configs WHERE scope IN ($1, 'default') "
                            "ORDER BY CASE WHEN scope = 'default' THEN 1 ELSE 0 END LIMIT 1",
                            {kioskId});
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return std::optional<std::string>{};
    return rows->front().text(0);
}

std::expected<StoreCounts, std::string> CityStore::counts() {
    auto connection = lease();
    if (!connection) return std::unexpected(connection.error());
    auto rows = (*connection)
                    ->query("SELECT (SELECT COUNT(*) FROM kiosks), (SELECT COUNT(*) FROM kiosks "
                            "WHERE revoked_at IS "
                            "NOT NULL), (SELECT COUNT(*) FROM submissions), (SELECT COUNT(*) FROM "
                            "submission_conflicts), (SELECT COUNT(*) FROM documents), (SELECT "
                            "COUNT(*) FROM progress)");
    if (!rows) return std::unexpected(rows.error());
    const auto& r = rows->front();
    return StoreCounts{r.integer(0), r.integer(1), r.integer(2),
                       r.integer(3), r.integer(4), r.integer(5)};
}

} // namespace passerelle::city
