// The demo pack built by the build (assets/demo-pack -> build/assets/demo.ppack, demo key).
#include "pack_fixtures.h"
#include "temp_dir.h"

#include "core/flow/flow_engine.h"
#include "core/pack/pack_library.h"
#include "lint.h"

#include <doctest/doctest.h>

#include <map>

using namespace passerelle;
using namespace passerelle::test;

namespace {

std::shared_ptr<const pack::Pack> demoPack() {
    auto opened = pack::openPack(binaryDir() / "assets/demo.ppack", trustCity());
    REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error()));
    return *opened;
}

struct Answers {
    std::map<std::string, std::string, std::less<>> values;
    flow::AnswerLookup lookup() const {
        return [this](std::string_view field) -> std::optional<std::string_view> {
            auto it = values.find(field);
            if (it == values.end()) return std::nullopt;
            return std::string_view(it->second);
        };
    }
};

bool shows(const flow::FlowEngine& engine, const Answers& a, const std::string& stepId) {
    auto index = engine.flow().indexOf(stepId);
    REQUIRE(index.has_value());
    return engine.isVisible(*index, a.lookup());
}

} // namespace

TEST_CASE("the demo pack verifies with the demo city key and holds the promised content") {
    auto p = demoPack();
    CHECK(p->manifest().languages == std::vector<std::string>{"en", "fr", "es", "ar"});
    std::vector<std::string> lessons, flows;
    for (auto& l : p->lessons())
        lessons.push_back(l.id);
    for (auto& f : p->flows())
        flows.push_back(f.id);
    CHECK(lessons == std::vector<std::string>{"touchscreen", "passwords", "scams"});
    CHECK(flows == std::vector<std::string>{"appointment", "street-problem", "civil-status-copy"});
    for (auto& l : p->lessons()) {
        CAPTURE(l.id);
        CHECK(l.slides.size() >= 4);
        CHECK(l.slides.size() <= 6);
        CHECK(l.quiz.size() == 3);
    }
    for (auto& f : p->flows()) {
        CAPTURE(f.id);
        bool review = false, consent = false, condition = false, validation = false;
        for (auto& s : f.steps) {
            review |= s.kind == flow::StepKind::Review;
            consent |= s.kind == flow::StepKind::Consent;
            condition |= s.showIf.has_value() || s.skipIf.has_value();
            validation |= s.validation.required || s.validation.pattern || s.validation.minDate;
        }
        CHECK(review);
        CHECK(consent);
        CHECK(condition);
        CHECK(validation);
    }
    auto image = p->readMedia("tap.png");
    REQUIRE(image.has_value());
    CHECK(image->size() > 100);
}

TEST_CASE("every user-facing text of the demo pack exists in all four languages") {
    auto p = demoPack();
    std::size_t texts = 0;
    auto check = [&](const LocalizedText& text) {
        if (text.empty()) return;
        ++texts;
        for (auto lang : {"en", "fr", "es", "ar"}) {
            CAPTURE(lang);
            CAPTURE(text.get("en"));
            CHECK(text.has(lang));
        }
    };
    check(p->manifest().title);
    for (auto& l : p->lessons()) {
        check(l.title);
        check(l.summary);
        for (auto& s : l.slides)
            check(s.text), check(s.imageAlt);
        for (auto& q : l.quiz) {
            check(q.question), check(q.rightFeedback), check(q.wrongFeedback);
            for (auto& c : q.choices)
                check(c);
        }
    }
    for (auto& f : p->flows()) {
        check(f.title);
        check(f.description);
        for (auto& s : f.steps) {
            check(s.title), check(s.body);
            for (auto& o : s.options)
                check(o.label);
            if (s.validation.message) check(*s.validation.message);
        }
    }
    CHECK(texts > 150);
    // Arabic text really is Arabic script.
    CHECK(p->text(p->lessons()[0].title, "ar").find("\xD8") != std::string_view::npos);
}

TEST_CASE("demo e-services: conditions and validation behave as a resident expects") {
    auto p = demoPack();
    const flow::Date today{2026, 11, 29};

    flow::FlowEngine appointment(*p->flow("appointment"));
    Answers a;
    a.values["service"] = "residence";
    CHECK_FALSE(shows(appointment, a, "id_number"));
    a.values["service"] = "passport_id";
    CHECK(shows(appointment, a, "id_number"));
    auto date = *appointment.flow().indexOf("date");
    CHECK(appointment.validate(date, "2026-11-29", today)->code == "validation.date_too_early");
    CHECK(appointment.validate(date, "2027-06-01", today)->code == "validation.date_too_late");
    CHECK_FALSE(appointment.validate(date, "2026-12-15", today));
    auto phone = *appointment.flow().indexOf("phone");
    CHECK(appointment.validate(phone, "", today)->code == "validation.required");
    auto email = *appointment.flow().indexOf("email");
    CHECK_FALSE(appointment.validate(email, "", today)); // optional

    flow::FlowEngine street(*p->flow("street-problem"));
    Answers s;
    s.values["category"] = "graffiti";
    CHECK_FALSE(shows(street, s, "dangerous"));
    s.values["category"] = "pothole";
    CHECK(shows(street, s, "dangerous"));
    s.values["want_contact"] = "no";
    CHECK_FALSE(shows(street, s, "phone"));
    s.values["want_contact"] = "yes";
    CHECK(shows(street, s, "phone"));

    flow::FlowEngine civil(*p->flow("civil-status-copy"));
    Answers c;
    c.values = {{"certificate", "birth"}, {"for_whom", "self"}, {"delivery", "collect"}};
    CHECK_FALSE(shows(civil, c, "relationship"));
    CHECK_FALSE(shows(civil, c, "address"));
    c.values["for_whom"] = "other";
    c.values["delivery"] = "post";
    CHECK(shows(civil, c, "relationship"));
    CHECK(shows(civil, c, "address"));
    auto event = *civil.flow().indexOf("event_date");
    CHECK(civil.validate(event, "1899-05-01", today)->code == "validation.date_too_early");
    CHECK(civil.validate(event, "2027-01-01", today)->code == "validation.date_too_late");
    auto postcode = *civil.flow().indexOf("postcode");
    auto error = civil.validate(postcode, "6900", today);
    REQUIRE(error.has_value());
    CHECK(error->code == "validation.pattern");
    REQUIRE(error->customMessage.has_value());
    CHECK(p->text(*error->customMessage, "fr") ==
          "Un code postal a 5 chiffres, par exemple 69001.");
}

TEST_CASE("the demo pack source is lint-clean and installs into a library") {
    auto findings = packtool::lint(packtool::loadSource(sourceDir() / "assets/demo-pack"));
    for (auto& f : findings)
        MESSAGE(f.toString());
    CHECK(findings.empty());

    TempDir dir;
    pack::PackLibrary library(dir / "data", trustCity());
    auto installed = library.install(binaryDir() / "assets/demo.ppack");
    REQUIRE_MESSAGE(installed.has_value(), (installed ? "" : installed.error()));
    CHECK(installed->id == "org.passerelle.demo");
}
