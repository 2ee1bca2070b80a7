#include "core/flow/flow_engine.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace passerelle::flow {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

std::string formatNumber(double value) {
    char buffer[64];
    if (std::floor(value) == value && std::fabs(value) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

std::optional<double> parseNumber(std::string_view text) {
    std::string normalized(text);
    std::replace(normalized.begin(), normalized.end(), ',', '.'); // "2,5" from a French keypad
    const char* p = normalized.c_str();
    const char* end = p + normalized.size();
    std::size_t i = (!normalized.empty() && (normalized[0] == '-' || normalized[0] == '+')) ? 1 : 0;
    bool digit = false;
    int dots = 0;
    for (std::size_t k = i; k < normalized.size(); ++k) {
        char c = normalized[k];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c == '.' && ++dots == 1)
            continue;
        else
            return std::nullopt;
    }
    if (!digit) return std::nullopt;
    if (normalized[0] == '+') ++p;
    double value = 0;
    auto [next, ec] = std::from_chars(p, end, value);
    if (ec != std::errc{} || next != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

bool isOption(const Step& step, std::string_view value) {
    return std::any_of(step.options.begin(), step.options.end(),
                       [&](const Option& o) { return o.value == value; });
}

} // namespace

std::size_t codePointCount(std::string_view text) {
    return std::size_t(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool luhnValid(std::string_view text) {
    int sum = 0;
    std::size_t count = 0;
    bool doubleIt = false;
    for (auto it = text.rbegin(); it != text.rend(); ++it) {
        char c = *it;
        if (c == ' ') continue;
        if (c < '0' || c > '9') return false;
        int d = c - '0';
        if (doubleIt) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
        doubleIt = !doubleIt;
        ++count;
    }
    return count >= 2 && sum % 10 == 0;
}

bool ibanValid(std::string_view text) {
    std::string iban;
    for (char c : text) {
        if (c == ' ') continue;
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
        iban += c;
    }
    if (iban.size() < 15 || iban.size() > 34) return false;
    if (!(std::isupper(static_cast<unsigned char>(iban[0])) &&
          std::isupper(static_cast<unsigned char>(iban[1])) &&
          std::isdigit(static_cast<unsigned char>(iban[2])) &&
          std::isdigit(static_cast<unsigned char>(iban[3]))))
        return false;
    std::string rearranged = iban.substr(4) + iban.substr(0, 4);
    int remainder = 0;
    for (char c : rearranged) {
        int value = c >= 'A' ? c - 'A' + 10 : c - '0';
        remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
    }
    return remainder == 1;
}

bool phoneValid(std::string_view text) {
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c == '+' && digits == 0 && i == text.find_first_not_of(' '))
            continue;
        else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')')
            continue;
        else
            return false;
    }
    return digits >= 6 && digits <= 15; // E.164 allows at most 15 digits
}

bool emailValid(std::string_view text) {
    if (text.size() > 254) return false;
    auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || at > 64 ||
        text.find('@', at + 1) != std::string_view::npos)
        return false;
    auto local = text.substr(0, at);
    auto domain = text.substr(at + 1);
    for (char c : text)
        if (static_cast<unsigned char>(c) <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' ||
            c == '"')
            return false;
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return false;
    auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
    if (domain.find("..") != std::string_view::npos || domain.front() == '-' ||
        domain.front() == '.')
        return false;
    return true;
}

std::optional<std::string> patternError(std::string_view pattern) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError{};
    std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), int32_t(pattern.size()))), 0,
        parseError, status));
    if (U_FAILURE(status) || !compiled)
        return std::string("not a valid regular expression (") + u_errorName(status) +
               " at offset " + std::to_string(parseError.offset) + ")";
    return std::nullopt;
}

struct FlowEngine::Patterns {
    std::vector<std::unique_ptr<icu::RegexPattern>> byStep;
};

FlowEngine::FlowEngine(const Flow& flow) : flow_(&flow), patterns_(std::make_unique<Patterns>()) {
    for (auto& step : flow.steps) {
        std::unique_ptr<icu::RegexPattern> compiled;
        if (step.validation.pattern) {
            UErrorCode status = U_ZERO_ERROR;
            UParseError parseError{};
            compiled.reset(icu::RegexPattern::compile(
                icu::UnicodeString::fromUTF8(*step.validation.pattern), 0, parseError, status));
            if (U_FAILURE(status)) compiled.reset();
        }
        patterns_->byStep.push_back(std::move(compiled));
    }
}

FlowEngine::~FlowEngine() = default;
FlowEngine::FlowEngine(FlowEngine&&) noexcept = default;
FlowEngine& FlowEngine::operator=(FlowEngine&&) noexcept = default;

