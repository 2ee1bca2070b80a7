// Plurals, dates, times and numbers come out of ICU the way a resident of each language expects.
#include "core/i18n/i18n.h"
#include "test_catalogs.h"

#include <doctest/doctest.h>
#include <unicode/timezone.h>

#include <memory>

using namespace passerelle;
using namespace passerelle::i18n;
using namespace std::chrono;

namespace {

std::filesystem::path shippedLocales() {
    return test::sourceDir() / "locales";
}

// Sets ICU's default time zone for the duration of a test (the kiosk's own zone).
struct DefaultZone {
    explicit DefaultZone(const char* id) {
        saved.reset(icu::TimeZone::createDefault());
        icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone(id));
    }
    ~DefaultZone() { icu::TimeZone::adoptDefault(saved.release()); }
    std::unique_ptr<icu::TimeZone> saved;
};

std::string category(const I18n& i18n, std::int64_t n) {
    return i18n.format("category", {{"n", n}});
}

} // namespace

TEST_CASE("plural categories come from ICU: English and French two, Arabic six") {
    test::TempDir dir;
    I18n i18n;
    {
        const char* all =
            R"("{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}")";
        for (const char* code : {"en", "fr", "ar"})
            test::writeCatalog(dir, std::string(code) + ".json",
                               std::string(R"({"category": )") + all + "}");
        REQUIRE(i18n.load(dir.path()).has_value());
    }
    // English: 1 is "one", everything else "other" (0 too).
    CHECK(category(i18n, 0) == "other");
    CHECK(category(i18n, 1) == "one");
    CHECK(category(i18n, 2) == "other");
    CHECK(category(i18n, 11) == "other");
    // French: 0 and 1 are "one"; a round million is "many" ("1 million de fichiers").
    REQUIRE(i18n.setLanguage("fr"));
    CHECK(category(i18n, 0) == "one");
    CHECK(category(i18n, 1) == "one");
    CHECK(category(i18n, 2) == "other");
    CHECK(category(i18n, 100) == "other");
    CHECK(category(i18n, 1000000) == "many");
    // Arabic: zero, one, two, few (3-10), many (11-99), other (100-102, ...).
    REQUIRE(i18n.setLanguage("ar"));
    CHECK(category(i18n, 0) == "zero");
    CHECK(category(i18n, 1) == "one");
    CHECK(category(i18n, 2) == "two");
    CHECK(category(i18n, 3) == "few");
    CHECK(category(i18n, 10) == "few");
    CHECK(category(i18n, 11) == "many");
    CHECK(category(i18n, 99) == "many");
    CHECK(category(i18n, 100) == "other");
    CHECK(category(i18n, 102) == "other");
    CHECK(category(i18n, 103) == "few");
}

TEST_CASE("shipped plural messages read correctly in English, French and Arabic") {
    I18n i18n;
    REQUIRE(i18n.load(shippedLocales()).has_value());
    CHECK(
        i18n.format("idle.body", {{"seconds", 1}}) ==
        "To protect your privacy, this visit will end in 1 second. Touch the screen to continue.");
    CHECK(i18n.format("idle.body", {{"seconds", 20}}) ==
          "To protect your privacy, this visit will end in 20 seconds. Touch the screen to "
          "continue.");
    CHECK(i18n.format("search.no_results", {{"count", 0}}) ==
          "Nothing found. Try another word, or ask a staff member.");
    CHECK(i18n.format("flow.step_of", {{"current", 2}, {"total", 5}}) == "Step 2 of 5");

    REQUIRE(i18n.setLanguage("fr"));
    CHECK(i18n.format("staff.locked", {{"minutes", 1}}) ==
          "Trop de codes incorrects. Réessayez dans 1 minute.");
    CHECK(i18n.format("staff.locked", {{"minutes", 5}}) ==
          "Trop de codes incorrects. Réessayez dans 5 minutes.");
    CHECK(i18n.format("validation.too_short", {{"min", 8}}) == "Écrivez au moins 8 caractères.");

    // Arabic: the dual has its own word, 3-10 take a plural, 11-99 a singular noun; digits are
    // Arabic-Indic as in the Arabic locale.
    REQUIRE(i18n.setLanguage("ar"));
    auto results = [&](int n) { return i18n.format("search.no_results", {{"count", n}}); };
    CHECK(results(0) == "لم يتم العثور على شيء. جرب كلمة أخرى أو اسأل أحد الموظفين.");
    CHECK(results(1) == "تم العثور على نتيجة واحدة");
    CHECK(results(2) == "تم العثور على نتيجتين");
    CHECK(results(3) == "تم العثور على ٣ نتائج");
    CHECK(results(11) == "تم العثور على ١١ نتيجة");
    CHECK(results(100) == "تم العثور على ١٠٠ نتيجة");
    CHECK(i18n.format("flow.step_of", {{"current", 2}, {"total", 5}}) == "الخطوة ٢ من ٥");
}

