#pragma once
#include "core/flow/dates.h"
#include "core/flow/flow.h"
#include "core/flow/validation_error.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace passerelle::flow {

// Read-only access to the resident's answers, which live in guarded memory in the Session:
// returns the answer for a field (step id), or nullopt when there is none. The engine never
// keeps a copy of an answer.
using AnswerLookup = std::function<std::optional<std::string_view>(std::string_view fieldId)>;

struct Progress {
    std::size_t position = 0; // 1-based position of the current step among the visible ones
    std::size_t total = 0;    // number of visible steps with the current answers
    bool operator==(const Progress&) const = default;
};

// Walks an e-service flow: which steps are shown for the current answers, where "next" and
// "back" go, how far along the resident is, and whether an answer is acceptable.
//
// Visibility: a step is shown when its showIf holds (or it has none) and its skipIf does not.
// Conditions only see answers of EARLIER steps that are themselves shown: an answer left behind
// on a step that a later change hid counts as "not answered" (and is not submitted, see
// submittedSteps).
class FlowEngine {
  public:
    explicit FlowEngine(const Flow& flow); // keeps a reference: the Flow must outlive the engine
    ~FlowEngine();
    FlowEngine(FlowEngine&&) noexcept;
    FlowEngine& operator=(FlowEngine&&) noexcept;

    const Flow& flow() const { return *flow_; }

    // Indices into flow().steps of the steps shown, in order.
    std::vector<std::size_t> visibleSteps(const AnswerLookup& answers) const;
    bool isVisible(std::size_t stepIndex, const AnswerLookup& answers) const;

    std::optional<std::size_t> firstStep(const AnswerLookup& answers) const;
    // The next shown step after `current`, nullopt at the end of the flow.
    std::optional<std::size_t> nextStep(std::size_t current, const AnswerLookup& answers) const;
    // The shown step before `current`, nullopt on the first step.
    std::optional<std::size_t> previousStep(std::size_t current, const AnswerLookup& answers) const;
    Progress progress(std::size_t current, const AnswerLookup& answers) const;

    // Shown steps that collect an answer and have one: what the review step lists and what is
    // sealed and sent to the city. Answers of hidden steps are left out.
    std::vector<std::size_t> submittedSteps(const AnswerLookup& answers) const;

    // Checks `value` for the step; nullopt when it is acceptable.
    std::optional<ValidationError> validate(std::size_t stepIndex, std::string_view value,
                                            Date today = localToday()) const;
    // First shown step whose current answer is not acceptable (to re-check before sending).
    std::optional<std::size_t> firstInvalidStep(const AnswerLookup& answers,
                                                Date today = localToday()) const;

    // How an answer reads on the review screen: option labels for choices, the value otherwise.
    std::string displayValue(std::size_t stepIndex, std::string_view value,
                             std::string_view language, std::string_view fallbackLanguage) const;

  private:
    std::vector<bool> computeVisibility(const AnswerLookup& answers) const;
    const Flow* flow_;
    struct Patterns;
    std::unique_ptr<Patterns> patterns_;
};

// Checksums and formats, exposed for tests and for the pack linter.
bool luhnValid(std::string_view digits);
bool ibanValid(std::string_view iban);
bool phoneValid(std::string_view phone);
bool emailValid(std::string_view email);
// Number of Unicode code points in UTF-8 text.
std::size_t codePointCount(std::string_view text);

} // namespace passerelle::flow

namespace passerelle::flow {
// nullopt when `pattern` is a valid ICU regular expression, else what is wrong with it.
std::optional<std::string> patternError(std::string_view pattern);
} // namespace passerelle::flow