std::vector<bool> FlowEngine::computeVisibility(const AnswerLookup& answers) const {
    const auto& steps = flow_->steps;
    std::vector<bool> visible(steps.size(), false);
    // The answer of `field` as seen from step `at`: only earlier, shown steps count.
    auto answerOf = [&](std::string_view field, std::size_t at) -> std::optional<std::string_view> {
        for (std::size_t j = 0; j < at; ++j) {
            if (steps[j].id != field) continue;
            if (!visible[j] || !collectsAnswer(steps[j].kind)) return std::nullopt;
            auto value = answers ? answers(field) : std::nullopt;
            if (!value || trim(*value).empty()) return std::nullopt;
            return value;
        }
        return std::nullopt;
    };
    auto holds = [&](const Condition& condition, std::size_t at) {
        auto clauseHolds = [&](const Clause& clause) {
            auto value = answerOf(clause.field, at);
            const bool multi = [&] {
                auto idx = flow_->indexOf(clause.field);
                return idx && steps[*idx].kind == StepKind::MultipleChoice;
            }();
            auto contains = [&](std::string_view wanted) {
                if (!value) return false;
                if (!multi) return *value == wanted;
                for (auto v : splitMultiChoice(*value))
                    if (v == wanted) return true;
                return false;
            };
            switch (clause.op) {
            case Operator::Equals:
                return !clause.values.empty() && contains(clause.values[0]);
            case Operator::NotEquals:
                return clause.values.empty() || !contains(clause.values[0]);
            case Operator::OneOf:
                return std::any_of(clause.values.begin(), clause.values.end(), contains);
            case Operator::IsAnswered:
                return value.has_value();
            case Operator::IsNotAnswered:
                return !value.has_value();
            }
            return false;
        };
        if (condition.combine == Condition::Combine::All)
            return std::all_of(condition.clauses.begin(), condition.clauses.end(), clauseHolds);
        return std::any_of(condition.clauses.begin(), condition.clauses.end(), clauseHolds);
    };
    for (std::size_t i = 0; i < steps.size(); ++i) {
        bool shown = true;
        if (steps[i].showIf && !holds(*steps[i].showIf, i)) shown = false;
        if (shown && steps[i].skipIf && holds(*steps[i].skipIf, i)) shown = false;
        visible[i] = shown;
    }
    return visible;
}

std::vector<std::size_t> FlowEngine::visibleSteps(const AnswerLookup& answers) const {
    auto visible = computeVisibility(answers);
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < visible.size(); ++i)
        if (visible[i]) indices.push_back(i);
    return indices;
}

bool FlowEngine::isVisible(std::size_t stepIndex, const AnswerLookup& answers) const {
    auto visible = computeVisibility(answers);
    return stepIndex < visible.size() && visible[stepIndex];
}

std::optional<std::size_t> FlowEngine::firstStep(const AnswerLookup& answers) const {
    auto visible = visibleSteps(answers);
    if (visible.empty()) return std::nullopt;
    return visible.front();
}

std::optional<std::size_t> FlowEngine::nextStep(std::size_t current,
                                                const AnswerLookup& answers) const {
    for (auto i : visibleSteps(answers))
        if (i > current) return i;
    return std::nullopt;
}

std::optional<std::size_t> FlowEngine::previousStep(std::size_t current,
                                                    const AnswerLookup& answers) const {
    std::optional<std::size_t> previous;
    for (auto i : visibleSteps(answers)) {
        if (i >= current) break;
        previous = i;
    }
    return previous;
}

Progress FlowEngine::progress(std::size_t current, const AnswerLookup& answers) const {
    auto visible = visibleSteps(answers);
    std::size_t position = 0;
    for (auto i : visible)
        if (i <= current) ++position;
    return {std::max<std::size_t>(position, 1), visible.size()};
}

std::vector<std::size_t> FlowEngine::submittedSteps(const AnswerLookup& answers) const {
    std::vector<std::size_t> result;
    for (auto i : visibleSteps(answers)) {
        if (!collectsAnswer(flow_->steps[i].kind)) continue;
        auto value = answers ? answers(flow_->steps[i].id) : std::nullopt;
        if (value && !trim(*value).empty()) result.push_back(i);
    }
    return result;
}

