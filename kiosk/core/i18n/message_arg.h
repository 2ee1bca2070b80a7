#pragma once
// Named arguments for ICU MessageFormat messages: "{count, plural, one {# file} other {# files}}"
// is formatted with {{"count", 3}}.
#include <chrono>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace passerelle::i18n {

// One argument value: text, a whole number, a decimal number or a calendar date.
// Dates are calendar days (no time of day, no time zone): "{day, date, long}".
class MessageArg {
  public:
    using Value = std::variant<std::string, std::int64_t, double, std::chrono::sys_days>;

    MessageArg(std::string text) : value_(std::move(text)) {}
    MessageArg(std::string_view text) : value_(std::string(text)) {}
    MessageArg(const char* text) : value_(std::string(text)) {}
    template <std::integral T>
    requires(!std::same_as<T, bool> && !std::same_as<T, char>) MessageArg(T number)
        : value_(static_cast<std::int64_t>(number)) {}
    MessageArg(double number) : value_(number) {}
    MessageArg(std::chrono::sys_days day) : value_(day) {}
    MessageArg(std::chrono::year_month_day day) : value_(std::chrono::sys_days(day)) {}

    const Value& value() const { return value_; }

  private:
    Value value_;
};

struct NamedArg {
    std::string_view name;
    MessageArg value;
};

} // namespace passerelle::i18n
