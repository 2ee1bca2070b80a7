#pragma once
// What a returning learner has done: the lessons finished and their quiz scores. This is the
// "progress" that LearnerProgress keeps encrypted and opaque; its bytes are small JSON:
//   {"format":1,"completed":[{"pack":"org.example.city","lesson":"touchscreen","right":2,"of":3}]}
#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::resident {

struct LessonScore {
    std::string packId;
    std::string lessonId;
    int rightAnswers = 0;
    int questions = 0;
    bool operator==(const LessonScore&) const = default;
};

class LessonHistory {
  public:
    const std::vector<LessonScore>& completed() const { return completed_; }
    bool empty() const { return completed_.empty(); }
    const LessonScore* find(std::string_view packId, std::string_view lessonId) const;
    // A lesson finished again replaces its earlier score (the latest attempt is what counts).
    void record(LessonScore score);
    // Adds what `other` has that this history lacks; scores already here are kept.
    void merge(const LessonHistory& other);
    // True when `other` has a lesson this one lacks.
    bool lacksAnyOf(const LessonHistory& other) const;

    std::vector<std::uint8_t> encode() const;
    static std::expected<LessonHistory, std::string> decode(std::span<const std::uint8_t> bytes);

  private:
    std::vector<LessonScore> completed_;
};

} // namespace passerelle::resident
