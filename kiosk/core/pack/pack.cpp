#include "core/pack/pack.h"

#include "core/pack/content_loader.h"
#include "core/pack/content_rows.h"
#include "core/pack/limits.h"
#include "core/pack/schema.h"
#include "core/pack/sqlite_util.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <mutex>

namespace passerelle::pack {

using namespace detail;

struct Pack::Handle {
    Database db;
    std::mutex mutex; // one SQLite connection, opened without its own mutex
};

Pack::~Pack() = default;

const lesson::Lesson* Pack::lesson(std::string_view id) const {
    for (auto& l : content_.lessons)
        if (l.id == id) return &l;
    return nullptr;
}

const flow::Flow* Pack::flow(std::string_view id) const {
    for (auto& f : content_.flows)
        if (f.id == id) return &f;
    return nullptr;
}

const MediaInfo* Pack::mediaInfo(std::string_view name) const {
    for (auto& m : content_.media)
        if (m.name == name) return &m;
    return nullptr;
}

std::string_view Pack::fallbackLanguage() const {
    return content_.manifest.languages.empty() ? std::string_view{}
                                               : content_.manifest.languages.front();
}

bool Pack::hasLanguage(std::string_view language) const {
    auto& langs = content_.manifest.languages;
    return std::find(langs.begin(), langs.end(), language) != langs.end();
}

std::string_view Pack::text(const LocalizedText& text, std::string_view language) const {
    return text.get(language, fallbackLanguage());
}

std::expected<Bytes, std::string> Pack::readMedia(std::string_view name) const {
    const MediaInfo* info = mediaInfo(name);
    if (!info) return std::unexpected("The pack has no media named \"" + std::string(name) + "\".");
    std::lock_guard lock(handle_->mutex);
    Statement select(handle_->db.get(), "SELECT bytes FROM media WHERE name = ?1");
    if (!select.ok()) return std::unexpected("Could not read the pack: " + select.error());
    select.bind(1, name);
    if (select.step() != SQLITE_ROW)
        return std::unexpected("Could not read media \"" + std::string(name) +
                               "\" from the pack: " + sqliteMessage(handle_->db.get()));
    auto bytes = select.blob(0);
    Bytes copy(bytes.begin(), bytes.end());
    if (blake2b256Hex(copy) != info->blake2b)
        return std::unexpected(
            "Media \"" + std::string(name) +
            "\" changed on disk since the pack was verified; reinstall the pack.");
    return copy;
}

bool isValidMediaName(std::string_view name) {
    if (name.empty() || name.size() > kMaxMediaNameLength) return false;
    if (!std::isalnum(static_cast<unsigned char>(name[0]))) return false;
    if (name.find("..") != std::string_view::npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

bool isValidPackId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    if (!std::isalnum(static_cast<unsigned char>(id[0]))) return false;
    if (id.find("..") != std::string_view::npos) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    });
}

namespace {

struct PackFile {
    Database db;
    PackRows rows;
    std::optional<SignatureRow> signature;
};

// Everything before trust: size, header, format version, integrity, exact schema, caps, and
// the one pass that hashes every content row.
std::expected<PackFile, std::string> readPackFile(const std::filesystem::path& path) {
    {
        const std::string file = path.filename().string();
        std::error_code ec;
        auto size = std::filesystem::file_size(path, ec);
        if (ec)
            return std::unexpected("Cannot read the pack file \"" + path.string() +
                                   "\": " + ec.message() + ".");
        if (size > kMaxPackBytes)
            return std::unexpected("The pack file is too large (" + std::to_string(size >> 20) +
                                   " MB; the limit is " + std::to_string(kMaxPackBytes >> 20) +
                                   " MB).");
        {
            // SQLite's header: magic, then the page size; the file must hold whole pages.
            std::ifstream in(path, std::ios::binary);
            char header[100] = {};
            in.read(header, sizeof header);
            if (in.gcount() < 100 || std::memcmp(header, "SQLite format 3", 16) != 0)
                return std::unexpected(
                    "\"" + file +
                    "\" is not a Passerelle content pack (or it is truncated). Check "
                    "that you chose the right file and copy it again.");
            unsigned pageSize = (static_cast<unsigned char>(header[16]) << 8) |
                                static_cast<unsigned char>(header[17]);
            if (pageSize == 1) pageSize = 65536;
            std::uint64_t pages = (std::uint64_t(static_cast<unsigned char>(header[28])) << 24) |
                                  (std::uint64_t(static_cast<unsigned char>(header[29])) << 16) |
                                  (std::uint64_t(static_cast<unsigned char>(header[30])) << 8) |
                                  std::uint64_t(static_cast<unsigned char>(header[31]));
            // The in-header page count is meaningful only when "version-valid-for" (offset 92)
            // equals the change counter (offset 24).
            const bool countValid = std::memcmp(header + 24, header + 92, 4) == 0;
            if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0 || size % pageSize != 0 ||
                (countValid && pages != 0 && pages * pageSize != size))
                return std::unexpected(
                    "The pack file \"" + file +
                    "\" is truncated or damaged. Copy it again from the original.");
        }
        auto db = openDatabase(path, OpenMode::ReadOnly);
        if (!db) return std::unexpected("Cannot open the pack \"" + file + "\": " + db.error());
        sqlite3* raw = db->get();
        {
            Statement appId(raw, "PRAGMA application_id");
            if (!appId.ok() || appId.step() != SQLITE_ROW || appId.integer(0) != kApplicationId)
                return std::unexpected("\"" + file +
                                       "\" is not a Passerelle content pack. Check that "
                                       "you chose the right file.");
        }
        // The format version decides how to read the rest, so it is looked at first (and is
        // covered by the signature afterwards).
        {
            Statement format(raw, "SELECT value FROM manifest WHERE key = 'format_version'");
            if (format.ok() && format.step() == SQLITE_ROW && format.type(0) == SQLITE_TEXT &&
                format.text(0) != std::to_string(kFormatVersion)) {
                std::string version(format.text(0).substr(0, 16));
                return std::unexpected("This pack uses format version " + version +
                                       ", but this kiosk reads only version " +
                                       std::to_string(kFormatVersion) +
                                       ". Update the kiosk software, or ask the publisher for a "
                                       "version-" +
                                       std::to_string(kFormatVersion) + " pack.");
            }
        }
        {
            Statement check(raw, "PRAGMA quick_check");
            if (!check.ok() || check.step() != SQLITE_ROW || check.text(0) != "ok")
                return std::unexpected(
                    "The pack file \"" + file +
                    "\" is damaged (a changed or missing byte). Copy it again from "
                    "the original; the installed packs keep working.");
        }
        if (auto schema = checkSchema(raw); !schema) return std::unexpected(schema.error());
        auto rows = readContentRows(raw);
        if (!rows) return std::unexpected(rows.error());
        auto signature = readSignature(raw);
        if (!signature) return std::unexpected(signature.error());
        return PackFile{std::move(*db), std::move(*rows), std::move(*signature)};
    }
}

} // namespace

