#include "passerelle/city/store/schema.h"

namespace passerelle::city {

namespace {

std::string tables(Dialect dialect) {
    const std::string blob = dialect == Dialect::Sqlite ? "BLOB" : "BYTEA";
    return R"(
CREATE TABLE IF NOT EXISTS kiosks (
    kiosk_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    name TEXT NOT NULL,
    enrolled_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_sync_at BIGINT);
CREATE TABLE IF NOT EXISTS enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    reusable INTEGER NOT NULL DEFAULT 0,
    used_at BIGINT,
    used_by TEXT);
CREATE TABLE IF NOT EXISTS nonces (
    kiosk_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (kiosk_id, nonce));
CREATE INDEX IF NOT EXISTS nonces_by_age ON nonces (seen_at);
CREATE TABLE IF NOT EXISTS submissions (
    kiosk_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    service_id TEXT NOT NULL,
    sealed )" +
           blob + R"( NOT NULL,
    sealed_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    CONSTRAINT submissions_once UNIQUE (kiosk_id, sequence));
CREATE INDEX IF NOT EXISTS submissions_by_service ON submissions (service_id, created_at);
CREATE TABLE IF NOT EXISTS submission_conflicts (
    kiosk_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    service_id TEXT NOT NULL,
    sealed )" +
           blob + R"( NOT NULL,
    sealed_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    UNIQUE (kiosk_id, sequence, sealed_hash));
CREATE TABLE IF NOT EXISTS documents (
    kiosk_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (kiosk_id, document_id));
CREATE TABLE IF NOT EXISTS progress (
    learner_hash TEXT PRIMARY KEY,
    blob )" +
           blob + R"( NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS configs (
    scope TEXT PRIMARY KEY,
    signed TEXT NOT NULL,
    updated_at BIGINT NOT NULL);
)";
}

} // namespace

std::expected<void, std::string> createSchema(SqlConnection& db) {
    const bool postgres = db.dialect() == Dialect::Postgres;
    if (auto ok = db.exec(postgres ? "BEGIN" : "BEGIN IMMEDIATE"); !ok) return ok;
    if (postgres) { // serialise concurrent first starts (server and admin at once)
        if (auto ok = db.exec("SELECT pg_advisory_xact_lock(hashtext(current_schema()))"); !ok) {
            (void)db.exec("ROLLBACK");
            return ok;
        }
    }
    if (auto ok = db.exec(tables(db.dialect())); !ok) {
        (void)db.exec("ROLLBACK");
        return std::unexpected("cannot create the city tables: " + ok.error());
    }
    return db.exec("COMMIT");
}

} // namespace passerelle::city
