// Daily counters: counted per day, per dimension; no per-person rows, no free text.
#include "core/store/sqlite.h"
#include "core/store/store.h"
#include "core_test_support.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

using namespace passerelle;
using passerelle::test::TempDir;
using namespace std::chrono;

namespace {

Store::TimePoint on(int y, unsigned m, unsigned d, int hour = 12) {
    return sys_days{year{y} / month{m} / day{d}} + hours{hour};
}

std::int64_t countOf(const std::vector<StatRow>& rows, const std::string& metric,
                     const std::string& dimension) {
    for (const auto& row : rows)
        if (row.metric == metric && row.dimension == dimension) return row.count;
    return 0;
}

} // namespace

TEST_CASE("sessions, services, lessons and help requests are counted per UTC day") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    const auto day = on(2026, 11, 29);
    REQUIRE(store->countSessionStarted("fr", false, day));
    REQUIRE(store->countSessionStarted("fr", true, day));
    REQUIRE(store->countSessionStarted("ar", false, day));
    REQUIRE(store->countServiceStarted("housing-aid", day));
    REQUIRE(store->countServiceStarted("housing-aid", day));
    REQUIRE(store->countServiceCompleted("housing-aid", day));
    REQUIRE(store->countServiceAbandoned("housing-aid", 3, day));
    REQUIRE(store->countLessonStarted("email-basics", day));
    REQUIRE(store->countLessonCompleted("email-basics", day));
    REQUIRE(store->countHelpRequested(day));
    REQUIRE(store->countSessionStarted("fr", false, on(2026, 11, 30, 0))); // next UTC day

    auto rows = store->statsForDay("2026-11-29").value();
    CHECK(countOf(rows, stat_metric::kSessionStarted, "") == 3);
    CHECK(countOf(rows, stat_metric::kSessionLanguage, "fr") == 2);
    CHECK(countOf(rows, stat_metric::kSessionLanguage, "ar") == 1);
    CHECK(countOf(rows, stat_metric::kSessionMode, "assisted") == 1);
    CHECK(countOf(rows, stat_metric::kSessionMode, "self") == 2);
    CHECK(countOf(rows, stat_metric::kServiceStarted, "housing-aid") == 2);
    CHECK(countOf(rows, stat_metric::kServiceCompleted, "housing-aid") == 1);
    CHECK(countOf(rows, stat_metric::kServiceAbandoned, "housing-aid#3") == 1);
    CHECK(countOf(rows, stat_metric::kLessonStarted, "email-basics") == 1);
    CHECK(countOf(rows, stat_metric::kLessonCompleted, "email-basics") == 1);
    CHECK(countOf(rows, stat_metric::kHelpRequested, "") == 1);
    CHECK(store->statsForDay("2026-11-30").value().size() == 3);
    CHECK(store->statsSince("2026-11-29").value().size() == rows.size() + 3);
    CHECK_FALSE(store->statsForDay("29/11/2026").has_value());
}

TEST_CASE("free text is refused by the counters and never stored") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    const std::string freeText = "Jean Dupont 06 12 34 56 78";
    auto refused = store->countServiceStarted(freeText);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().find("not free text") != std::string::npos);
    CHECK_FALSE(store->countServiceAbandoned(freeText, 2));
    CHECK_FALSE(store->countLessonStarted(freeText));
    CHECK_FALSE(store->countLessonCompleted("Lesson by Jean"));
    CHECK_FALSE(store->countSessionStarted(freeText, false));
    CHECK_FALSE(store->countSessionStarted("fr; DROP TABLE", false));
    CHECK_FALSE(store->countServiceAbandoned("housing-aid", -1));

    // Nothing of it in the table, nor anywhere in the files.
    std::int64_t rows = -1;
    REQUIRE(store->withDatabase([&](sqlite3* db) {
        store::Statement query(db, "SELECT count(*) FROM stats_daily");
        query.step();
        rows = query.int64(0);
    }));
    CHECK(rows == 0);
    store.reset();
    for (const auto& file : test::filesUnder(dir.path()))
        CHECK_FALSE(test::fileContains(file, "Jean Dupont"));
}
