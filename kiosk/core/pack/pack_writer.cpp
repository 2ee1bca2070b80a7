#include "core/pack/pack_writer.h"

#include "core/flow/flow_json.h"
#include "core/pack/content_loader.h"
#include "core/pack/content_rows.h"
#include "core/pack/limits.h"
#include "core/pack/schema.h"
#include "core/pack/sqlite_util.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

namespace passerelle::pack {

using namespace detail;
using nlohmann::json;

namespace {

class Writer {
  public:
    explicit Writer(sqlite3* db)
        : db_(db), strings_(db, "INSERT OR REPLACE INTO strings VALUES (?1, ?2, ?3)") {}

    // Stores the texts under `key` and returns the key ("" for an empty text).
    std::string text(const std::string& key, const LocalizedText& text) {
        if (text.empty()) return "";
        for (auto& [language, value] : text.byLanguage) {
            strings_.bind(1, key).bind(2, language).bind(3, value);
            if (strings_.step() != SQLITE_DONE) error_ = sqliteMessage(db_);
            strings_.reset();
        }
        return key;
    }

    std::expected<void, std::string> write(const PackSource& source) {
        const Manifest& m = source.manifest;
        std::string languages;
        for (auto& l : m.languages)
            languages += (languages.empty() ? "" : ",") + l;
        std::vector<std::pair<std::string, std::string>> manifest = {
            {"format_version", std::to_string(kFormatVersion)},
            {"id", m.id},
            {"version", m.version.toString()},
            {"publisher_key_id", m.publisherKeyId},
            {"title", text(std::string(manifestTitleKey()), m.title)},
            {"languages", languages},
            {"min_app_version", m.minAppVersion.toString()},
            {"created", m.created},
        };
        if (!m.description.empty())
            manifest.emplace_back("description", text("pack/description", m.description));
        Statement insertManifest(db_, "INSERT INTO manifest VALUES (?1, ?2)");
        for (auto& [key, value] : manifest)
            run(insertManifest.bind(1, key).bind(2, value));

        Statement lesson(db_, "INSERT INTO lessons VALUES (?1, ?2, ?3, ?4)");
        Statement slide(db_, "INSERT INTO slides VALUES (?1, ?2, ?3, ?4, ?5)");
        Statement quiz(db_, "INSERT INTO quiz_questions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        for (std::size_t i = 0; i < source.lessons.size(); ++i) {
            const auto& l = source.lessons[i];
            const std::string base = "lesson/" + l.id + "/";
            run(lesson.bind(1, l.id)
                    .bind(2, std::int64_t(i))
                    .bind(3, text(base + "title", l.title))
                    .bind(4, text(base + "summary", l.summary)));
            for (std::size_t s = 0; s < l.slides.size(); ++s) {
                const auto& sl = l.slides[s];
                const std::string key = base + "slide/" + std::to_string(s + 1) + "/";
                run(slide.bind(1, l.id)
                        .bind(2, std::int64_t(s))
                        .bind(3, text(key + "text", sl.text))
                        .bind(4, sl.image)
                        .bind(5, text(key + "image_alt", sl.imageAlt)));
            }
            for (std::size_t q = 0; q < l.quiz.size(); ++q) {
                const auto& qq = l.quiz[q];
                const std::string key = base + "quiz/" + std::to_string(q + 1) + "/";
                json choices = json::array();
                for (std::size_t c = 0; c < qq.choices.size(); ++c)
                    choices.push_back(text(key + "choice/" + std::to_string(c + 1), qq.choices[c]));
                run(quiz.bind(1, l.id)
                        .bind(2, std::int64_t(q))
                        .bind(3, text(key + "question", qq.question))
                        .bind(4, choices.dump())
                        .bind(5, std::int64_t(qq.answer))
                        .bind(6, text(key + "right", qq.rightFeedback))
                        .bind(7, text(key + "wrong", qq.wrongFeedback)));
            }
        }

        Statement flow(db_, "INSERT INTO flows VALUES (?1, ?2, ?3, ?4, ?5)");
        Statement step(db_, "INSERT INTO steps VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        for (std::size_t i = 0; i < source.flows.size(); ++i) {
            const auto& f = source.flows[i];
            const std::string base = "flow/" + f.id + "/";
            run(flow.bind(1, f.id)
                    .bind(2, std::int64_t(i))
                    .bind(3, text(base + "title", f.title))
                    .bind(4, text(base + "description", f.description))
                    .bind(5, f.serviceId));
            for (std::size_t s = 0; s < f.steps.size(); ++s) {
                const auto& st = f.steps[s];
                const std::string key = base + "step/" + st.id + "/";
                json definition = json::object();
                if (!st.options.empty()) {
                    json options = json::array();
                    for (auto& o : st.options)
                        options.push_back({{"value", o.value},
                                           {"label", text(key + "option/" + o.value, o.label)}});
                    definition["options"] = options;
                }
                json validation =
                    flow::validationToJson(st.validation, [&](const LocalizedText& t) {
                        return json(text(key + "message", t));
                    });
                if (!validation.empty()) definition["validation"] = validation;
                if (st.showIf) definition["showIf"] = flow::conditionToJson(*st.showIf);
                if (st.skipIf) definition["skipIf"] = flow::conditionToJson(*st.skipIf);
                run(step.bind(1, f.id)
                        .bind(2, std::int64_t(s))
                        .bind(3, st.id)
                        .bind(4, flow::stepKindName(st.kind))
                        .bind(5, text(key + "title", st.title))
                        .bind(6, text(key + "body", st.body))
                        .bind(7, definition.dump()));
            }
        }

        Statement media(db_, "INSERT INTO media VALUES (?1, ?2, ?3, ?4)");
        for (auto& item : source.media) {
            media.bind(1, item.name).bind(2, item.mime).bind(3, blake2b256Hex(item.bytes));
            if (item.bytes.empty())
                sqlite3_bind_zeroblob(media.get(), 4, 0);
            else
                media.bindBlob(4, item.bytes);
            run(media);
        }
        if (!error_.empty()) return std::unexpected("Could not write the pack: " + error_);
        return {};
    }

