#include "pack_fixtures.h"

#include "temp_dir.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>

namespace passerelle::test {

namespace {
LocalizedText t(const std::string& en, const std::string& fr) {
    return LocalizedText{{{"en", en}, {"fr", fr}}};
}
} // namespace

pack::PackSource samplePack(const std::string& id, const std::string& version) {
    pack::PackSource s;
    s.manifest.id = id;
    s.manifest.version = *pack::SemVer::parse(version);
    s.manifest.title = t("Test pack " + version, "Paquet de test " + version);
    s.manifest.languages = {"en", "fr"};
    s.manifest.minAppVersion = {0, 1, 0};
    s.manifest.created = "2026-11-29T10:00:00Z";

    lesson::Lesson l;
    l.id = "tapping";
    l.title = t("Tapping", "Toucher");
    l.summary = t("How to tap", "Comment toucher");
    l.slides.push_back(
        {t("Touch lightly.", "Touchez légèrement."), "dot.png", t("A dot", "Un point")});
    l.slides.push_back({t("Then lift your finger.", "Puis levez le doigt."), "", {}});
    l.quiz.push_back({t("How do you tap?", "Comment toucher ?"),
                      {t("Press hard", "Appuyer fort"), t("Touch lightly", "Toucher légèrement")},
                      1,
                      t("Yes!", "Oui !"),
                      t("A light touch is enough.", "Un contact léger suffit.")});
    s.lessons.push_back(l);

    flow::Flow f;
    f.id = "report";
    f.title = t("Report", "Signaler");
    f.serviceId = "city.reports";
    flow::Step category{
        "category", flow::StepKind::SingleChoice, t("What?", "Quoi ?"), {}, {}, {}, {}, {}};
    category.options = {{"hole", t("Hole", "Trou")}, {"light", t("Light", "Lampe")}};
    category.validation.required = true;
    flow::Step danger{
        "danger", flow::StepKind::YesNo, t("Dangerous?", "Dangereux ?"), {}, {}, {}, {}, {}};
    danger.showIf = flow::Condition{flow::Condition::Combine::All,
                                    {{"category", flow::Operator::Equals, {"hole"}}}};
    flow::Step where{"where", flow::StepKind::Text, t("Where?", "Où ?"), {}, {}, {}, {}, {}};
    where.validation.required = true;
    where.validation.minLength = 5;
    where.validation.pattern = "[\\p{L}0-9 ,.'-]+";
    where.validation.message = t("Say where.", "Dites où.");
    flow::Step review{"review", flow::StepKind::Review, t("Check", "Vérifiez"), {}, {}, {}, {}, {}};
    flow::Step consent{"consent",
                       flow::StepKind::Consent,
                       t("Send?", "Envoyer ?"),
                       t("I agree.", "J'accepte."),
                       {},
                       {},
                       {},
                       {}};
    f.steps = {category, danger, where, review, consent};
    s.flows.push_back(f);

    // A real 1x1 PNG (black pixel).
    static const std::uint8_t png[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
        0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
        0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78,
        0x9C, 0x63, 0x60, 0x60, 0x60, 0xF8, 0x0F, 0x00, 0x01, 0x04, 0x01, 0x00, 0x5F, 0xE5,
        0xC3, 0x4B, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    s.media.push_back({"dot.png", "image/png", Bytes(std::begin(png), std::end(png))});
    return s;
}

SecretBytes demoSecretKey(const std::string& name) {
    auto key = readSecretKeyFile(sourceDir() / "assets/demo-keys" / (name + ".secret"),
                                 KeyKind::Ed25519Secret);
    REQUIRE_MESSAGE(key.has_value(), (key ? "" : key.error()));
    return *key;
}

PublicKey demoPublicKey(const std::string& name) {
    auto key = readPublicKeyFile(sourceDir() / "assets/demo-keys" / (name + ".public"),
                                 KeyKind::Ed25519Public);
    REQUIRE_MESSAGE(key.has_value(), (key ? "" : key.error()));
    return *key;
}

std::vector<pack::TrustedKey> trustCity() {
    return {{"City (demo)", demoPublicKey("city-signing")}};
}

std::vector<pack::TrustedKey> trustCityAndPartner() {
    return {{"City (demo)", demoPublicKey("city-signing")},
            {"Partner (demo)", demoPublicKey("partner-signing")}};
}

std::filesystem::path writeSigned(const pack::PackSource& source, const std::filesystem::path& path,
                                  const std::string& keyName) {
    auto written = pack::writePack(source, path);
    REQUIRE_MESSAGE(written.has_value(), (written ? "" : written.error()));
    auto signedBy = pack::signPack(path, demoSecretKey(keyName));
    REQUIRE_MESSAGE(signedBy.has_value(), (signedBy ? "" : signedBy.error()));
    return path;
}

void execSql(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

std::string queryText(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    std::string result;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        if (auto* text = sqlite3_column_text(stmt, 0)) result = reinterpret_cast<const char*>(text);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return result;
}

Bytes readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

void writeAll(const std::filesystem::path& path, const Bytes& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

} // namespace passerelle::test
