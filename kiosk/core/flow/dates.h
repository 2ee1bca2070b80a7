#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace passerelle::flow {

struct Date {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    auto operator<=>(const Date&) const = default;

    std::chrono::sys_days toDays() const;
    static Date fromDays(std::chrono::sys_days days);
    std::string toIso() const; // "yyyy-mm-dd"
};

// Strict ISO "yyyy-mm-dd" that names a real calendar day (2025-02-29 is refused).
std::optional<Date> parseIsoDate(std::string_view text);
// "yyyy-mm-dd", "today", "today+N", "today-N" (N days, at most 5 digits).
std::optional<Date> resolveDateBound(std::string_view bound, Date today);
// Today's date in the kiosk's local time zone.
Date localToday();

} // namespace passerelle::flow
