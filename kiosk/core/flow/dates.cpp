#include "core/flow/dates.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace passerelle::flow {

std::chrono::sys_days Date::toDays() const {
    return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                                 std::chrono::day{day}};
}

Date Date::fromDays(std::chrono::sys_days days) {
    std::chrono::year_month_day ymd{days};
    return {int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

std::string Date::toIso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
    return buffer;
}

namespace {
std::optional<unsigned> digits(std::string_view text) {
    if (text.empty()) return std::nullopt;
    unsigned value = 0;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}
} // namespace

std::optional<Date> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = digits(text.substr(0, 4));
    auto m = digits(text.substr(5, 2));
    auto d = digits(text.substr(8, 2));
    if (!y || !m || !d || *y < 1) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{int(*y)}, std::chrono::month{*m},
                                    std::chrono::day{*d}};
    if (!ymd.ok()) return std::nullopt;
    return Date{int(*y), *m, *d};
}

std::optional<Date> resolveDateBound(std::string_view bound, Date today) {
    if (auto date = parseIsoDate(bound)) return date;
    if (bound.substr(0, 5) != "today") return std::nullopt;
    bound.remove_prefix(5);
    if (bound.empty()) return today;
    if (bound[0] != '+' && bound[0] != '-') return std::nullopt;
    auto n = bound.size() <= 6 ? digits(bound.substr(1)) : std::nullopt;
    if (!n) return std::nullopt;
    auto offset = std::chrono::days{bound[0] == '+' ? int(*n) : -int(*n)};
    return Date::fromDays(today.toDays() + offset);
}

Date localToday() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, unsigned(local.tm_mon + 1), unsigned(local.tm_mday)};
}

} // namespace passerelle::flow
