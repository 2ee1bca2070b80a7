#include "core/pack/content_rows.h"

#include "core/pack/limits.h"
#include "core/pack/schema.h"
#include "core/pack/sqlite_util.h"

#include <sodium.h>

#include <cstring>

namespace passerelle::pack::detail {

namespace {

constexpr std::string_view kHashDomain = "passerelle-pack-content/1\n";
constexpr std::string_view kSignatureDomain = "passerelle-pack-signature/1\n";

class Hasher {
  public:
    Hasher() { crypto_generichash_init(&state_, nullptr, 0, 32); }
    void raw(const void* data, std::size_t size) {
        crypto_generichash_update(&state_, static_cast<const unsigned char*>(data), size);
    }
    void tag(char c) { raw(&c, 1); }
    void u64(std::uint64_t value) {
        unsigned char le[8];
        for (int i = 0; i < 8; ++i)
            le[i] = static_cast<unsigned char>(value >> (8 * i));
        raw(le, 8);
    }
    void bytes(std::string_view data) {
        u64(data.size());
        raw(data.data(), data.size());
    }
    Bytes finish() {
        Bytes out(32);
        crypto_generichash_final(&state_, out.data(), out.size());
        return out;
    }

  private:
    crypto_generichash_state state_{};
};

} // namespace

std::string printable(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 64))
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return out;
}

std::expected<PackRows, std::string> readContentRows(sqlite3* db, const ReadLimits& limits) {
    initSodium();
    const std::string damaged = "The pack is damaged (";
    PackRows result;
    Hasher hasher;
    hasher.raw(kHashDomain.data(), kHashDomain.size());
    for (const auto& table : contentTables()) {
        // Oversized media is refused with a clear message before SQLite loads it.
        if (std::string_view(table.name) == "media" && limits.enforceMediaCap) {
            Statement big(db,
                          "SELECT name, length(bytes) FROM media WHERE length(bytes) > ?1 LIMIT 1");
            if (!big.ok()) return std::unexpected(damaged + big.error() + ").");
            big.bind(1, std::int64_t(kMaxMediaBytes));
            int rc = big.step();
            if (rc == SQLITE_ROW)
                return std::unexpected("The pack holds a media file that is too large: \"" +
                                       printable(big.text(0)) + "\" is " +
                                       std::to_string(big.integer(1) >> 20) + " MB; the limit is " +
                                       std::to_string(kMaxMediaBytes >> 20) +
                                       " MB per item. Ask the publisher to shrink it.");
            if (rc == SQLITE_TOOBIG)
                return std::unexpected(
                    "The pack holds a media file that is too large; the limit is " +
                    std::to_string(kMaxMediaBytes >> 20) + " MB per item.");
            if (rc != SQLITE_DONE) return std::unexpected(damaged + sqliteMessage(db) + ").");
        }
        std::string sql = "SELECT ";
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            sql += std::string(i ? ", " : "") + table.columns[i].name;
        sql += std::string(" FROM ") + table.name + " ORDER BY " + table.orderBy;
        Statement select(db, sql);
        if (!select.ok()) return std::unexpected(damaged + select.error() + ").");

        hasher.tag('T');
        hasher.bytes(table.name);
        hasher.u64(table.columns.size());
        auto& rows = result.tables[table.name];
        int rc;
        while ((rc = select.step()) == SQLITE_ROW) {
            if (rows.size() >= kMaxRowsPerTable)
                return std::unexpected(std::string("The pack has too many rows in \"") +
                                       table.name + "\" (limit " +
                                       std::to_string(kMaxRowsPerTable) + ").");
            Row row;
            hasher.tag('R');
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                const auto& column = table.columns[c];
                const int type = select.type(int(c));
                const std::string where = std::string(table.name) + "." + column.name;
                switch (column.type) {
                case ColumnType::Integer: {
                    if (type != SQLITE_INTEGER)
                        return std::unexpected(damaged + where + " is not a whole number).");
                    auto value = select.integer(int(c));
                    hasher.tag('i');
                    hasher.u64(static_cast<std::uint64_t>(value));
                    row.emplace_back(value);
                    break;
                }
                case ColumnType::Text: {
                    if (type != SQLITE_TEXT)
                        return std::unexpected(damaged + where + " is not text).");
                    auto text = select.text(int(c));
                    if (text.size() > kMaxTextBytes)
                        return std::unexpected("The pack has a text longer than " +
                                               std::to_string(kMaxTextBytes >> 10) + " KB in " +
                                               where + ".");
                    hasher.tag('t');
                    hasher.bytes(text);
                    row.emplace_back(std::string(text));
                    break;
                }
                case ColumnType::Blob: {
                    if (type != SQLITE_BLOB)
                        return std::unexpected(damaged + where + " is not binary data).");
                    auto bytes = select.blob(int(c));
                    if (limits.enforceMediaCap && bytes.size() > kMaxMediaBytes)
                        return std::unexpected(
                            "The pack holds a media file that is too large; the limit is " +
                            std::to_string(kMaxMediaBytes >> 20) + " MB per item.");
                    auto digest = blake2b256(bytes);
                    // A blob enters the hash as its length and its own BLAKE2b-256 digest.
                    hasher.tag('b');
                    hasher.u64(bytes.size());
                    hasher.raw(digest.data(), digest.size());
                    row.emplace_back(BlobInfo{bytes.size(), toHex(digest)});
                    break;
                }
                }
            }
            rows.push_back(std::move(row));
        }
        if (rc == SQLITE_TOOBIG)
            return std::unexpected("The pack holds a media file that is too large; the limit is " +
                                   std::to_string(kMaxMediaBytes >> 20) + " MB per item.");
        if (rc != SQLITE_DONE) return std::unexpected(damaged + sqliteMessage(db) + ").");
        hasher.tag('E');
        hasher.u64(rows.size());
    }
    result.contentHash = hasher.finish();
    return result;
}

Bytes signedMessage(const Bytes& contentHash) {
    Bytes message(kSignatureDomain.size() + contentHash.size());
    std::memcpy(message.data(), kSignatureDomain.data(), kSignatureDomain.size());
    if (!contentHash.empty())
        std::memcpy(message.data() + kSignatureDomain.size(), contentHash.data(),
                    contentHash.size());
    return message;
}

std::expected<std::optional<SignatureRow>, std::string> readSignature(sqlite3* db) {
    Statement select(db, "SELECT key_id, signature FROM signature LIMIT 2");
    if (!select.ok()) return std::unexpected("The pack is damaged (" + select.error() + ").");
    std::optional<SignatureRow> found;
    int rc;
    while ((rc = select.step()) == SQLITE_ROW) {
        if (found)
            return std::unexpected(std::string("The pack carries more than one signature; "
                                               "it was not made by passerelle-pack."));
        if (select.type(0) != SQLITE_TEXT || select.type(1) != SQLITE_BLOB)
            return std::unexpected(std::string("The pack's signature is malformed."));
        auto sig = select.blob(1);
        found =
            SignatureRow{std::string(select.text(0).substr(0, 64)), Bytes(sig.begin(), sig.end())};
    }
    if (rc != SQLITE_DONE)
        return std::unexpected("The pack is damaged (" + sqliteMessage(db) + ").");
    return found;
}

} // namespace passerelle::pack::detail