  private:
    void run(Statement& statement) {
        if (statement.step() != SQLITE_DONE && error_.empty()) error_ = sqliteMessage(db_);
        statement.reset();
    }

    sqlite3* db_;
    Statement strings_;
    std::string error_;
};

} // namespace

std::expected<void, std::string> writePack(const PackSource& source,
                                           const std::filesystem::path& out) {
    auto temporary = out;
    temporary += ".tmp-" + std::to_string(::getpid());
    std::error_code ec;
    std::filesystem::remove(temporary, ec);
    {
        auto db = openDatabase(temporary, OpenMode::Create);
        if (!db)
            return std::unexpected("Could not create " + temporary.string() + ": " + db.error());
        sqlite3_limit(db->get(), SQLITE_LIMIT_LENGTH,
                      1 << 30); // the writer stores what it is given
        (void)exec(db->get(), "PRAGMA journal_mode=OFF");
        (void)exec(db->get(), "PRAGMA page_size=4096");
        auto ok = createSchema(db->get());
        if (ok) ok = exec(db->get(), "BEGIN");
        if (ok) ok = Writer(db->get()).write(source);
        if (ok) ok = exec(db->get(), "COMMIT");
        if (!ok) {
            db->reset();
            std::filesystem::remove(temporary, ec);
            return std::unexpected(ok.error());
        }
    }
    std::filesystem::rename(temporary, out, ec);
    if (ec) return std::unexpected("Could not write " + out.string() + ": " + ec.message());
    return {};
}

std::expected<std::string, std::string> signPack(const std::filesystem::path& path,
                                                 const SecretBytes& secretKey) {
    initSodium();
    if (secretKey.size() != 64)
        return std::unexpected(std::string("The signing key must be an Ed25519 secret key."));
    PublicKey publicKey{};
    std::copy(secretKey.data() + 32, secretKey.data() + 64, publicKey.begin());
    const std::string id = keyId(publicKey);

    auto db = openDatabase(path, OpenMode::ReadWrite);
    if (!db) return std::unexpected("Cannot open the pack " + path.string() + ": " + db.error());
    sqlite3* raw = db->get();
    sqlite3_limit(raw, SQLITE_LIMIT_LENGTH, 1 << 30);
    if (auto schema = checkSchema(raw); !schema) return std::unexpected(schema.error());
    if (auto ok = exec(raw, "BEGIN IMMEDIATE"); !ok)
        return std::unexpected("Cannot sign: " + ok.error());
    {
        Statement publisher(raw, "INSERT OR REPLACE INTO manifest VALUES ('publisher_key_id', ?1)");
        publisher.bind(1, id);
        if (publisher.step() != SQLITE_DONE)
            return std::unexpected("Cannot sign: " + sqliteMessage(raw));
    }
    auto rows = readContentRows(raw, ReadLimits{.enforceMediaCap = false});
    if (!rows) return std::unexpected(rows.error());
    auto signature = signDetached(secretKey, signedMessage(rows->contentHash));
    if (auto ok = exec(raw, "DELETE FROM signature"); !ok)
        return std::unexpected("Cannot sign: " + ok.error());
    Statement insert(raw, "INSERT INTO signature VALUES (?1, ?2)");
    insert.bind(1, id).bindBlob(2, signature);
    if (insert.step() != SQLITE_DONE) return std::unexpected("Cannot sign: " + sqliteMessage(raw));
    if (auto ok = exec(raw, "COMMIT"); !ok) return std::unexpected("Cannot sign: " + ok.error());
    // Compact: no free pages left behind by the rewrite (VACUUM attaches a temporary database).
    sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 1);
    if (auto ok = exec(raw, "VACUUM"); !ok) return std::unexpected("Cannot sign: " + ok.error());
    return id;
}

} // namespace passerelle::pack
