#include "core/flow/flow.h"

#include <array>
#include <utility>

namespace passerelle::flow {

namespace {
constexpr std::array<std::pair<StepKind, std::string_view>, 11> kKindNames{{
    {StepKind::Information, "information"},
    {StepKind::Text, "text"},
    {StepKind::Number, "number"},
    {StepKind::Date, "date"},
    {StepKind::SingleChoice, "single_choice"},
    {StepKind::MultipleChoice, "multiple_choice"},
    {StepKind::Phone, "phone"},
    {StepKind::Email, "email"},
    {StepKind::YesNo, "yes_no"},
    {StepKind::Consent, "consent"},
    {StepKind::Review, "review"},
}};
} // namespace

std::string_view stepKindName(StepKind kind) {
    for (auto& [k, name] : kKindNames)
        if (k == kind) return name;
    return "information";
}

std::optional<StepKind> parseStepKind(std::string_view name) {
    for (auto& [k, n] : kKindNames)
        if (n == name) return k;
    return std::nullopt;
}

bool collectsAnswer(StepKind kind) {
    return kind != StepKind::Information && kind != StepKind::Review;
}

std::vector<std::string_view> splitMultiChoice(std::string_view answer) {
    std::vector<std::string_view> values;
    while (!answer.empty()) {
        auto pos = answer.find(kMultiChoiceSeparator);
        auto value = answer.substr(0, pos);
        if (!value.empty()) values.push_back(value);
        if (pos == std::string_view::npos) break;
        answer.remove_prefix(pos + 1);
    }
    return values;
}

std::string joinMultiChoice(const std::vector<std::string>& values) {
    std::string joined;
    for (auto& value : values) {
        if (!joined.empty()) joined += kMultiChoiceSeparator;
        joined += value;
    }
    return joined;
}

std::string_view checksumName(Checksum checksum) {
    switch (checksum) {
    case Checksum::Luhn:
        return "luhn";
    case Checksum::Iban:
        return "iban";
    case Checksum::None:
        break;
    }
    return "none";
}

std::optional<Checksum> parseChecksum(std::string_view name) {
    if (name == "luhn") return Checksum::Luhn;
    if (name == "iban") return Checksum::Iban;
    if (name == "none") return Checksum::None;
    return std::nullopt;
}

std::string_view operatorName(Operator op) {
    switch (op) {
    case Operator::Equals:
        return "equals";
    case Operator::NotEquals:
        return "not_equals";
    case Operator::OneOf:
        return "one_of";
    case Operator::IsAnswered:
        return "is_answered";
    case Operator::IsNotAnswered:
        return "is_not_answered";
    }
    return "equals";
}

const Step* Flow::step(std::string_view stepId) const {
    for (auto& s : steps)
        if (s.id == stepId) return &s;
    return nullptr;
}

std::optional<std::size_t> Flow::indexOf(std::string_view stepId) const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].id == stepId) return i;
    return std::nullopt;
}

} // namespace passerelle::flow
