#include "core/store/stats.h"
#include "core/store/sqlite.h"
#include "core/store/store.h"

#include <ctime>
#include <sqlite3.h>

namespace passerelle {

namespace {

bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlnum(char c) {
    return isLower(c) || isDigit(c) || (c >= 'A' && c <= 'Z');
}

std::string utcDay(Store::TimePoint at) {
    std::time_t t = Store::Clock::to_time_t(at);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

} // namespace

std::expected<void, std::string> checkIdentifier(std::string_view id, std::string_view what) {
    bool ok = !id.empty() && id.size() <= 64 && (isLower(id[0]) || isDigit(id[0]));
    for (char c : id)
        ok = ok && (isLower(c) || isDigit(c) || c == '.' || c == '_' || c == '-');
    if (ok) return {};
    return std::unexpected(std::string(what) +
                           " must be an identifier (1-64 characters: a-z, 0-9, '.', '_', '-'), "
                           "not free text");
}

std::expected<void, std::string> checkLanguageCode(std::string_view code) {
    // primary: 2-3 lower-case letters; then subtags of 2-8 letters/digits.
    std::size_t i = 0;
    while (i < code.size() && isLower(code[i]))
        ++i;
    bool ok = i >= 2 && i <= 3;
    while (ok && i < code.size()) {
        ok = code[i] == '-';
        std::size_t start = ++i;
        while (i < code.size() && isAlnum(code[i]))
            ++i;
        ok = ok && i - start >= 2 && i - start <= 8;
    }
    if (ok) return {};
    return std::unexpected("'" + std::string(code.substr(0, 20)) +
                           "' is not a language code (expected e.g. fr, ar, pt-BR)");
}

std::expected<void, std::string> checkDay(std::string_view day) {
    bool ok = day.size() == 10 && day[4] == '-' && day[7] == '-';
    for (std::size_t i = 0; ok && i < day.size(); ++i)
        if (i != 4 && i != 7) ok = isDigit(day[i]);
    if (ok) {
        int month = (day[5] - '0') * 10 + (day[6] - '0');
        int dayOfMonth = (day[8] - '0') * 10 + (day[9] - '0');
        ok = month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31;
    }
    if (ok) return {};
    return std::unexpected("a day must be written YYYY-MM-DD");
}

std::expected<void, std::string> Store::countMetric(const std::string& metric,
                                                    const std::string& dimension, TimePoint at) {
    const std::string day = utcDay(at);
    return withDatabase([&](sqlite3* db) {
        store::Statement upsert(db, "INSERT INTO stats_daily (day, metric, dimension, count) "
                                    "VALUES (?1, ?2, ?3, 1) ON CONFLICT (day, metric, dimension) "
                                    "DO UPDATE SET count = count + 1");
        upsert.bind(1, day).bind(2, metric).bind(3, dimension).step();
    });
}

std::expected<void, std::string> Store::countSessionStarted(const std::string& language,
                                                            bool assisted, TimePoint at) {
    if (auto ok = checkLanguageCode(language); !ok) return ok;
    const std::string day = utcDay(at);
    // Three counters in one transaction so the totals always agree with each other.
    return withDatabase([&](sqlite3* db) {
        store::Transaction tx(db);
        store::Statement upsert(db, "INSERT INTO stats_daily (day, metric, dimension, count) "
                                    "VALUES (?1, ?2, ?3, 1) ON CONFLICT (day, metric, dimension) "
                                    "DO UPDATE SET count = count + 1");
        const std::pair<const char*, std::string> rows[] = {
            {stat_metric::kSessionStarted, ""},
            {stat_metric::kSessionLanguage, language},
            {stat_metric::kSessionMode, assisted ? "assisted" : "self"},
        };
        for (const auto& [metric, dimension] : rows) {
            upsert.reset();
            upsert.bind(1, day).bind(2, std::string_view(metric)).bind(3, dimension).step();
        }
        tx.commit();
    });
}

std::expected<void, std::string> Store::countServiceStarted(const std::string& serviceId,
                                                            TimePoint at) {
    if (auto ok = checkIdentifier(serviceId, "service id"); !ok) return ok;
    return countMetric(stat_metric::kServiceStarted, serviceId, at);
}

std::expected<void, std::string> Store::countServiceCompleted(const std::string& serviceId,
                                                              TimePoint at) {
    if (auto ok = checkIdentifier(serviceId, "service id"); !ok) return ok;
    return countMetric(stat_metric::kServiceCompleted, serviceId, at);
}

std::expected<void, std::string> Store::countServiceAbandoned(const std::string& serviceId,
                                                              int atStep, TimePoint at) {
    if (auto ok = checkIdentifier(serviceId, "service id"); !ok) return ok;
    if (atStep < 0 || atStep > 10000)
        return std::unexpected("step number out of range: " + std::to_string(atStep));
    return countMetric(stat_metric::kServiceAbandoned, serviceId + "#" + std::to_string(atStep),
                       at);
}

std::expected<void, std::string> Store::countLessonStarted(const std::string& lessonId,
                                                           TimePoint at) {
    if (auto ok = checkIdentifier(lessonId, "lesson id"); !ok) return ok;
    return countMetric(stat_metric::kLessonStarted, lessonId, at);
}

std::expected<void, std::string> Store::countLessonCompleted(const std::string& lessonId,
                                                             TimePoint at) {
    if (auto ok = checkIdentifier(lessonId, "lesson id"); !ok) return ok;
    return countMetric(stat_metric::kLessonCompleted, lessonId, at);
}

std::expected<void, std::string> Store::countHelpRequested(TimePoint at) {
    return countMetric(stat_metric::kHelpRequested, "", at);
}

std::expected<std::vector<StatRow>, std::string> Store::statsForDay(const std::string& day) {
    if (auto ok = checkDay(day); !ok) return std::unexpected(ok.error());
    std::vector<StatRow> rows;
    auto done = withDatabase([&](sqlite3* db) {
        store::Statement query(db, "SELECT day, metric, dimension, count FROM stats_daily "
                                   "WHERE day = ?1 ORDER BY metric, dimension");
        query.bind(1, day);
        while (query.step())
            rows.push_back({query.text(0), query.text(1), query.text(2), query.int64(3)});
    });
    if (!done) return std::unexpected(done.error());
    return rows;
}

std::expected<std::vector<StatRow>, std::string> Store::statsSince(const std::string& fromDay) {
    if (auto ok = checkDay(fromDay); !ok) return std::unexpected(ok.error());
    std::vector<StatRow> rows;
    auto done = withDatabase([&](sqlite3* db) {
        store::Statement query(db, "SELECT day, metric, dimension, count FROM stats_daily "
                                   "WHERE day >= ?1 ORDER BY day, metric, dimension");
        query.bind(1, fromDay);
        while (query.step())
            rows.push_back({query.text(0), query.text(1), query.text(2), query.int64(3)});
    });
    if (!done) return std::unexpected(done.error());
    return rows;
}

} // namespace passerelle
