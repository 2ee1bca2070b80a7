#include "source_loader.h"

#include "core/flow/flow_engine.h"
#include "core/flow/flow_json.h"
#include "core/pack/limits.h"

#include "passerelle/common/files.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>

namespace passerelle::packtool {

using nlohmann::json;

std::string Diagnostic::toString() const {
    return pointer.empty() ? file + ": " + message : file + ":" + pointer + ": " + message;
}

std::size_t widgetLimit(Widget widget) {
    switch (widget) {
    case Widget::TileTitle:
        return 48;
    case Widget::Summary:
        return 200;
    case Widget::SlideText:
        return 600;
    case Widget::ImageAlt:
        return 200;
    case Widget::Question:
        return 160;
    case Widget::Body:
        return 900;
    case Widget::Button:
        return 32;
    case Widget::Choice:
        return 90;
    case Widget::Feedback:
        return 300;
    case Widget::Message:
        return 160;
    }
    return 160;
}

std::string_view widgetName(Widget widget) {
    switch (widget) {
    case Widget::TileTitle:
        return "tile title";
    case Widget::Summary:
        return "summary";
    case Widget::SlideText:
        return "slide text";
    case Widget::ImageAlt:
        return "image description";
    case Widget::Question:
        return "question";
    case Widget::Body:
        return "body text";
    case Widget::Button:
        return "button label";
    case Widget::Choice:
        return "quiz answer";
    case Widget::Feedback:
        return "feedback";
    case Widget::Message:
        return "error message";
    }
    return "text";
}

namespace {

std::string escapePointer(std::string_view token) {
    std::string out;
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

class SourceReader {
  public:
    explicit SourceReader(std::filesystem::path folder) : folder_(std::move(folder)) {}

    LoadedSource run() {
        readManifest();
        readFolder("lessons",
                   [this](const std::string& file, const json& j) { readLesson(file, j); });
        readFolder("services",
                   [this](const std::string& file, const json& j) { readService(file, j); });
        readMedia();
        sortByOrder();
        checkReferences();
        return std::move(out_);
    }

  private:
    void error(const std::string& file, const std::string& pointer, const std::string& message) {
        out_.errors.push_back({file, pointer, message});
    }

    std::optional<json> parseFile(const std::string& relative) {
        auto text = readFile(folder_ / relative, 4u << 20);
        if (!text) {
            error(relative, "", text.error());
            return std::nullopt;
        }
        try {
            return json::parse(*text);
        } catch (const json::parse_error& e) {
            error(relative, "", std::string("not valid JSON: ") + e.what());
            return std::nullopt;
        }
    }

    // A text: {"en": "...", "fr": "..."}; registered for lint with its widget kind.
    std::optional<LocalizedText> text(const std::string& file, const json& parent,
                                      const std::string& key, const std::string& pointer,
                                      Widget widget, bool required) {
        const std::string where = pointer + "/" + escapePointer(key);
        auto it = parent.find(key);
        if (it == parent.end()) {
            if (required) error(file, where, "missing (a text with a translation per language)");
            return required ? std::nullopt : std::optional<LocalizedText>(LocalizedText{});
        }
        return textValue(file, *it, where, widget);
    }

    std::optional<LocalizedText> textValue(const std::string& file, const json& value,
                                           const std::string& where, Widget widget) {
        if (!value.is_object() || value.empty()) {
            error(file, where,
                  "must be an object of translations, e.g. {\"en\": \"...\", \"fr\": \"...\"}");
            return std::nullopt;
        }
        LocalizedText result;
        for (auto& [language, translation] : value.items()) {
            if (!translation.is_string()) {
                error(file, where + "/" + escapePointer(language), "a translation must be text");
                return std::nullopt;
            }
            result.byLanguage[language] = translation.get<std::string>();
        }
        out_.texts.push_back({file, where, widget, result});
        return result;
    }

    std::string string(const std::string& file, const json& j, const std::string& key,
                       const std::string& pointer, bool required = true) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_string()) {
            if (required || it != j.end()) error(file, pointer + "/" + key, "missing or not text");
            return "";
        }
        return it->get<std::string>();
    }