TEST_CASE("a fixed date is written the local way") {
    I18n i18n;
    REQUIRE(i18n.load(shippedLocales()).has_value());
    const sys_days day = 2026y / March / 14;
    CHECK(i18n.formatDate(day) == "March 14, 2026");
    CHECK(i18n.formatDate(day, DateStyle::Short) == "3/14/26");
    REQUIRE(i18n.setLanguage("fr"));
    CHECK(i18n.formatDate(day) == "14 mars 2026");
    CHECK(i18n.formatDate(day, DateStyle::Full) == "samedi 14 mars 2026");
    REQUIRE(i18n.setLanguage("ar"));
    CHECK(i18n.formatDate(day) == "١٤ مارس ٢٠٢٦");
    REQUIRE(i18n.setLanguage("es"));
    CHECK(i18n.formatDate(day) == "14 de marzo de 2026");
    REQUIRE(i18n.setLanguage("nl"));
    CHECK(i18n.formatDate(day) == "14 maart 2026");
}

TEST_CASE("a date inside a message stays the same calendar day in every time zone") {
    I18n i18n;
    REQUIRE(i18n.load(shippedLocales()).has_value());
    REQUIRE(i18n.setLanguage("fr"));
    const sys_days day = 2026y / March / 14;
    for (const char* zone : {"Pacific/Honolulu", "Europe/Paris", "Pacific/Kiritimati"}) {
        CAPTURE(zone);
        DefaultZone kioskZone(zone);
        CHECK(i18n.format("validation.date_too_early", {{"min", day}}) ==
              "La date doit être le 14 mars 2026 ou plus tard.");
        CHECK(i18n.formatDate(day) == "14 mars 2026");
    }
}

TEST_CASE("times and numbers follow the language") {
    I18n i18n;
    REQUIRE(i18n.load(shippedLocales()).has_value());
    REQUIRE(i18n.setTimeZone("Europe/Paris"));
    CHECK_FALSE(i18n.setTimeZone("Mars/Olympus_Mons"));
    const sys_seconds noonUtc = sys_days(2026y / March / 14) + 13h + 30min; // 14:30 in Paris
    CHECK(i18n.formatTime(noonUtc) == "2:30\u202FPM");
    CHECK(i18n.formatNumber(1234.5) == "1,234.5");
    CHECK(i18n.formatInteger(1234567) == "1,234,567");
    REQUIRE(i18n.setLanguage("fr"));
    CHECK(i18n.formatTime(noonUtc) == "14:30");
    CHECK(i18n.formatNumber(1234.5) == "1\u202F234,5");
    REQUIRE(i18n.setLanguage("nl"));
    CHECK(i18n.formatNumber(1234.5) == "1.234,5");
    REQUIRE(i18n.setLanguage("ar"));
    CHECK(i18n.formatTime(noonUtc) == "٢:٣٠ م");
    CHECK(i18n.formatNumber(1234.5) == "١٬٢٣٤٫٥");
}

TEST_CASE("a wrong argument type shows the message text, never a blank") {
    test::TempDir dir;
    test::writeCatalog(dir, "en.json", R"({"n": "{count, plural, one {# file} other {# files}}",
        "hi": "Hello {name}"})");
    I18n i18n;
    REQUIRE(i18n.load(dir.path()).has_value());
    CHECK(i18n.format("hi", {{"name", "Amina"}}) == "Hello Amina");
    CHECK_FALSE(i18n.format("n", {{"count", "three"}}).empty());
    CHECK(i18n.text("hi") == "Hello {name}");
}

TEST_CASE("select messages choose the words by a text argument (e.g. grammatical gender)") {
    test::TempDir dir;
    test::writeCatalog(dir, "en.json", R"({"welcome": "Welcome"})");
    test::writeCatalog(dir, "fr.json", R"({"welcome":
        "{gender, select, female {Bienvenue, {name}, vous êtes inscrite} other {Bienvenue, {name}, vous êtes inscrit}}"})");
    I18n i18n;
    REQUIRE(i18n.load(dir.path()).has_value());
    REQUIRE(i18n.setLanguage("fr"));
    CHECK(i18n.format("welcome", {{"gender", "female"}, {"name", "Amina"}}) ==
          "Bienvenue, Amina, vous êtes inscrite");
    CHECK(i18n.format("welcome", {{"gender", "unknown"}, {"name", "Sam"}}) ==
          "Bienvenue, Sam, vous êtes inscrit");
}
