// The e-service flow engine: which steps a resident sees, where Next and Back go, and which
// answers are refused with which message key.
#include "core/flow/flow_engine.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace passerelle;
using namespace passerelle::flow;

namespace {

LocalizedText t(const std::string& en) {
    return LocalizedText{{{"en", en}}};
}

Step step(std::string id, StepKind kind) {
    Step s;
    s.id = std::move(id);
    s.kind = kind;
    s.title = t(s.id);
    return s;
}

Condition when(std::string field, Operator op, std::vector<std::string> values = {}) {
    return Condition{Condition::Combine::All, {{std::move(field), op, std::move(values)}}};
}

// Answers as a test double of the Session's guarded store.
struct Answers {
    std::map<std::string, std::string, std::less<>> values;
    AnswerLookup lookup() const {
        return [this](std::string_view field) -> std::optional<std::string_view> {
            auto it = values.find(field);
            if (it == values.end()) return std::nullopt;
            return std::string_view(it->second);
        };
    }
};

std::vector<std::string> ids(const Flow& flow, const std::vector<std::size_t>& indices) {
    std::vector<std::string> out;
    for (auto i : indices)
        out.push_back(flow.steps[i].id);
    return out;
}

// The appointment flow of the demo, reduced to its logic.
Flow appointment() {
    Flow f;
    f.id = "appointment";
    auto service = step("service", StepKind::SingleChoice);
    service.options = {
        {"passport_id", t("Passport")}, {"residence", t("Residence")}, {"other", t("Other")}};
    service.validation.required = true;
    auto idNumber = step("id_number", StepKind::Text);
    idNumber.showIf = when("service", Operator::Equals, {"passport_id"});
    auto date = step("date", StepKind::Date);
    auto contact = step("contact", StepKind::YesNo);
    auto email = step("email", StepKind::Email);
    email.showIf = when("contact", Operator::Equals, {"yes"});
    auto review = step("review", StepKind::Review);
    auto consent = step("consent", StepKind::Consent);
    f.steps = {service, idNumber, date, contact, email, review, consent};
    return f;
}

} // namespace

TEST_CASE("a step with a condition is shown only when the earlier answer matches") {
    Flow f = appointment();
    FlowEngine engine(f);
    Answers a;
    CHECK(ids(f, engine.visibleSteps(a.lookup())) ==
          std::vector<std::string>{"service", "date", "contact", "review", "consent"});
    a.values["service"] = "passport_id";
    CHECK(ids(f, engine.visibleSteps(a.lookup())) ==
          std::vector<std::string>{"service", "id_number", "date", "contact", "review", "consent"});
    a.values["service"] = "residence";
    CHECK_FALSE(engine.isVisible(1, a.lookup()));
}

TEST_CASE("next, back and progress follow the visible steps") {
    Flow f = appointment();
    FlowEngine engine(f);
    Answers a;
    a.values["service"] = "other";
    CHECK(engine.firstStep(a.lookup()) == 0u);
    CHECK(engine.nextStep(0, a.lookup()) == 2u); // id_number is skipped
    CHECK(engine.previousStep(2, a.lookup()) == 0u);
    CHECK(engine.previousStep(0, a.lookup()) == std::nullopt);
    CHECK(engine.progress(2, a.lookup()) == Progress{2, 5});
    a.values["service"] = "passport_id";
    CHECK(engine.nextStep(0, a.lookup()) == 1u);
    CHECK(engine.progress(2, a.lookup()) == Progress{3, 6});
    CHECK(engine.nextStep(6, a.lookup()) == std::nullopt);
}

TEST_CASE("answers left on a step that became hidden do not count and are not submitted") {
    Flow f = appointment();
    FlowEngine engine(f);
    Answers a;
    a.values = {{"service", "passport_id"},
                {"id_number", "X12345678"},
                {"contact", "yes"},
                {"email", "a@b.org"}};
    CHECK(ids(f, engine.submittedSteps(a.lookup())) ==
          std::vector<std::string>{"service", "id_number", "contact", "email"});
    a.values["service"] = "other";
    a.values["contact"] = "no";
    CHECK(ids(f, engine.submittedSteps(a.lookup())) ==
          std::vector<std::string>{"service", "contact"});
}

