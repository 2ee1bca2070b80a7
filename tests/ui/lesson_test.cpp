// Lessons end to end on the real screens: every demo lesson by taps (slides, quiz with right and
// wrong answers and their feedback, completion), the stats counters in the real store, Back, the
// Arabic mirror, and the learner code + PIN round trip with the real Argon2id LearnerProgress.
#include "screen_harness.h"

#include "core/resident/lesson_history.h"
#include "core/resident/private_input.h"
#include "ui/screens/lesson_parts.h"
#include "ui/widgets/image_view.h"

#include <chrono>
#include <cstdio>
#include <doctest/doctest.h>
#include <map>

using namespace passerelle;
using passerelle::test::ScreenHarness;

namespace {

std::string todayUtc() {
    const std::chrono::year_month_day day(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return text;
}

std::int64_t statCount(ScreenHarness& h, const std::string& metric, const std::string& dimension) {
    auto rows = h.runtime().store().statsForDay(todayUtc());
    REQUIRE(rows.has_value());
    for (auto& row : *rows)
        if (row.metric == metric && row.dimension == dimension) return row.count;
    return 0;
}

std::string tr(ScreenHarness& h, const char* key) {
    return h.i18n().text(key);
}

const pack::Pack& demoPack(ScreenHarness& h) {
    return *h.runtime().content().packs().front();
}

void openLearn(ScreenHarness& h) {
    h.tap("welcome.start");
    h.tap("home.learn");
    REQUIRE(h.state().screen == ScreenId::Learn);
}

// Goes through every slide of `lesson`, checking what each shows.
void readSlides(ScreenHarness& h, const lesson::Lesson& lesson, const std::string& lang) {
    const auto& pack = demoPack(h);
    for (std::size_t i = 0; i < lesson.slides.size(); ++i) {
        CAPTURE(i);
        REQUIRE(h.state().lesson.stage == LessonView::Stage::Slides);
        CHECK(h.state().lesson.slide == i);
        CHECK(h.showsText(h.i18n().format("lesson.slide_of",
                                          {{"current", static_cast<int>(i + 1)},
                                           {"total", static_cast<int>(lesson.slides.size())}})));
        CHECK(h.showsText(std::string(pack.text(lesson.slides[i].text, lang))));
        if (!lesson.slides[i].image.empty()) // headless: no texture, the alt text in its place
            CHECK(h.showsText(std::string(pack.text(lesson.slides[i].imageAlt, lang))));
        h.tap("lesson.next");
    }
}

// Answers every question: right when pickRight(question index) says so, else a wrong choice.
// Checks the label and the pack's feedback after each choice. Returns the right answers.
int answerQuiz(ScreenHarness& h, const lesson::Lesson& lesson, auto pickRight) {
    const auto& pack = demoPack(h);
    int right = 0;
    for (std::size_t q = 0; q < lesson.quiz.size(); ++q) {
        CAPTURE(q);
        const auto& question = lesson.quiz[q];
        REQUIRE(h.state().lesson.stage == LessonView::Stage::Quiz);
        CHECK(h.showsText(std::string(pack.text(question.question, "en"))));
        CHECK(h.showsText(h.i18n().format("lesson.question_of",
                                          {{"current", static_cast<int>(q + 1)},
                                           {"total", static_cast<int>(lesson.quiz.size())}})));
        const bool wantRight = pickRight(q);
        const std::size_t choice =
            wantRight ? question.answer : (question.answer + 1) % question.choices.size();
        CHECK_FALSE(h.showsText(std::string(pack.text(question.rightFeedback, "en"))));
        h.tap("lesson.choice." + std::to_string(choice));
        if (wantRight) {
            ++right;
            CHECK(h.showsText(tr(h, "lesson.right")));
            CHECK_FALSE(h.showsText(tr(h, "lesson.not_quite")));
            CHECK(h.showsText(std::string(pack.text(question.rightFeedback, "en"))));
        } else {
            CHECK(h.showsText(tr(h, "lesson.not_quite")));
            CHECK(h.showsText(tr(h, "lesson.right_answer"))); // the right one is shown too
            CHECK(h.showsText(std::string(pack.text(question.wrongFeedback, "en"))));
        }
        // The answer cannot be changed: no choice buttons, and a late choice changes nothing.
        CHECK_FALSE(h.hasTarget("lesson.choice.0"));
        h.kiosk().dispatch(intent::ChooseQuizAnswer{question.answer});
        CHECK(h.state().lesson.chosen == choice);
        CHECK(h.state().lesson.rightAnswers == right);
        h.tap("lesson.next_question");
    }
    return right;
}

void completeLesson(ScreenHarness& h, const lesson::Lesson& lesson, bool allRight) {
    h.tap("lesson.open." + lesson.id);
    REQUIRE(h.state().screen == ScreenId::Lesson);
    readSlides(h, lesson, "en");
    answerQuiz(h, lesson, [&](std::size_t) { return allRight; });
    REQUIRE(h.state().lesson.stage == LessonView::Stage::Done);
}

void typeOnPad(ScreenHarness& h, std::string_view keys, const char* prefix) {
    for (char c : keys)
        if (c != '-') h.tap(std::string(prefix) + c);
}

void finishVisit(ScreenHarness& h) {
    h.kiosk().dispatch(intent::Finish{});
    h.frame();
    REQUIRE(h.state().screen == ScreenId::Welcome);
}

} // namespace

TEST_CASE("every demo lesson is completed by taps, with right and wrong answers, and counted") {
    ScreenHarness h;
    openLearn(h);
    const auto& lessons = demoPack(h).lessons();
    REQUIRE(lessons.size() == 3);
    std::map<std::string, std::int64_t> startedBefore, completedBefore;
    for (auto& l : lessons) {
        startedBefore[l.id] = statCount(h, stat_metric::kLessonStarted, l.id);
        completedBefore[l.id] = statCount(h, stat_metric::kLessonCompleted, l.id);
    }

    for (std::size_t li = 0; li < lessons.size(); ++li) {
        const auto& lesson = lessons[li];
        CAPTURE(lesson.id);
        REQUIRE(lesson.quiz.size() >= 2);
        CHECK(h.showsText(std::string(demoPack(h).text(lesson.title, "en"))));
        CHECK(h.showsText(std::string(demoPack(h).text(lesson.summary, "en"))));
        h.tap("lesson.open." + lesson.id);
        REQUIRE(h.state().screen == ScreenId::Lesson);
        CHECK(h.showsText(std::string(demoPack(h).text(lesson.title, "en")))); // in the top bar
        readSlides(h, lesson, "en");
        // Alternate right and wrong so each lesson shows both kinds of feedback.
        const int right = answerQuiz(h, lesson, [&](std::size_t q) { return (q + li) % 2 == 0; });
        REQUIRE(h.state().lesson.stage == LessonView::Stage::Done);
        CHECK(h.showsText(tr(h, "lesson.done_title")));
        CHECK(h.showsText(h.i18n().format(
            "lesson.score", {{"right", right}, {"total", static_cast<int>(lesson.quiz.size())}})));
        CHECK(h.hasTarget("lesson.save"));
        h.tap("lesson.back_to_lessons");
        REQUIRE(h.state().screen == ScreenId::Learn);
        CHECK(h.showsText(
            h.i18n().format("lesson.done_badge",
                            {{"right", right}, {"total", static_cast<int>(lesson.quiz.size())}})));
    }
    CHECK(h.hasTarget("lesson.save")); // progress to save now shows on the list too
    for (auto& l : lessons) {
        CAPTURE(l.id);
        CHECK(statCount(h, stat_metric::kLessonStarted, l.id) == startedBefore[l.id] + 1);
        CHECK(statCount(h, stat_metric::kLessonCompleted, l.id) == completedBefore[l.id] + 1);
    }
    finishVisit(h);
}

TEST_CASE("Back goes one slide back, and from the first slide to the lesson list") {
    ScreenHarness h;
    openLearn(h);
    const auto& lesson = demoPack(h).lessons().front();
    h.tap("lesson.open." + lesson.id);
    h.tap("lesson.next");
    h.tap("lesson.next");
    CHECK(h.state().lesson.slide == 2);
    h.tap("topbar.back");
    CHECK(h.state().lesson.slide == 1);
    h.tap("lesson.previous");
    CHECK(h.state().lesson.slide == 0);
    CHECK(h.state().screen == ScreenId::Lesson);
    h.tap("topbar.back");
    CHECK(h.state().screen == ScreenId::Learn);
    CHECK_FALSE(h.state().lesson.active());
    CHECK(h.hasTarget("lesson.open." + lesson.id));
    CHECK(statCount(h, stat_metric::kLessonCompleted, lesson.id) == 0); // left, not completed
    h.tap("topbar.back");
    CHECK(h.state().screen == ScreenId::Home);
    finishVisit(h);
}

TEST_CASE("in Arabic the lesson is in Arabic and mirrored") {
    ScreenHarness h;
    h.tap("language.ar");
    h.tap("home.learn");
    const auto& pack = demoPack(h);
    const auto& lesson = pack.lessons().front();
    CHECK(h.showsText(std::string(pack.text(lesson.title, "ar"))));
    CHECK(h.showsText(tr(h, "lesson.list_title")));
    h.tap("lesson.open." + lesson.id);
    CHECK(h.showsText(std::string(pack.text(lesson.slides[0].text, "ar"))));
    // Next is at the reading end: the left in Arabic; Previous at the right.
    CHECK(h.shown().findTarget("lesson.next")->rect.centerX() < 640);
    CHECK(h.shown().findTarget("lesson.previous")->rect.centerX() > 640);
    finishVisit(h);
}

TEST_CASE("learner code + PIN: save, resume in a new visit, a wrong PIN changes nothing") {
    ScreenHarness h;
    openLearn(h);
    const auto& lessons = demoPack(h).lessons();
    completeLesson(h, lessons[0], /*allRight=*/true);

    // Save: a new code is shown; a PIN is typed on the pad (never shown).
    h.tap("lesson.save");
    REQUIRE(h.state().input);
    const std::string code(h.state().input->learnerCode.text());
    REQUIRE(code.size() == 9);
    CHECK(h.showsText(code));
    CHECK(h.state().focus == Focus::LearnerPin);
    typeOnPad(h, "12", "lesson.pad.");
    h.tap("lesson.learner.confirm"); // too short
    CHECK(h.showsText(tr(h, "lesson.learner.pin_rule")));
    CHECK(h.state().input->learnerPin.empty());
    typeOnPad(h, "2468", "lesson.pad.");
    CHECK_FALSE(h.showsText("2468"));
    h.tap("lesson.learner.confirm");
    CHECK(h.showsText(tr(h, "lesson.learner.saved")));
    CHECK(h.showsText(code)); // still shown, to be written down
    CHECK(h.state().input->learnerPin.empty());
    CHECK_FALSE(h.hasTarget("lesson.save"));

    auto lookupId = h.runtime().learners().lookupIdFor(code);
    REQUIRE(lookupId.has_value());
    auto saved = h.runtime().learners().exportBlob(*lookupId);
    REQUIRE(saved.has_value());
    finishVisit(h);
    CHECK(h.state().input->learnerCode.empty());

    // A new visit: nothing is marked done until the learner comes back with code + PIN.
    openLearn(h);
    const std::string badge =
        h.i18n().format("lesson.done_badge", {{"right", static_cast<int>(lessons[0].quiz.size())},
                                              {"total", static_cast<int>(lessons[0].quiz.size())}});
    CHECK_FALSE(h.showsText(badge));
    h.tap("lesson.resume");
    CHECK(h.state().focus == Focus::LearnerCode);
    typeOnPad(h, code, "lesson.code.");
    CHECK(h.state().focus == Focus::LearnerPin); // the code is complete: the PIN is next
    typeOnPad(h, "2469", "lesson.pad.");
    h.tap("lesson.learner.confirm");
    CHECK(h.showsText(tr(h, "lesson.learner.not_recognised")));
    CHECK(h.showsText("Code or PIN not recognised"));
    CHECK(h.state().input->learnerPin.empty());
    auto after = h.runtime().learners().exportBlob(*lookupId);
    REQUIRE(after.has_value());
    CHECK(after->blob == saved->blob); // nothing overwritten
    CHECK(after->updatedAtUnix == saved->updatedAtUnix);

    typeOnPad(h, "2468", "lesson.pad.");
    h.tap("lesson.learner.confirm");
    CHECK(h.showsText(tr(h, "lesson.learner.welcome_back")));
    CHECK(h.showsText(badge));
    CHECK(h.state().input->learnerPin.empty());
    CHECK(h.state().input->learnerCode.empty());
    CHECK(h.state().screen == ScreenId::Learn);

    // The next lesson finished is saved under the same code without asking again.
    completeLesson(h, lessons[1], /*allRight=*/false);
    CHECK(h.showsText(tr(h, "lesson.learner.saved")));
    CHECK_FALSE(h.hasTarget("lesson.save"));
    auto unlocked = h.runtime().learners().unlock(code, SecretBytes(std::string_view("2468")));
    REQUIRE(unlocked.has_value());
    auto history = resident::LessonHistory::decode(unlocked->progress);
    REQUIRE(history.has_value());
    REQUIRE(history->completed().size() == 2);
    const auto* first = history->find(demoPack(h).manifest().id, lessons[0].id);
    const auto* second = history->find(demoPack(h).manifest().id, lessons[1].id);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->rightAnswers == static_cast<int>(lessons[0].quiz.size()));
    CHECK(second->rightAnswers == 0);
    finishVisit(h);
}

