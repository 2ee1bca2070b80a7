#pragma once
#include "core/pack/localized_text.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::flow {

// What a step asks for. Information and Review show content only; Review lists the answers.
enum class StepKind {
    Information,
    Text,
    Number,
    Date,           // answer "yyyy-mm-dd"
    SingleChoice,   // answer = one option value
    MultipleChoice, // answer = option values joined by kMultiChoiceSeparator
    Phone,
    Email,
    YesNo,   // answer "yes" or "no"
    Consent, // answer "yes" when the resident agrees
    Review,
};

std::string_view stepKindName(StepKind kind); // "single_choice", ...
std::optional<StepKind> parseStepKind(std::string_view name);
// True for steps that collect an answer (everything but Information and Review).
bool collectsAnswer(StepKind kind);

inline constexpr char kMultiChoiceSeparator = '\x1f'; // ASCII unit separator
std::vector<std::string_view> splitMultiChoice(std::string_view answer);
std::string joinMultiChoice(const std::vector<std::string>& values);

struct Option {
    std::string value; // stable, language-independent: what is submitted to the city
    LocalizedText label;
    bool operator==(const Option&) const = default;
};

enum class Checksum { None, Luhn, Iban };
std::string_view checksumName(Checksum checksum);
std::optional<Checksum> parseChecksum(std::string_view name);

struct Validation {
    bool required = false;
    std::optional<std::size_t> minLength; // in characters (Unicode code points)
    std::optional<std::size_t> maxLength;
    std::optional<std::string> pattern; // ICU regular expression; must match the WHOLE value
    std::optional<double> min;          // numbers
    std::optional<double> max;
    // Dates: "yyyy-mm-dd", "today", "today+N" or "today-N" (N days), resolved when validating.
    std::optional<std::string> minDate;
    std::optional<std::string> maxDate;
    Checksum checksum = Checksum::None;
    std::optional<LocalizedText> message; // replaces the generic message for any failure
    bool operator==(const Validation&) const = default;
};

// A test on an earlier answer. For a multiple-choice field, Equals means "this value is among
// the chosen ones", NotEquals "is not among them", OneOf "any chosen value is in the list".
enum class Operator { Equals, NotEquals, OneOf, IsAnswered, IsNotAnswered };
std::string_view operatorName(Operator op); // "equals", "not_equals", "one_of", ...

struct Clause {
    std::string field; // id of an earlier step
    Operator op = Operator::Equals;
    std::vector<std::string> values; // one for Equals/NotEquals, several for OneOf, none otherwise
    bool operator==(const Clause&) const = default;
};

struct Condition {
    enum class Combine { All, Any };
    Combine combine = Combine::All;
    std::vector<Clause> clauses;
    bool operator==(const Condition&) const = default;
};

struct Step {
    std::string id; // also the field id of its answer
    StepKind kind = StepKind::Information;
    LocalizedText title;         // the question or heading
    LocalizedText body;          // explanation, information text, consent text; may be empty
    std::vector<Option> options; // SingleChoice / MultipleChoice
    Validation validation;
    std::optional<Condition> showIf; // shown only when this holds
    std::optional<Condition> skipIf; // skipped when this holds
    bool operator==(const Step&) const = default;
};

struct Flow {
    std::string id;
    LocalizedText title;
    LocalizedText description;
    std::string serviceId; // the city service that receives the submission
    std::vector<Step> steps;

    const Step* step(std::string_view stepId) const;
    std::optional<std::size_t> indexOf(std::string_view stepId) const;
    bool operator==(const Flow&) const = default;
};

} // namespace passerelle::flow