TEST_CASE("conditions: not equals, one of, is answered, any/all, skipIf, chains") {
    Flow f;
    auto category = step("category", StepKind::SingleChoice);
    category.options = {{"hole", t("Hole")}, {"light", t("Light")}, {"waste", t("Waste")}};
    auto danger = step("danger", StepKind::YesNo);
    danger.showIf = when("category", Operator::OneOf, {"hole", "light"});
    auto urgent = step("urgent", StepKind::Information); // shown only if danger == yes: a chain
    urgent.showIf = when("danger", Operator::Equals, {"yes"});
    auto notWaste = step("not_waste", StepKind::Text);
    notWaste.showIf = when("category", Operator::NotEquals, {"waste"});
    auto answered = step("answered", StepKind::Text);
    answered.showIf = when("category", Operator::IsAnswered);
    auto unanswered = step("unanswered", StepKind::Text);
    unanswered.showIf = when("category", Operator::IsNotAnswered);
    auto any = step("any", StepKind::Text);
    any.showIf = Condition{
        Condition::Combine::Any,
        {{"category", Operator::Equals, {"waste"}}, {"danger", Operator::Equals, {"yes"}}}};
    auto skipped = step("skipped", StepKind::Text);
    skipped.skipIf = when("category", Operator::Equals, {"light"});
    f.steps = {category, danger, urgent, notWaste, answered, unanswered, any, skipped};
    FlowEngine engine(f);
    Answers a;
    CHECK(ids(f, engine.visibleSteps(a.lookup())) ==
          std::vector<std::string>{"category", "not_waste", "unanswered", "skipped"});
    a.values = {{"category", "hole"}, {"danger", "yes"}};
    CHECK(ids(f, engine.visibleSteps(a.lookup())) ==
          std::vector<std::string>{"category", "danger", "urgent", "not_waste", "answered", "any",
                                   "skipped"});
    a.values = {{"category", "waste"},
                {"danger", "yes"}}; // danger is hidden: its answer is ignored
    CHECK(ids(f, engine.visibleSteps(a.lookup())) ==
          std::vector<std::string>{"category", "answered", "any", "skipped"});
    a.values = {{"category", "light"}, {"danger", "no"}};
    CHECK(ids(f, engine.visibleSteps(a.lookup())) ==
          std::vector<std::string>{"category", "danger", "not_waste", "answered"});
}

TEST_CASE("multiple choice answers are values joined by the unit separator") {
    Flow f;
    auto needs = step("needs", StepKind::MultipleChoice);
    needs.options = {
        {"ramp", t("Ramp")}, {"sign", t("Sign language")}, {"large", t("Large print")}};
    needs.validation.required = true;
    auto detail = step("sign_detail", StepKind::Text);
    detail.showIf = when("needs", Operator::Equals, {"sign"});
    f.steps = {needs, detail};
    FlowEngine engine(f);
    Answers a;
    a.values["needs"] = joinMultiChoice({"ramp", "sign"});
    CHECK(splitMultiChoice(a.values["needs"]) == std::vector<std::string_view>{"ramp", "sign"});
    CHECK(engine.isVisible(1, a.lookup()));
    CHECK_FALSE(engine.validate(0, a.values["needs"]));
    CHECK(engine.displayValue(0, a.values["needs"], "en", "en") == "Ramp, Sign language");
    CHECK(engine.validate(0, joinMultiChoice({"ramp", "teleport"}))->code ==
          "validation.choose_one");
    CHECK(engine.validate(0, "")->code == "validation.choose_one");
    a.values["needs"] = "ramp";
    CHECK_FALSE(engine.isVisible(1, a.lookup()));
}