TEST_CASE("Cancel closes the code panel and wipes what was typed") {
    ScreenHarness h;
    openLearn(h);
    h.tap("lesson.resume");
    typeOnPad(h, "7K3", "lesson.code.");
    CHECK(h.state().input->learnerCode.text() == "7K3");
    h.tap("lesson.learner.cancel");
    CHECK(h.state().screen == ScreenId::Learn);
    CHECK(h.state().input->learnerCode.empty());
    CHECK(h.hasTarget("lesson.resume"));
    finishVisit(h);
}

TEST_CASE("progress records: round trip, and damaged ones are refused with a message") {
    resident::LessonHistory history;
    history.record({"org.example.city", "touchscreen", 2, 3});
    history.record({"org.example.city", "scams", 1, 3});
    history.record({"org.example.city", "touchscreen", 3, 3}); // finished again: latest counts
    auto back = resident::LessonHistory::decode(history.encode());
    REQUIRE(back.has_value());
    CHECK(back->completed() == history.completed());
    CHECK(back->find("org.example.city", "touchscreen")->rightAnswers == 3);
    for (std::string bad : {"", "[]", "{\"format\":2,\"completed\":[]}",
                            "{\"format\":1,\"completed\":[{\"pack\":\"p\",\"lesson\":\"l\","
                            "\"right\":4,\"of\":3}]}"}) {
        CAPTURE(bad);
        auto r = resident::LessonHistory::decode(
            std::span(reinterpret_cast<const std::uint8_t*>(bad.data()), bad.size()));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().find("cannot be read") != std::string::npos);
    }
}

