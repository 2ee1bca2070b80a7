#pragma once
// Daily non-personal counters. A row is (day, metric, dimension) -> count; there is no per-person
// row and no free text: dimensions are identifiers (language codes, service/lesson ids, step
// numbers) checked by the functions below, and anything else is refused.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace passerelle {

struct StatRow {
    std::string day;    // "YYYY-MM-DD", UTC
    std::string metric; // one of stat_metric::*
    std::string
        dimension; // language code, service/lesson id, "serviceId#step", "assisted"/"self", or ""
    std::int64_t count = 0;
};

namespace stat_metric {
inline constexpr const char* kSessionStarted = "session.started";     // dimension ""
inline constexpr const char* kSessionLanguage = "session.language";   // dimension: language
inline constexpr const char* kSessionMode = "session.mode";           // "assisted" | "self"
inline constexpr const char* kServiceStarted = "service.started";     // serviceId
inline constexpr const char* kServiceCompleted = "service.completed"; // serviceId
inline constexpr const char* kServiceAbandoned = "service.abandoned"; // "serviceId#step"
inline constexpr const char* kLessonStarted = "lesson.started";       // lessonId
inline constexpr const char* kLessonCompleted = "lesson.completed";   // lessonId
inline constexpr const char* kHelpRequested = "help.requested";       // dimension ""
} // namespace stat_metric

// An identifier as used for services, lessons, packs, fields: 1-64 chars of [a-z0-9._-],
// starting with a letter or digit. Refuses spaces, capitals, '@' ... so free text cannot pass.
std::expected<void, std::string> checkIdentifier(std::string_view id, std::string_view what);
// A language tag: "fr", "ar", "pt-BR", "zh-Hant" (2-3 lower-case letters, optional subtags).
std::expected<void, std::string> checkLanguageCode(std::string_view code);
// "YYYY-MM-DD" with plausible numbers.
std::expected<void, std::string> checkDay(std::string_view day);

} // namespace passerelle