    void readManifest() {
        const std::string file = "pack.json";
        auto j = parseFile(file);
        if (!j) return;
        if (!j->is_object()) return error(file, "", "must be a JSON object");
        auto& m = out_.source.manifest;
        m.formatVersion = pack::kFormatVersion;
        m.id = string(file, *j, "id", "");
        if (!m.id.empty() && !pack::isValidPackId(m.id))
            error(file, "/id", "use only a-z, 0-9, '.' and '-' (e.g. \"org.example.city\")");
        auto version = pack::SemVer::parse(string(file, *j, "version", ""));
        if (!version)
            error(file, "/version", "must look like \"1.2.0\"");
        else
            m.version = *version;
        auto minApp = pack::SemVer::parse(string(file, *j, "minAppVersion", ""));
        if (!minApp)
            error(file, "/minAppVersion", "must look like \"0.1.0\"");
        else
            m.minAppVersion = *minApp;
        auto languages = j->find("languages");
        if (languages == j->end() || !languages->is_array() || languages->empty())
            error(file, "/languages",
                  "must list the pack's languages, first = fallback (e.g. [\"en\", \"fr\"])");
        else
            for (auto& l : *languages)
                if (l.is_string()) m.languages.push_back(l.get<std::string>());
        if (auto title = text(file, *j, "title", "", Widget::TileTitle, true)) m.title = *title;
        if (auto description = text(file, *j, "description", "", Widget::Summary, false))
            m.description = *description;
        m.created = string(file, *j, "created", "", false);
        if (m.created.empty()) {
            std::time_t now = std::time(nullptr);
            std::tm utc{};
            gmtime_r(&now, &utc);
            char buffer[32];
            std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
            m.created = buffer;
        }
    }