struct PackOpener {
    static std::expected<std::shared_ptr<const Pack>, std::string>
    open(const std::filesystem::path& path, std::span<const TrustedKey> trusted) {
        const std::string file = path.filename().string();
        auto packFile = readPackFile(path);
        if (!packFile) return std::unexpected(packFile.error());
        auto* db = &packFile->db;
        auto* rows = &packFile->rows;
        const auto& signature = packFile->signature;
        if (!signature)
            return std::unexpected(
                "The pack \"" + file +
                "\" is not signed. Only packs signed by a trusted publisher can be "
                "installed; sign it with `passerelle-pack sign`.");
        const auto& sig = *signature;
        const TrustedKey* signer = nullptr;
        for (auto& key : trusted)
            if (keyId(key.key) == sig.keyId) signer = &key;
        if (!signer)
            return std::unexpected(
                "The pack is signed by an unknown publisher (key " + sig.keyId +
                "). Add the publisher's public key to the trusted keys in the kiosk "
                "configuration if you trust them.");
        if (sig.signature.size() != 64 ||
            !verifyDetached(signer->key, sig.signature, signedMessage(rows->contentHash)))
            return std::unexpected(
                "The pack's signature does not match its content: the pack was "
                "changed after " +
                signer->name + " signed it. Do not use it; get a fresh copy from the publisher.");
        // From here on the content is the publisher's; it still must follow the format rules.
        auto content = loadContent(*rows);
        if (!content) return std::unexpected(content.error());
        if (content->manifest.publisherKeyId != sig.keyId)
            return std::unexpected(
                "The pack's manifest names a different publisher than its signature.");

        std::shared_ptr<Pack> pack(new Pack());
        pack->handle_ = std::make_unique<Pack::Handle>();
        pack->handle_->db = std::move(*db);
        pack->content_ = std::move(*content);
        pack->path_ = path;
        pack->signerName_ = signer->name;
        pack->contentHash_ = rows->contentHash;
        return std::shared_ptr<const Pack>(std::move(pack));
    }
};

std::expected<std::shared_ptr<const Pack>, std::string>
openPack(const std::filesystem::path& path, std::span<const TrustedKey> trusted) {
    return PackOpener::open(path, trusted);
}

std::expected<PackInspection, std::string>
inspectPackUnverified(const std::filesystem::path& path) {
    auto packFile = readPackFile(path);
    if (!packFile) return std::unexpected(packFile.error());
    PackInspection inspection;
    inspection.contentHash = packFile->rows.contentHash;
    if (packFile->signature) {
        inspection.signatureKeyId = packFile->signature->keyId;
        inspection.signature = packFile->signature->signature;
    }
    std::error_code ec;
    inspection.fileSize = std::filesystem::file_size(path, ec);
    auto content = loadContent(packFile->rows);
    if (!content) return std::unexpected(content.error());
    inspection.content = std::move(*content);
    return inspection;
}

bool PackInspection::signedBy(const PublicKey& key) const {
    return signatureKeyId && *signatureKeyId == keyId(key) && signature.size() == 64 &&
           verifyDetached(key, signature, signedMessage(contentHash));
}

} // namespace passerelle::pack
