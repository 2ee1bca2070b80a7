// The shipped catalogs are complete and parse, and a missing or broken translation never shows a
// blank: it falls back to English, then to the key.
#include "core/i18n/catalog.h"
#include "core/i18n/i18n.h"
#include "test_catalogs.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace passerelle;
using namespace passerelle::i18n;

namespace {
std::filesystem::path shippedLocales() {
    return test::sourceDir() / "locales";
}
} // namespace

TEST_CASE("every shipped catalog has every English key, parses with ICU and keeps the arguments") {
    auto en = loadCatalog(shippedLocales() / "en.json");
    REQUIRE_MESSAGE(en.has_value(), (en ? "" : en.error()));
    CHECK(en->warnings.empty());
    int catalogs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(shippedLocales())) {
        if (!isCatalogFileName(entry.path())) continue;
        ++catalogs;
        auto catalog = loadCatalog(entry.path());
        REQUIRE_MESSAGE(catalog.has_value(), (catalog ? "" : catalog.error()));
        const std::string file = entry.path().filename().string();
        for (const auto& warning : catalog->warnings)
            FAIL_CHECK(warning);
        std::string missing;
        for (const auto& [key, english] : en->messages) {
            auto it = catalog->messages.find(key);
            if (it == catalog->messages.end()) {
                missing += " " + key;
                continue;
            }
            auto args = messageArguments(it->second);
            if (!args) {
                FAIL_CHECK(file << ": \"" << key << "\" cannot be parsed by ICU: " << args.error());
                continue;
            }
            auto englishArgs = messageArguments(english);
            REQUIRE(englishArgs.has_value());
            CHECK_MESSAGE(*args == *englishArgs,
                          file << ": \"" << key << "\" must use the same {arguments} as English");
        }
        CHECK_MESSAGE(missing.empty(), file << " lacks keys that en.json has:" << missing);
        for (const auto& [key, text] : catalog->messages)
            CHECK_MESSAGE(en->messages.contains(key),
                          file << ": \"" << key << "\" is not in en.json (typo or stale key?)");
    }
    CHECK(catalogs >= 6);
}

TEST_CASE("the welcome screen lists each language in its own name and script, in order") {
    I18n i18n;
    auto loaded = i18n.load(shippedLocales());
    REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error()));
    CHECK(loaded->warnings.empty());
    const auto languages = i18n.languages();
    REQUIRE(languages.size() >= 6);
    const std::pair<const char*, const char*> expected[] = {
        {"en", "English"}, {"fr", "Français"},  {"es", "Español"},
        {"ar", "العربية"}, {"pt", "Português"}, {"nl", "Nederlands"}};
    for (size_t i = 0; i < std::size(expected); ++i) {
        CHECK(languages[i].code == expected[i].first);
        CHECK(languages[i].nativeName == expected[i].second);
        CHECK(languages[i].rtl == (languages[i].code == "ar"));
    }
    const std::string names = i18n.nativeNamesText();
    CHECK(names.find("العربية") != std::string::npos);
    CHECK(names.find("Français") != std::string::npos);
}

TEST_CASE("switching language is immediate and changes direction") {
    I18n i18n;
    REQUIRE(i18n.load(shippedLocales()).has_value());
    CHECK(i18n.language() == "en");
    CHECK(i18n.text("welcome.title") == "Welcome");
    CHECK_FALSE(i18n.isRightToLeft());
    REQUIRE(i18n.setLanguage("fr"));
    CHECK(i18n.text("welcome.title") == "Bienvenue");
    REQUIRE(i18n.setLanguage("ar"));
    CHECK(i18n.isRightToLeft());
    CHECK(i18n.text("common.back") == "رجوع");
    CHECK_FALSE(i18n.setLanguage("xx"));
    CHECK(i18n.language() == "ar");
}

TEST_CASE("a missing translation falls back to English, then to the key") {
    test::TempDir dir;
    test::writeCatalog(dir, "en.json", R"({"@@locale": "en", "a": "Apple", "b": "Banana",
        "n": "{count, plural, one {# file} other {# files}}"})");
    test::writeCatalog(dir, "fr.json", R"({"@@locale": "fr", "a": "Pomme",
        "n": "{count, plural, one {# fichier} other {# fichiers}"})"); // n: missing final brace
    I18n i18n;
    REQUIRE(i18n.load(dir.path()).has_value());
    REQUIRE(i18n.setLanguage("fr"));
    CHECK(i18n.text("a") == "Pomme");
    CHECK(i18n.text("b") == "Banana");
    CHECK(i18n.text("nope.missing") == "nope.missing");
    CHECK(i18n.hasKey("b"));
    CHECK_FALSE(i18n.hasKey("nope.missing"));
    // The broken French message is replaced by the English one, with English plural rules.
    CHECK(i18n.format("n", {{"count", 1}}) == "1 file");
    CHECK(i18n.format("n", {{"count", 0}}) == "0 files");
}

TEST_CASE("a damaged catalog is skipped with a warning; a missing English one is an error") {
    test::TempDir dir;
    test::writeCatalog(dir, "en.json", R"({"@@locale": "en", "a": "Apple", "b": 3})");
    test::writeCatalog(dir, "fr.json", R"({"a": "Pomme",)");
    I18n i18n;
    auto loaded = i18n.load(dir.path());
    REQUIRE(loaded.has_value());
    REQUIRE(loaded->warnings.size() == 2);
    CHECK(loaded->warnings[0].find("\"b\" is not text") != std::string::npos);
    CHECK(loaded->warnings[1].find("fr.json") != std::string::npos);
    CHECK_FALSE(i18n.setLanguage("fr"));
    CHECK(i18n.languages().size() == 1);

    test::TempDir empty;
    test::writeCatalog(empty, "fr.json", R"({"a": "Pomme"})");
    auto failed = I18n().load(empty.path());
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().find("en.json") != std::string::npos);
    CHECK_FALSE(I18n().load(empty / "nowhere").has_value());
}

TEST_CASE("messageArguments finds nested arguments and reports ICU's parse error") {
    auto args = messageArguments("{n, plural, one {# in {place}} other {# in {place}}} {who}");
    REQUIRE(args.has_value());
    CHECK(*args == std::set<std::string>{"n", "place", "who"});
    CHECK_FALSE(messageArguments("{n, plural, one {x}}").has_value()); // "other" is required
    CHECK_FALSE(messageArguments("Step {current of {total}").has_value());
}

TEST_CASE("catalog files are recognised by their language-code name") {
    CHECK(isCatalogFileName("locales/fr.json"));
    CHECK(isCatalogFileName("pt-BR.json"));
    CHECK_FALSE(isCatalogFileName("languages.json"));
    CHECK_FALSE(isCatalogFileName("fr.txt"));
    CHECK_FALSE(isCatalogFileName("f.json"));
    CHECK_FALSE(isCatalogFileName("fr-.json"));
}