std::optional<ValidationError> FlowEngine::validate(std::size_t stepIndex,
                                                    std::string_view rawValue, Date today) const {
    if (stepIndex >= flow_->steps.size()) return ValidationError{"validation.required", {}, {}};
    const Step& step = flow_->steps[stepIndex];
    const Validation& rule = step.validation;
    auto fail =
        [&](std::string code,
            std::map<std::string, std::string> params = {}) -> std::optional<ValidationError> {
        return ValidationError{std::move(code), std::move(params), rule.message};
    };
    const std::string_view value = trim(rawValue);

    switch (step.kind) {
    case StepKind::Information:
    case StepKind::Review:
        return std::nullopt;
    case StepKind::Consent:
        if (value != "yes") return fail("validation.consent_required");
        return std::nullopt;
    case StepKind::YesNo:
        if (value.empty()) return rule.required ? fail("validation.choose_one") : std::nullopt;
        if (value != "yes" && value != "no") return fail("validation.choose_one");
        return std::nullopt;
    case StepKind::SingleChoice:
        if (value.empty()) return rule.required ? fail("validation.choose_one") : std::nullopt;
        if (!isOption(step, value)) return fail("validation.choose_one");
        return std::nullopt;
    case StepKind::MultipleChoice: {
        auto values = splitMultiChoice(value);
        if (values.empty()) return rule.required ? fail("validation.choose_one") : std::nullopt;
        for (auto v : values)
            if (!isOption(step, v)) return fail("validation.choose_one");
        return std::nullopt;
    }
    default:
        break;
    }

    if (value.empty()) return rule.required ? fail("validation.required") : std::nullopt;

    switch (step.kind) {
    case StepKind::Number: {
        auto number = parseNumber(value);
        if (!number) return fail("validation.not_a_number");
        if (rule.min && *number < *rule.min)
            return fail("validation.below_min", {{"min", formatNumber(*rule.min)}});
        if (rule.max && *number > *rule.max)
            return fail("validation.above_max", {{"max", formatNumber(*rule.max)}});
        return std::nullopt;
    }
    case StepKind::Date: {
        auto date = parseIsoDate(value);
        if (!date) return fail("validation.date_invalid");
        if (rule.minDate)
            if (auto min = resolveDateBound(*rule.minDate, today); min && *date < *min)
                return fail("validation.date_too_early", {{"min", min->toIso()}});
        if (rule.maxDate)
            if (auto max = resolveDateBound(*rule.maxDate, today); max && *date > *max)
                return fail("validation.date_too_late", {{"max", max->toIso()}});
        return std::nullopt;
    }
    case StepKind::Phone:
        if (!phoneValid(value)) return fail("validation.phone");
        break;
    case StepKind::Email:
        if (!emailValid(value)) return fail("validation.email");
        break;
    default:
        break;
    }

    // Text, phone and e-mail: length, pattern, checksum.
    const auto length = codePointCount(value);
    if (rule.minLength && length < *rule.minLength)
        return fail("validation.too_short", {{"min", std::to_string(*rule.minLength)}});
    if (rule.maxLength && length > *rule.maxLength)
        return fail("validation.too_long", {{"max", std::to_string(*rule.maxLength)}});
    if (rule.pattern) {
        const auto& compiled = patterns_->byStep[stepIndex];
        if (!compiled) return fail("validation.pattern");
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString input =
            icu::UnicodeString::fromUTF8(icu::StringPiece(value.data(), int32_t(value.size())));
        std::unique_ptr<icu::RegexMatcher> matcher(compiled->matcher(input, status));
        if (U_FAILURE(status) || !matcher) return fail("validation.pattern");
        matcher->setTimeLimit(50, status); // a pathological pattern must not freeze the kiosk
        bool matches = matcher->matches(status);
        if (U_FAILURE(status) || !matches) return fail("validation.pattern");
    }
    if (rule.checksum == Checksum::Luhn && !luhnValid(value)) return fail("validation.checksum");
    if (rule.checksum == Checksum::Iban && !ibanValid(value)) return fail("validation.checksum");
    return std::nullopt;
}

std::optional<std::size_t> FlowEngine::firstInvalidStep(const AnswerLookup& answers,
                                                        Date today) const {
    for (auto i : visibleSteps(answers)) {
        if (!collectsAnswer(flow_->steps[i].kind)) continue;
        auto value = answers ? answers(flow_->steps[i].id) : std::nullopt;
        if (validate(i, value.value_or(std::string_view{}), today)) return i;
    }
    return std::nullopt;
}

std::string FlowEngine::displayValue(std::size_t stepIndex, std::string_view value,
                                     std::string_view language, std::string_view fallback) const {
    if (stepIndex >= flow_->steps.size()) return std::string(value);
    const Step& step = flow_->steps[stepIndex];
    auto label = [&](std::string_view v) -> std::string {
        for (auto& option : step.options)
            if (option.value == v) return std::string(option.label.get(language, fallback));
        return std::string(v);
    };
    if (step.kind == StepKind::SingleChoice) return label(value);
    if (step.kind == StepKind::MultipleChoice) {
        std::string out;
        for (auto v : splitMultiChoice(value)) {
            if (!out.empty()) out += ", ";
            out += label(v);
        }
        return out;
    }
    return std::string(value);
}

} // namespace passerelle::flow