    template <typename Reader> void readFolder(const std::string& name, Reader reader) {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder_ / name, ec)) return;
        std::vector<std::string> files;
        for (auto& entry : std::filesystem::directory_iterator(folder_ / name, ec))
            if (entry.path().extension() == ".json")
                files.push_back(name + "/" + entry.path().filename().string());
        std::sort(files.begin(), files.end());
        for (auto& file : files)
            if (auto j = parseFile(file)) {
                if (!j->is_object())
                    error(file, "", "must be a JSON object");
                else
                    reader(file, *j);
            }
    }

    long order(const json& j) {
        return j.contains("order") && j["order"].is_number_integer() ? j["order"].get<long>()
                                                                     : 1000;
    }

    void readLesson(const std::string& file, const json& j) {
        lesson::Lesson l;
        l.id = string(file, j, "id", "");
        if (auto t = text(file, j, "title", "", Widget::TileTitle, true)) l.title = *t;
        if (auto t = text(file, j, "summary", "", Widget::Summary, false)) l.summary = *t;
        auto slides = j.find("slides");
        if (slides == j.end() || !slides->is_array() || slides->empty())
            error(file, "/slides", "a lesson needs at least one slide");
        else
            for (std::size_t i = 0; i < slides->size(); ++i) {
                const auto& s = (*slides)[i];
                const std::string p = "/slides/" + std::to_string(i);
                if (!s.is_object()) {
                    error(file, p, "a slide must be an object");
                    continue;
                }
                lesson::Slide slide;
                if (auto t = text(file, s, "text", p, Widget::SlideText, true)) slide.text = *t;
                slide.image = string(file, s, "image", p, false);
                if (!slide.image.empty()) {
                    out_.imageRefs.push_back({file + ":" + p + "/image", slide.image});
                    if (auto t = text(file, s, "imageAlt", p, Widget::ImageAlt, true))
                        slide.imageAlt = *t;
                }
                l.slides.push_back(std::move(slide));
            }
        if (auto quiz = j.find("quiz"); quiz != j.end()) {
            if (!quiz->is_array())
                error(file, "/quiz", "must be a list of questions");
            else
                for (std::size_t i = 0; i < quiz->size(); ++i) {
                    const auto& q = (*quiz)[i];
                    const std::string p = "/quiz/" + std::to_string(i);
                    if (!q.is_object()) {
                        error(file, p, "a question must be an object");
                        continue;
                    }
                    lesson::QuizQuestion question;
                    if (auto t = text(file, q, "question", p, Widget::Question, true))
                        question.question = *t;
                    if (auto t = text(file, q, "right", p, Widget::Feedback, true))
                        question.rightFeedback = *t;
                    if (auto t = text(file, q, "wrong", p, Widget::Feedback, true))
                        question.wrongFeedback = *t;
                    auto choices = q.find("choices");
                    if (choices == q.end() || !choices->is_array() || choices->size() < 2 ||
                        choices->size() > 8)
                        error(file, p + "/choices", "a question needs 2 to 8 choices");
                    else
                        for (std::size_t c = 0; c < choices->size(); ++c)
                            if (auto t =
                                    textValue(file, (*choices)[c],
                                              p + "/choices/" + std::to_string(c), Widget::Choice))
                                question.choices.push_back(*t);
                    auto answer = q.find("answer");
                    if (answer == q.end() || !answer->is_number_unsigned() ||
                        answer->get<std::size_t>() >= question.choices.size())
                        error(file, p + "/answer",
                              "must be the index (from 0) of the right choice");
                    else
                        question.answer = answer->get<std::size_t>();
                    l.quiz.push_back(std::move(question));
                }
        }
        lessonOrder_.push_back(order(j));
        out_.source.lessons.push_back(std::move(l));
    }

    void readService(const std::string& file, const json& j) {
        flow::Flow f;
        f.id = string(file, j, "id", "");
        f.serviceId = string(file, j, "service", "");
        if (auto t = text(file, j, "title", "", Widget::TileTitle, true)) f.title = *t;
        if (auto t = text(file, j, "description", "", Widget::Summary, false)) f.description = *t;
        const std::size_t flowIndex = out_.source.flows.size();
        auto steps = j.find("steps");
        if (steps == j.end() || !steps->is_array() || steps->empty())
            error(file, "/steps", "an e-service needs at least one step");
        else
            for (std::size_t i = 0; i < steps->size(); ++i) {
                const auto& s = (*steps)[i];
                const std::string p = "/steps/" + std::to_string(i);
                if (!s.is_object()) {
                    error(file, p, "a step must be an object");
                    continue;
                }
                flow::Step step;
                step.id = string(file, s, "id", p);
                if (f.step(step.id))
                    error(file, p + "/id", "another step already has the id \"" + step.id + "\"");
                auto kind = flow::parseStepKind(string(file, s, "kind", p));
                if (!kind)
                    error(file, p + "/kind",
                          "unknown kind (information, text, number, date, single_choice, "
                          "multiple_choice, "
                          "phone, email, yes_no, consent, review)");
                else
                    step.kind = *kind;
                if (auto t = text(file, s, "title", p, Widget::Question, true)) step.title = *t;
                if (auto t = text(file, s, "body", p, Widget::Body, false)) step.body = *t;
                if (auto options = s.find("options"); options != s.end()) {
                    if (!options->is_array())
                        error(file, p + "/options", "must be a list");
                    else
                        for (std::size_t o = 0; o < options->size(); ++o) {
                            const auto& option = (*options)[o];
                            const std::string op = p + "/options/" + std::to_string(o);
                            if (!option.is_object()) {
                                error(file, op, "an option must be an object with value and label");
                                continue;
                            }
                            flow::Option opt;
                            opt.value = string(file, option, "value", op);
                            if (auto t = text(file, option, "label", op, Widget::Button, true))
                                opt.label = *t;
                            step.options.push_back(std::move(opt));
                        }
                }
                if ((step.kind == flow::StepKind::SingleChoice ||
                     step.kind == flow::StepKind::MultipleChoice) &&
                    step.options.size() < 2)
                    error(file, p + "/options", "a choice needs at least two options");
                if (auto v = s.find("validation"); v != s.end()) {
                    auto validation = flow::validationFromJson(
                        *v, p + "/validation",
                        [&](const json& m,
                            const std::string& where) -> std::expected<LocalizedText, std::string> {
                            auto t = textValue(file, m, where, Widget::Message);
                            if (!t) return std::unexpected(where + ": must be translations");
                            return *t;
                        });
                    if (!validation) {
                        auto colon = validation.error().find(": ");
                        error(file, validation.error().substr(0, colon),
                              validation.error().substr(colon + 2));
                    } else {
                        step.validation = *validation;
                        if (step.validation.pattern)
                            if (auto bad = flow::patternError(*step.validation.pattern))
                                error(file, p + "/validation/pattern", *bad);
                    }
                }
                for (const char* key : {"showIf", "skipIf"})
                    if (auto c = s.find(key); c != s.end()) {
                        auto condition = flow::conditionFromJson(*c, p + "/" + key);
                        if (!condition) {
                            auto colon = condition.error().find(": ");
                            error(file, condition.error().substr(0, colon),
                                  condition.error().substr(colon + 2));
                        } else
                            (std::string_view(key) == "showIf" ? step.showIf : step.skipIf) =
                                *condition;
                    }
                out_.steps.push_back({file, p, flowIndex, f.steps.size()});
                f.steps.push_back(std::move(step));
            }
        flowOrder_.push_back(order(j));
        out_.source.flows.push_back(std::move(f));
    }

    void readMedia() {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder_ / "media", ec)) return;
        std::vector<std::filesystem::path> files;
        for (auto& entry : std::filesystem::directory_iterator(folder_ / "media", ec))
            if (entry.is_regular_file()) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (auto& path : files) {
            const std::string name = path.filename().string();
            const std::string file = "media/" + name;
            if (!pack::isValidMediaName(name)) {
                error(file, "",
                      "media names use only a-z, 0-9, '.', '_' and '-' (rename the file)");
                continue;
            }
            std::string mime;
            if (path.extension() == ".png")
                mime = "image/png";
            else if (path.extension() == ".jpg" || path.extension() == ".jpeg")
                mime = "image/jpeg";
            else {
                error(file, "", "only PNG and JPEG images are supported");
                continue;
            }
            auto size = std::filesystem::file_size(path, ec);
            if (size > pack::kMaxMediaBytes) {
                error(file, "",
                      "is " + std::to_string(size >> 20) + " MB; the limit is " +
                          std::to_string(pack::kMaxMediaBytes >> 20) + " MB per media file");
                continue;
            }
            auto bytes = readFile(path, pack::kMaxMediaBytes);
            if (!bytes) {
                error(file, "", bytes.error());
                continue;
            }
            out_.media.push_back({file, out_.source.media.size()});
            out_.source.media.push_back({name, mime, Bytes(bytes->begin(), bytes->end())});
        }
    }

    void sortByOrder() {
        auto sortBy = [](auto& items, std::vector<long>& orders) {
            std::vector<std::size_t> idx(items.size());
            for (std::size_t i = 0; i < idx.size(); ++i)
                idx[i] = i;
            std::stable_sort(idx.begin(), idx.end(),
                             [&](auto a, auto b) { return orders[a] < orders[b]; });
            std::remove_reference_t<decltype(items)> sorted;
            for (auto i : idx)
                sorted.push_back(std::move(items[i]));
            items = std::move(sorted);
            return idx;
        };
        sortBy(out_.source.lessons, lessonOrder_);
        auto flowIdx = sortBy(out_.source.flows, flowOrder_);
        std::vector<std::size_t> newIndex(flowIdx.size());
        for (std::size_t n = 0; n < flowIdx.size(); ++n)
            newIndex[flowIdx[n]] = n;
        for (auto& site : out_.steps)
            site.flow = newIndex[site.flow];
    }

    void checkReferences() {
        auto& m = out_.source.manifest;
        std::vector<std::string> ids;
        for (auto& l : out_.source.lessons)
            ids.push_back("lesson " + l.id);
        for (auto& f : out_.source.flows)
            ids.push_back("service " + f.id);
        std::sort(ids.begin(), ids.end());
        if (auto dup = std::adjacent_find(ids.begin(), ids.end()); dup != ids.end())
            error("pack.json", "", "two files define " + *dup);
        for (auto& [where, name] : out_.imageRefs) {
            bool found = std::any_of(out_.source.media.begin(), out_.source.media.end(),
                                     [&](auto& item) { return item.name == name; });
            if (!found) {
                auto colon = where.find(':');
                error(where.substr(0, colon), where.substr(colon + 1),
                      "image \"" + name + "\" is not in the media folder");
            }
        }
        (void)m;
    }

    std::filesystem::path folder_;
    LoadedSource out_;
    std::vector<long> lessonOrder_;
    std::vector<long> flowOrder_;
};

} // namespace

LoadedSource loadSource(const std::filesystem::path& folder) {
    return SourceReader(folder).run();
}

} // namespace passerelle::packtool