TEST_CASE("each validation rule refuses with its message key and parameters") {
    Flow f;
    auto name = step("name", StepKind::Text);
    name.validation.required = true;
    name.validation.minLength = 2;
    name.validation.maxLength = 5;
    auto code = step("code", StepKind::Text);
    code.validation.pattern = "[0-9]{5}";
    code.validation.message = t("A postcode has 5 digits.");
    auto card = step("card", StepKind::Text);
    card.validation.checksum = Checksum::Luhn;
    auto iban = step("iban", StepKind::Text);
    iban.validation.checksum = Checksum::Iban;
    auto copies = step("copies", StepKind::Number);
    copies.validation.min = 1;
    copies.validation.max = 5;
    auto when_ = step("when", StepKind::Date);
    when_.validation.minDate = "today+1";
    when_.validation.maxDate = "today+90";
    auto born = step("born", StepKind::Date);
    born.validation.minDate = "1900-01-01";
    born.validation.maxDate = "today";
    auto phone = step("phone", StepKind::Phone);
    phone.validation.required = true;
    auto email = step("email", StepKind::Email);
    auto choice = step("choice", StepKind::SingleChoice);
    choice.options = {{"a", t("A")}, {"b", t("B")}};
    choice.validation.required = true;
    auto yesNo = step("yes_no", StepKind::YesNo);
    yesNo.validation.required = true;
    auto consent = step("consent", StepKind::Consent);
    auto info = step("info", StepKind::Information);
    auto letters = step("letters", StepKind::Text);
    letters.validation.pattern = "\\p{L}+";
    f.steps = {name,  code,  card,   iban,  copies,  when_, born,
               phone, email, choice, yesNo, consent, info,  letters};
    FlowEngine engine(f);
    const Date today{2026, 11, 29};
    auto codeOf = [&](std::size_t i, std::string_view value) {
        auto error = engine.validate(i, value, today);
        return error ? error->code : std::string("ok");
    };
    auto paramsOf = [&](std::size_t i, std::string_view value) {
        return engine.validate(i, value, today)->params;
    };
    using P = std::map<std::string, std::string>;

    CHECK(codeOf(0, "") == "validation.required");
    CHECK(codeOf(0, "   ") == "validation.required");
    CHECK(codeOf(0, "A") == "validation.too_short");
    CHECK(paramsOf(0, "A") == P{{"min", "2"}});
    CHECK(codeOf(0, "Amélie") == "validation.too_long"); // 6 characters, 7 bytes
    CHECK(paramsOf(0, "Amélie") == P{{"max", "5"}});
    CHECK(codeOf(0, "Zoé") == "ok");

    CHECK(codeOf(1, "") == "ok"); // optional
    CHECK(codeOf(1, "6900") == "validation.pattern");
    CHECK(codeOf(1, "69001x") == "validation.pattern"); // the whole value must match
    CHECK(engine.validate(1, "abc", today)->customMessage == t("A postcode has 5 digits."));
    CHECK(codeOf(1, "69001") == "ok");

    CHECK(codeOf(2, "4539 1488 0343 6467") == "ok");
    CHECK(codeOf(2, "4539 1488 0343 6468") == "validation.checksum");
    CHECK(codeOf(3, "FR76 3000 6000 0112 3456 7890 189") == "ok");
    CHECK(codeOf(3, "FR76 3000 6000 0112 3456 7890 188") == "validation.checksum");
    CHECK(codeOf(3, "GB82WEST12345698765432") == "ok");

    CHECK(codeOf(4, "two") == "validation.not_a_number");
    CHECK(codeOf(4, "1e3") == "validation.not_a_number");
    CHECK(codeOf(4, "0") == "validation.below_min");
    CHECK(paramsOf(4, "0") == P{{"min", "1"}});
    CHECK(codeOf(4, "6") == "validation.above_max");
    CHECK(paramsOf(4, "6") == P{{"max", "5"}});
    CHECK(codeOf(4, "2,5") == "ok");

    CHECK(codeOf(5, "2026-02-30") == "validation.date_invalid");
    CHECK(codeOf(5, "30/11/2026") == "validation.date_invalid");
    CHECK(codeOf(5, "2026-11-29") == "validation.date_too_early");
    CHECK(paramsOf(5, "2026-11-29") == P{{"min", "2026-11-30"}});
    CHECK(codeOf(5, "2027-02-28") == "validation.date_too_late");
    CHECK(paramsOf(5, "2027-02-28") == P{{"max", "2027-02-27"}});
    CHECK(codeOf(5, "2027-02-27") == "ok");
    CHECK(codeOf(6, "1899-12-31") == "validation.date_too_early");
    CHECK(codeOf(6, "2024-02-29") == "ok");

    CHECK(codeOf(7, "") == "validation.required");
    CHECK(codeOf(7, "12") == "validation.phone");
    CHECK(codeOf(7, "call me") == "validation.phone");
    CHECK(codeOf(7, "+33 6 12 34 56 78") == "ok");
    CHECK(codeOf(7, "(04) 78.12.34.56") == "ok");

    CHECK(codeOf(8, "") == "ok");
    CHECK(codeOf(8, "marie@") == "validation.email");
    CHECK(codeOf(8, "marie dupont@example.org") == "validation.email");
    CHECK(codeOf(8, "marie.dupont@example.org") == "ok");

    CHECK(codeOf(9, "") == "validation.choose_one");
    CHECK(codeOf(9, "c") == "validation.choose_one");
    CHECK(codeOf(9, "b") == "ok");
    CHECK(codeOf(10, "") == "validation.choose_one");
    CHECK(codeOf(10, "maybe") == "validation.choose_one");
    CHECK(codeOf(10, "no") == "ok");
    CHECK(codeOf(11, "") == "validation.consent_required");
    CHECK(codeOf(11, "no") == "validation.consent_required");
    CHECK(codeOf(11, "yes") == "ok");
    CHECK(codeOf(12, "") == "ok");
    CHECK(codeOf(13, "Ünïcödé") == "ok"); // ICU: \p{L} matches accented letters
    CHECK(codeOf(13, "abc1") == "validation.pattern");
}

TEST_CASE("before sending, the first unacceptable shown answer is found") {
    Flow f = appointment();
    f.steps[2].validation.required = true; // date
    FlowEngine engine(f);
    Answers a;
    a.values = {{"service", "other"}, {"contact", "no"}, {"consent", "yes"}};
    CHECK(engine.firstInvalidStep(a.lookup(), Date{2026, 1, 1}) == 2u);
    a.values["date"] = "2026-03-01";
    CHECK(engine.firstInvalidStep(a.lookup(), Date{2026, 1, 1}) == std::nullopt);
}
