#include "core/pack/content_loader.h"

#include "core/flow/flow_engine.h"
#include "core/flow/flow_json.h"
#include "core/pack/content_rows.h"
#include "core/pack/limits.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace passerelle::pack::detail {

using nlohmann::json;

std::string_view manifestTitleKey() {
    return "pack/title";
}

namespace {

const std::string kMalformed = "The pack's content is malformed: ";
const std::string kBadManifest = "The pack's manifest is malformed: ";

const std::string& str(const Row& row, std::size_t i) {
    return std::get<std::string>(row[i]);
}
std::int64_t num(const Row& row, std::size_t i) {
    return std::get<std::int64_t>(row[i]);
}

bool isLanguageTag(std::string_view tag) {
    if (tag.size() < 2 || tag.size() > 16) return false;
    std::size_t i = 0;
    while (i < tag.size() && tag[i] >= 'a' && tag[i] <= 'z')
        ++i;
    if (i < 2 || i > 3) return false;
    for (; i < tag.size(); ++i)
        if (!(std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-')) return false;
    return true;
}

bool isStepId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
    return true;
}

// Refuses JSON nested deeper than a pack ever needs, before a parser recurses into it.
bool shallowJson(std::string_view text, int maxDepth = 16) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"')
            inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return false;
        } else if (c == ']' || c == '}')
            --depth;
    }
    return true;
}

class Loader {
  public:
    explicit Loader(const PackRows& rows) : rows_(rows) {}

    std::expected<PackContent, std::string> run() {
        for (auto& row : table("strings")) {
            auto& text = strings_[str(row, 0)];
            text.byLanguage[str(row, 1)] = str(row, 2);
        }
        if (auto ok = manifest(); !ok) return std::unexpected(ok.error());
        if (auto ok = media(); !ok) return std::unexpected(ok.error());
        if (auto ok = lessons(); !ok) return std::unexpected(ok.error());
        if (auto ok = flows(); !ok) return std::unexpected(ok.error());
        return std::move(content_);
    }

  private:
    const std::vector<Row>& table(std::string_view name) {
        static const std::vector<Row> none;
        auto it = rows_.tables.find(name);
        return it == rows_.tables.end() ? none : it->second;
    }

    // An empty key means "no text"; a non-empty key must exist in the strings table.
    std::expected<LocalizedText, std::string> text(const std::string& key, bool required) {
        if (key.empty()) {
            if (required) return std::unexpected(kMalformed + "a required text is missing.");
            return LocalizedText{};
        }
        auto it = strings_.find(key);
        if (it == strings_.end())
            return std::unexpected(kMalformed + "text \"" + printable(key) + "\" is missing.");
        return it->second;
    }