TEST_CASE("quiz feedback colours keep white text readable at AAA; images keep their aspect") {
    using namespace passerelle::ui;
    CHECK(contrastRatio(lesson_ui::onFeedbackFill(), lesson_ui::rightFill()) >= 7.0);
    CHECK(contrastRatio(lesson_ui::onFeedbackFill(), lesson_ui::wrongFill()) >= 7.0);
    const Rect fit = fitInto({0, 0, 400, 400}, 800, 400);
    CHECK(fit.width() == doctest::Approx(400));
    CHECK(fit.height() == doctest::Approx(200));
    CHECK(fit.centerY() == doctest::Approx(200));
}

TEST_CASE("with an image source the slide asks it for the pack's picture") {
    struct Recording : ui::ImageSource {
        std::vector<std::string> asked;
        ui::ImageHandle image(const pack::Pack& pack, std::string_view name) override {
            asked.push_back(pack.manifest().id + "/" + std::string(name));
            return {}; // nothing to show: the alt text stays
        }
    } source;
    ui::setImageSource(&source);
    ScreenHarness h;
    openLearn(h);
    const auto& lesson = demoPack(h).lessons().front();
    REQUIRE_FALSE(lesson.slides[0].image.empty());
    h.tap("lesson.open." + lesson.id);
    ui::setImageSource(nullptr);
    REQUIRE_FALSE(source.asked.empty());
    CHECK(source.asked.back() == demoPack(h).manifest().id + "/" + lesson.slides[0].image);
    CHECK(h.showsText(std::string(demoPack(h).text(lesson.slides[0].imageAlt, "en"))));
    finishVisit(h);
}
