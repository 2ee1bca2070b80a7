#include "core/resident/lesson_history.h"

#include <nlohmann/json.hpp>

namespace passerelle::resident {

namespace {
constexpr int kFormat = 1;
constexpr std::size_t kMaxLessons = 1000; // far more than any pack; bounds a damaged record
constexpr std::size_t kMaxIdBytes = 200;
constexpr int kMaxQuestions = 1000;

bool plausibleId(const nlohmann::json& v) {
    return v.is_string() && !v.get_ref<const std::string&>().empty() &&
           v.get_ref<const std::string&>().size() <= kMaxIdBytes;
}
bool plausibleCount(const nlohmann::json& v) {
    return v.is_number_integer() && v.get<long long>() >= 0 && v.get<long long>() <= kMaxQuestions;
}
} // namespace

const LessonScore* LessonHistory::find(std::string_view packId, std::string_view lessonId) const {
    for (auto& s : completed_)
        if (s.packId == packId && s.lessonId == lessonId) return &s;
    return nullptr;
}

void LessonHistory::record(LessonScore score) {
    for (auto& s : completed_)
        if (s.packId == score.packId && s.lessonId == score.lessonId) {
            s = std::move(score);
            return;
        }
    completed_.push_back(std::move(score));
}

void LessonHistory::merge(const LessonHistory& other) {
    for (auto& s : other.completed_)
        if (!find(s.packId, s.lessonId)) completed_.push_back(s);
}

bool LessonHistory::lacksAnyOf(const LessonHistory& other) const {
    for (auto& s : other.completed_)
        if (!find(s.packId, s.lessonId)) return true;
    return false;
}

std::vector<std::uint8_t> LessonHistory::encode() const {
    nlohmann::json list = nlohmann::json::array();
    for (auto& s : completed_)
        list.push_back({{"pack", s.packId},
                        {"lesson", s.lessonId},
                        {"right", s.rightAnswers},
                        {"of", s.questions}});
    const std::string text = nlohmann::json{{"format", kFormat}, {"completed", list}}.dump();
    return {text.begin(), text.end()};
}

std::expected<LessonHistory, std::string>
LessonHistory::decode(std::span<const std::uint8_t> bytes) {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    const auto bad = [](const char* why) {
        return std::unexpected(std::string("the saved lesson progress cannot be read (") + why +
                               "); the learner can start again and save under a new code");
    };
    if (json.is_discarded() || !json.is_object()) return bad("not JSON");
    if (!json.contains("format") || json["format"] != kFormat) return bad("unknown format");
    if (!json.contains("completed") || !json["completed"].is_array()) return bad("no lesson list");
    const auto& list = json["completed"];
    if (list.size() > kMaxLessons) return bad("too many lessons");
    LessonHistory history;
    for (const auto& item : list) {
        if (!item.is_object() || !item.contains("pack") || !item.contains("lesson") ||
            !item.contains("right") || !item.contains("of") || !plausibleId(item["pack"]) ||
            !plausibleId(item["lesson"]) || !plausibleCount(item["right"]) ||
            !plausibleCount(item["of"]) || item["right"].get<int>() > item["of"].get<int>())
            return bad("a lesson entry is malformed");
        history.record({item["pack"].get<std::string>(), item["lesson"].get<std::string>(),
                        item["right"].get<int>(), item["of"].get<int>()});
    }
    return history;
}

} // namespace passerelle::resident