    std::expected<void, std::string> manifest() {
        std::map<std::string, std::string, std::less<>> values;
        for (auto& row : table("manifest"))
            values[str(row, 0)] = str(row, 1);
        auto get = [&](std::string_view key) -> std::optional<std::string> {
            auto it = values.find(key);
            if (it == values.end()) return std::nullopt;
            return it->second;
        };
        Manifest& m = content_.manifest;
        auto format = get("format_version");
        if (!format) return std::unexpected(kBadManifest + "it has no format version.");
        if (*format != std::to_string(kFormatVersion))
            return std::unexpected(
                "This pack uses format version " + printable(*format) +
                ", but this kiosk reads only version " + std::to_string(kFormatVersion) +
                ". Update the kiosk software, or ask the publisher for a version-" +
                std::to_string(kFormatVersion) + " pack.");
        m.formatVersion = kFormatVersion;
        auto id = get("id");
        if (!id || !isValidPackId(*id))
            return std::unexpected(kBadManifest +
                                   "its id is missing or not made of a-z, 0-9, '.' and '-'.");
        m.id = *id;
        auto version = get("version");
        auto parsed = version ? SemVer::parse(*version) : std::nullopt;
        if (!parsed)
            return std::unexpected(kBadManifest + "its version is missing or not like \"1.2.0\".");
        m.version = *parsed;
        auto minApp = get("min_app_version");
        auto parsedMin = minApp ? SemVer::parse(*minApp) : std::nullopt;
        if (!parsedMin)
            return std::unexpected(kBadManifest +
                                   "its minimum app version is missing or not like \"0.1.0\".");
        m.minAppVersion = *parsedMin;
        auto languages = get("languages");
        if (!languages || languages->empty())
            return std::unexpected(kBadManifest + "it lists no language.");
        std::string_view rest = *languages;
        while (true) {
            auto comma = rest.find(',');
            auto tag = rest.substr(0, comma);
            if (!isLanguageTag(tag))
                return std::unexpected(kBadManifest + "\"" + printable(tag) +
                                       "\" is not a language code.");
            if (std::find(m.languages.begin(), m.languages.end(), tag) != m.languages.end())
                return std::unexpected(kBadManifest + "language \"" + std::string(tag) +
                                       "\" is listed twice.");
            m.languages.emplace_back(tag);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        auto title = get("title");
        auto titleText = title ? text(*title, true) : std::unexpected(std::string());
        if (!titleText || titleText->empty())
            return std::unexpected(kBadManifest + "it has no title.");
        m.title = *titleText;
        if (auto description = get("description")) {
            auto d = text(*description, false);
            if (!d) return std::unexpected(d.error());
            m.description = *d;
        }
        auto created = get("created");
        if (!created || created->empty() || created->size() > 40)
            return std::unexpected(kBadManifest + "it has no creation date.");
        m.created = *created;
        m.publisherKeyId = get("publisher_key_id").value_or("");
        return {};
    }

    std::expected<void, std::string> media() {
        for (auto& row : table("media")) {
            const auto& name = str(row, 0);
            if (!isValidMediaName(name))
                return std::unexpected("The pack is refused: the media name \"" + printable(name) +
                                       "\" is not allowed (only letters a-z, digits, '.', '_' and "
                                       "'-', no folders or \"..\").");
            const auto& mime = str(row, 1);
            if (mime != "image/png" && mime != "image/jpeg")
                return std::unexpected(kMalformed + "media \"" + name +
                                       "\" has unsupported type \"" + printable(mime) + "\".");
            const auto& blob = std::get<BlobInfo>(row[3]);
            if (blob.size > kMaxMediaBytes)
                return std::unexpected("The pack holds a media file that is too large: \"" + name +
                                       "\"; the limit is " + std::to_string(kMaxMediaBytes >> 20) +
                                       " MB per item.");
            if (str(row, 2) != blob.blake2bHex)
                return std::unexpected(kMalformed + "media \"" + name +
                                       "\" does not match its digest.");
            content_.media.push_back({name, mime, blob.size, blob.blake2bHex});
        }
        return {};
    }

    std::expected<void, std::string> lessons() {
        std::vector<std::pair<std::int64_t, lesson::Lesson>> ordered;
        std::map<std::string, std::size_t> byId;
        for (auto& row : table("lessons")) {
            lesson::Lesson l;
            l.id = str(row, 0);
            if (!isStepId(l.id))
                return std::unexpected(kMalformed + "lesson id \"" + printable(l.id) +
                                       "\" is invalid.");
            auto title = text(str(row, 2), true);
            auto summary = text(str(row, 3), false);
            if (!title) return std::unexpected(title.error());
            if (!summary) return std::unexpected(summary.error());
            l.title = *title;
            l.summary = *summary;
            ordered.emplace_back(num(row, 1), std::move(l));
        }
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](auto& a, auto& b) { return a.first < b.first; });
        for (auto& [position, l] : ordered) {
            byId[l.id] = content_.lessons.size();
            content_.lessons.push_back(std::move(l));
        }
        for (auto& row : table("slides")) { // ordered by (lesson_id, position)
            auto it = byId.find(str(row, 0));
            if (it == byId.end())
                return std::unexpected(kMalformed + "a slide belongs to an unknown lesson.");
            lesson::Slide slide;
            auto t = text(str(row, 2), true);
            auto alt = text(str(row, 4), false);
            if (!t) return std::unexpected(t.error());
            if (!alt) return std::unexpected(alt.error());
            slide.text = *t;
            slide.imageAlt = *alt;
            slide.image = str(row, 3);
            if (!slide.image.empty() && !hasMedia(slide.image))
                return std::unexpected(kMalformed + "a slide shows image \"" +
                                       printable(slide.image) +
                                       "\", which the pack does not hold.");
            content_.lessons[it->second].slides.push_back(std::move(slide));
        }
        for (auto& row : table("quiz_questions")) {
            auto it = byId.find(str(row, 0));
            if (it == byId.end())
                return std::unexpected(kMalformed +
                                       "a quiz question belongs to an unknown lesson.");
            lesson::QuizQuestion q;
            auto question = text(str(row, 2), true);
            auto right = text(str(row, 5), true);
            auto wrong = text(str(row, 6), true);
            if (!question) return std::unexpected(question.error());
            if (!right) return std::unexpected(right.error());
            if (!wrong) return std::unexpected(wrong.error());
            q.question = *question;
            q.rightFeedback = *right;
            q.wrongFeedback = *wrong;
            const auto& choicesText = str(row, 3);
            json choices =
                shallowJson(choicesText) ? json::parse(choicesText, nullptr, false) : json();
            if (!choices.is_array() || choices.size() < 2 || choices.size() > 8)
                return std::unexpected(kMalformed + "a quiz question needs 2 to 8 choices.");
            for (auto& key : choices) {
                if (!key.is_string())
                    return std::unexpected(kMalformed + "a quiz choice is not a text key.");
                auto choice = text(key.get<std::string>(), true);
                if (!choice) return std::unexpected(choice.error());
                q.choices.push_back(*choice);
            }
            auto answer = num(row, 4);
            if (answer < 0 || std::size_t(answer) >= q.choices.size())
                return std::unexpected(kMalformed +
                                       "a quiz question's right answer is not one of its choices.");
            q.answer = std::size_t(answer);
            content_.lessons[it->second].quiz.push_back(std::move(q));
        }
        return {};
    }

    bool hasMedia(std::string_view name) const {
        return std::any_of(content_.media.begin(), content_.media.end(),
                           [&](const MediaInfo& m) { return m.name == name; });
    }

    std::expected<void, std::string> flows() {
        std::vector<std::pair<std::int64_t, flow::Flow>> ordered;
        for (auto& row : table("flows")) {
            flow::Flow f;
            f.id = str(row, 0);
            if (!isStepId(f.id))
                return std::unexpected(kMalformed + "e-service id \"" + printable(f.id) +
                                       "\" is invalid.");
            auto title = text(str(row, 2), true);
            auto description = text(str(row, 3), false);
            if (!title) return std::unexpected(title.error());
            if (!description) return std::unexpected(description.error());
            f.title = *title;
            f.description = *description;
            f.serviceId = str(row, 4);
            if (f.serviceId.empty())
                return std::unexpected(kMalformed + "e-service \"" + f.id +
                                       "\" names no city service.");
            ordered.emplace_back(num(row, 1), std::move(f));
        }
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](auto& a, auto& b) { return a.first < b.first; });
        std::map<std::string, std::size_t> byId;
        for (auto& [position, f] : ordered) {
            byId[f.id] = content_.flows.size();
            content_.flows.push_back(std::move(f));
        }
        for (auto& row : table("steps")) {
            auto it = byId.find(str(row, 0));
            if (it == byId.end())
                return std::unexpected(kMalformed + "a step belongs to an unknown e-service.");
            auto& f = content_.flows[it->second];
            auto step = loadStep(row);
            if (!step) return std::unexpected(step.error());
            if (f.step(step->id))
                return std::unexpected(kMalformed + "e-service \"" + f.id + "\" has two steps \"" +
                                       step->id + "\".");
            f.steps.push_back(std::move(*step));
        }
        for (auto& f : content_.flows)
            if (f.steps.empty())
                return std::unexpected(kMalformed + "e-service \"" + f.id + "\" has no steps.");
        return {};
    }

    std::expected<flow::Step, std::string> loadStep(const Row& row) {
        flow::Step step;
        step.id = str(row, 2);
        if (!isStepId(step.id))
            return std::unexpected(kMalformed + "step id \"" + printable(step.id) +
                                   "\" is invalid.");
        auto kind = flow::parseStepKind(str(row, 3));
        if (!kind)
            return std::unexpected(kMalformed + "step \"" + step.id + "\" has unknown kind \"" +
                                   printable(str(row, 3)) + "\".");
        step.kind = *kind;
        auto title = text(str(row, 4), true);
        auto body = text(str(row, 5), false);
        if (!title) return std::unexpected(title.error());
        if (!body) return std::unexpected(body.error());
        step.title = *title;
        step.body = *body;
        const auto& definitionText = str(row, 6);
        json definition =
            shallowJson(definitionText) ? json::parse(definitionText, nullptr, false) : json();
        if (!definition.is_object())
            return std::unexpected(kMalformed + "step \"" + step.id +
                                   "\" has an unreadable definition.");
        const std::string where = kMalformed + "step \"" + step.id + "\": ";
        for (auto& [key, value] : definition.items()) {
            if (key == "options") {
                if (!value.is_array()) return std::unexpected(where + "options must be a list.");
                for (auto& option : value) {
                    if (!option.is_object() || !option.contains("value") ||
                        !option["value"].is_string() || !option.contains("label") ||
                        !option["label"].is_string())
                        return std::unexpected(where + "an option is malformed.");
                    auto label = text(option["label"].get<std::string>(), true);
                    if (!label) return std::unexpected(label.error());
                    step.options.push_back({option["value"].get<std::string>(), *label});
                }
            } else if (key == "validation") {
                auto v = flow::validationFromJson(
                    value, "/validation",
                    [&](const json& j,
                        const std::string& p) -> std::expected<LocalizedText, std::string> {
                        if (!j.is_string()) return std::unexpected(p + ": not a text key");
                        return text(j.get<std::string>(), true);
                    });
                if (!v) return std::unexpected(where + v.error());
                step.validation = std::move(*v);
            } else if (key == "showIf" || key == "skipIf") {
                auto c = flow::conditionFromJson(value, "/" + key);
                if (!c) return std::unexpected(where + c.error());
                (key == "showIf" ? step.showIf : step.skipIf) = std::move(*c);
            } else {
                return std::unexpected(where + "unknown field \"" + printable(key) + "\".");
            }
        }
        if ((step.kind == flow::StepKind::SingleChoice ||
             step.kind == flow::StepKind::MultipleChoice) &&
            step.options.size() < 2)
            return std::unexpected(where + "a choice needs at least two options.");
        if (step.validation.pattern)
            if (auto error = flow::patternError(*step.validation.pattern))
                return std::unexpected(where + "pattern is " + *error + ".");
        return step;
    }

    const PackRows& rows_;
    std::map<std::string, LocalizedText, std::less<>> strings_;
    PackContent content_;
};

} // namespace

std::expected<PackContent, std::string> loadContent(const PackRows& rows) {
    return Loader(rows).run();
}

} // namespace passerelle::pack::detail
