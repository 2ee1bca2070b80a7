#include "core/flow/flow_engine.h"
#include "core/resident/content_catalog.h"
#include "core/resident/feature_handlers.h"
#include "core/session/sealer.h"
#include "core/session/session.h"
#include "core/state/navigation.h"
#include "core/state/overloaded.h"
#include "core/store/store.h"

#include <algorithm>
#include <set>

namespace passerelle::resident {

namespace {

bool textLike(flow::StepKind kind) {
    using flow::StepKind;
    return kind == StepKind::Text || kind == StepKind::Number || kind == StepKind::Phone ||
           kind == StepKind::Email;
}

// The engine reads answers through this; multiple-choice answers are kept joined by the unit
// separator while the resident edits, and split only when sealed.
flow::AnswerLookup lookupIn(const Session* session) {
    return [session](std::string_view fieldId) -> std::optional<std::string_view> {
        if (!session) return std::nullopt;
        auto values = session->answer(std::string(fieldId));
        if (values.empty()) return std::nullopt;
        return values.front().text();
    };
}

std::string_view answerOf(const KioskServices& services, const std::string& fieldId) {
    if (!services.session) return {};
    auto values = services.session->answer(fieldId);
    return values.empty() ? std::string_view{} : values.front().text();
}

void showStep(KioskState& state, std::size_t step, const KioskServices& services) {
    auto& s = state.service;
    s.step = step;
    s.error.reset();
    s.progress = s.engine->progress(step, lookupIn(services.session));
    const auto kind = s.flow->steps[step].kind;
    replaceScreen(state,
                  kind == flow::StepKind::Review ? ScreenId::ServiceReview : ScreenId::ServiceStep);
    state.focus = textLike(kind) ? Focus::Answer : Focus::None;
    state.keyboard = {};
    if (kind == flow::StepKind::Number || kind == flow::StepKind::Phone)
        state.keyboard.page = 1; // numeric pad
}

void clearFlowAnswers(const KioskServices& services, const flow::Flow& flow) {
    if (!services.session) return;
    for (auto& step : flow.steps)
        services.session->clearAnswer(step.id);
}

void leaveFlow(KioskState& state, const KioskServices& services) {
    if (state.service.flow) clearFlowAnswers(services, *state.service.flow);
    state.service = {};
}

void open(KioskState& state, const KioskServices& services, const intent::OpenService& i) {
    if (!services.content) return;
    auto entry = services.content->findService(i.packId, i.flowId);
    if (!entry.flow) return;
    endService(state, services); // one e-service at a time
    auto& s = state.service;
    s.pack = entry.pack;
    s.flow = entry.flow;
    s.engine = std::make_shared<flow::FlowEngine>(*entry.flow);
    if (services.store) (void)services.store->countServiceStarted(entry.flow->serviceId);
    auto first = s.engine->firstStep(lookupIn(services.session));
    if (!first) {
        leaveFlow(state, services);
        return;
    }
    if (state.screen == ScreenId::Services) state.history.push_back(ScreenId::Services);
    showStep(state, *first, services);
}

// Where "Next" goes from the current step once its answer is acceptable.
void advance(KioskState& state, const KioskServices& services) {
    auto& s = state.service;
    const auto lookup = lookupIn(services.session);
    if (s.returnToReview) {
        s.returnToReview = false;
        for (std::size_t i : s.engine->visibleSteps(lookup))
            if (s.flow->steps[i].kind == flow::StepKind::Review)
                return showStep(state, i, services);
    }
    if (auto next = s.engine->nextStep(s.step, lookup)) return showStep(state, *next, services);
}

void next(KioskState& state, const KioskServices& services) {
    auto& s = state.service;
    const flow::Step& step = s.flow->steps[s.step];
    if (flow::collectsAnswer(step.kind)) {
        if (auto error = s.engine->validate(s.step, answerOf(services, step.id))) {
            s.error = std::move(error);
            return;
        }
    }
    s.error.reset();
    if (!s.engine->nextStep(s.step, lookupIn(services.session))) {
        // The last step: "Next" sends.
        return;
    }
    advance(state, services);
}

void previous(KioskState& state, const KioskServices& services) {
    auto& s = state.service;
    if (s.returnToReview) {
        s.returnToReview = false;
        return advance(state, services); // back to the review unchanged
    }
    if (auto prev = s.engine->previousStep(s.step, lookupIn(services.session)))
        return showStep(state, *prev, services);
    // Before the first question: leave the service (counted as abandoned at step 1).
    endService(state, services);
    goBack(state);
}

void submit(KioskState& state, const KioskServices& services) {
    auto& s = state.service;
    const auto lookup = lookupIn(services.session);
    if (auto invalid = s.engine->firstInvalidStep(lookup)) {
        showStep(state, *invalid, services);
        s.error = s.engine->validate(*invalid, answerOf(services, s.flow->steps[*invalid].id));
        return;
    }
    if (!services.session || !services.sealer || !services.store) {
        s.submitError = "This kiosk cannot send requests: it has no city key or database. Please "
                        "ask a staff member.";
        return;
    }
    // Only what the resident can see on the review is sent: answers of steps that a later change
    // hid are dropped, and multiple choices become lists.
    const auto submitted = s.engine->submittedSteps(lookup);
    const std::set<std::size_t> keep(submitted.begin(), submitted.end());
    for (std::size_t i = 0; i < s.flow->steps.size(); ++i) {
        const auto& step = s.flow->steps[i];
        if (!keep.count(i)) {
            services.session->clearAnswer(step.id);
        } else if (step.kind == flow::StepKind::MultipleChoice) {
            SecretBytes joined(answerOf(services, step.id));
            auto parts = flow::splitMultiChoice(joined.text());
            (void)services.session->setAnswer(step.id, std::span<const std::string_view>(parts));
        }
    }
    SubmissionTarget target{services.kioskId, s.flow->serviceId, s.pack->manifest().id,
                            s.pack->manifest().version.toString()};
    auto receipt = services.session->seal(target, *services.sealer, *services.store);
    if (!receipt) {
        s.submitError = receipt.error(); // nothing was lost: the answers are still here
        return;
    }
    (void)services.store->countServiceCompleted(s.flow->serviceId);
    if (services.submissionSealed) services.submissionSealed(); // sync: send it soon
    s.submitError.clear();
    s.referenceCode = receipt->referenceCode;
    s.sequence = receipt->sequence;
    clearFlowAnswers(services, *s.flow); // sealed: the kiosk no longer needs (or can read) them
    replaceScreen(state, ScreenId::ServiceReceipt);
}

void setAnswer(KioskState& state, const KioskServices& services, std::string_view value) {
    auto& s = state.service;
    if (!services.session) return;
    const auto& step = s.flow->steps[s.step];
    (void)services.session->setAnswer(step.id, value);
    s.error.reset();
    s.progress =
        s.engine->progress(s.step, lookupIn(services.session)); // conditions may change the count
}

void toggleOption(KioskState& state, const KioskServices& services, const std::string& value) {
    auto& s = state.service;
    if (!services.session) return;
    const auto& step = s.flow->steps[s.step];
    SecretBytes current(answerOf(services, step.id));
    std::vector<std::string> chosen;
    for (auto part : flow::splitMultiChoice(current.text()))
        chosen.emplace_back(part);
    auto it = std::find(chosen.begin(), chosen.end(), value);
    if (it == chosen.end())
        chosen.push_back(value);
    else
        chosen.erase(it);
    // Keep the pack's option order so the review reads naturally.
    std::vector<std::string> ordered;
    for (auto& option : step.options)
        if (std::find(chosen.begin(), chosen.end(), option.value) != chosen.end())
            ordered.push_back(option.value);
    if (ordered.empty())
        services.session->clearAnswer(step.id);
    else
        (void)services.session->setAnswer(step.id,
                                          SecretBytes(flow::joinMultiChoice(ordered)).text());
    s.error.reset();
}

} // namespace

bool handleService(KioskState& state, const KioskServices& services, const Intent& intent) {
    if (const auto* o = std::get_if<intent::OpenService>(&intent)) {
        open(state, services, *o);
        return true;
    }
    auto& s = state.service;
    const bool inFlow = s.active() && (state.screen == ScreenId::ServiceStep ||
                                       state.screen == ScreenId::ServiceReview);
    if (!inFlow) {
        if (s.active() && state.screen == ScreenId::ServiceReceipt &&
            std::holds_alternative<intent::Back>(intent)) {
            s = {};
            openScreen(state, ScreenId::Home);
            return true;
        }
        return false;
    }
    return std::visit(Overloaded{
                          [&](const intent::NextStep&) {
                              next(state, services);
                              return true;
                          },
                          [&](const intent::PreviousStep&) {
                              previous(state, services);
                              return true;
                          },
                          [&](const intent::Back&) { // the top bar's Back: one question back
                              previous(state, services);
                              return true;
                          },
                          [&](const intent::EditStep& e) {
                              if (e.stepIndex < s.flow->steps.size() &&
                                  s.engine->isVisible(e.stepIndex, lookupIn(services.session))) {
                                  showStep(state, e.stepIndex, services);
                                  s.returnToReview = true;
                              }
                              return true;
                          },
                          [&](const intent::SetAnswer& a) {
                              setAnswer(state, services, a.value);
                              return true;
                          },
                          [&](const intent::ToggleOption& t) {
                              toggleOption(state, services, t.value);
                              return true;
                          },
                          [&](const intent::Submit&) {
                              submit(state, services);
                              return true;
                          },
                          [](const auto&) { return false; },
                      },
                      intent);
}

void endService(KioskState& state, const KioskServices& services) {
    auto& s = state.service;
    if (s.active() && s.referenceCode.empty() && services.store)
        (void)services.store->countServiceAbandoned(s.flow->serviceId,
                                                    static_cast<int>(s.progress.position));
    leaveFlow(state, services);
}

} // namespace passerelle::resident
