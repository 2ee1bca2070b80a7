#include "lint.h"

#include "core/flow/flow_engine.h"

#include <stb_image.h>

#include <algorithm>
#include <map>
#include <set>

namespace passerelle::packtool {

namespace {

using flow::Operator;
using flow::StepKind;

void translations(const LoadedSource& loaded, std::vector<Diagnostic>& out) {
    const auto& languages = loaded.source.manifest.languages;
    for (auto& site : loaded.texts) {
        for (auto& language : languages)
            if (!site.text.has(language))
                out.push_back(
                    {site.file, site.pointer, "missing \"" + language + "\" translation"});
        for (auto& [language, text] : site.text.byLanguage)
            if (std::find(languages.begin(), languages.end(), language) == languages.end())
                out.push_back({site.file, site.pointer + "/" + language,
                               "language \"" + language + "\" is not listed in pack.json"});
    }
}

void lengths(const LoadedSource& loaded, std::vector<Diagnostic>& out) {
    for (auto& site : loaded.texts)
        for (auto& [language, text] : site.text.byLanguage) {
            auto length = flow::codePointCount(text);
            auto limit = widgetLimit(site.widget);
            if (length > limit)
                out.push_back({site.file, site.pointer + "/" + language,
                               "too long for a " + std::string(widgetName(site.widget)) + ": " +
                                   std::to_string(length) + " characters, at most " +
                                   std::to_string(limit)});
        }
}

// The values a step's answer can take, when they are a closed set.
std::optional<std::set<std::string>> possibleValues(const flow::Step& step) {
    switch (step.kind) {
    case StepKind::SingleChoice:
    case StepKind::MultipleChoice: {
        std::set<std::string> values;
        for (auto& o : step.options)
            values.insert(o.value);
        return values;
    }
    case StepKind::YesNo:
        return std::set<std::string>{"yes", "no"};
    case StepKind::Consent:
        return std::set<std::string>{"yes"};
    default:
        return std::nullopt;
    }
}

void conditions(const LoadedSource& loaded, std::vector<Diagnostic>& out) {
    std::map<std::pair<std::size_t, std::size_t>, const StepSite*> sites;
    for (auto& site : loaded.steps)
        sites[{site.flow, site.step}] = &site;
    for (std::size_t fi = 0; fi < loaded.source.flows.size(); ++fi) {
        const auto& f = loaded.source.flows[fi];
        std::vector<bool> reachable(f.steps.size(), true);
        for (std::size_t si = 0; si < f.steps.size(); ++si) {
            const auto& step = f.steps[si];
            auto siteIt = sites.find({fi, si});
            if (siteIt == sites.end()) continue;
            const StepSite& site = *siteIt->second;
            for (const char* key : {"showIf", "skipIf"}) {
                const auto& condition =
                    std::string_view(key) == "showIf" ? step.showIf : step.skipIf;
                if (!condition) continue;
                const bool show = std::string_view(key) == "showIf";
                const bool all = condition->combine == flow::Condition::Combine::All;
                const std::string base =
                    site.pointer + "/" + key +
                    (condition->clauses.size() > 1 || !all ? std::string(all ? "/all/" : "/any/")
                                                           : std::string());
                std::size_t impossible = 0;
                std::string why;
                for (std::size_t c = 0; c < condition->clauses.size(); ++c) {
                    const auto& clause = condition->clauses[c];
                    const std::string pointer =
                        base.back() == '/' ? base + std::to_string(c) + "/field" : base + "/field";
                    auto target = f.indexOf(clause.field);
                    if (!target) {
                        out.push_back({site.file, pointer,
                                       "condition on unknown field \"" + clause.field +
                                           "\" (no step has this id)"});
                        ++impossible;
                        why = "\"" + clause.field + "\" is not a step";
                        continue;
                    }
                    const bool needsAnswer = clause.op == Operator::Equals ||
                                             clause.op == Operator::OneOf ||
                                             clause.op == Operator::IsAnswered;
                    if (*target >= si) {
                        if (needsAnswer) {
                            ++impossible;
                            why =
                                "\"" + clause.field + "\" is asked later, so it has no answer yet";
                        }
                        continue;
                    }
                    if (!reachable[*target] && needsAnswer) {
                        ++impossible;
                        why = "\"" + clause.field + "\" is never shown";
                        continue;
                    }
                    if (clause.op == Operator::Equals || clause.op == Operator::OneOf) {
                        if (auto values = possibleValues(f.steps[*target])) {
                            bool any = std::any_of(clause.values.begin(), clause.values.end(),
                                                   [&](auto& v) { return values->count(v) > 0; });
                            if (!any) {
                                ++impossible;
                                why = "\"" + clause.field + "\" has no option \"" +
                                      clause.values.front() + "\"";
                            }
                        }
                    }
                }
                const bool neverHolds =
                    all ? impossible > 0 : impossible == condition->clauses.size();
                if (show && neverHolds) {
                    reachable[si] = false;
                    out.push_back({site.file, site.pointer + "/showIf",
                                   "step \"" + step.id + "\" can never be shown: " + why});
                }
            }
        }
    }
}

void images(const LoadedSource& loaded, std::vector<Diagnostic>& out) {
    std::set<std::string> used;
    for (auto& [where, name] : loaded.imageRefs)
        used.insert(name);
    for (auto& site : loaded.media) {
        const auto& item = loaded.source.media[site.media];
        int width = 0, height = 0, channels = 0;
        if (!stbi_info_from_memory(item.bytes.data(), int(item.bytes.size()), &width, &height,
                                   &channels)) {
            out.push_back({site.file, "", "not a readable PNG or JPEG image"});
            continue;
        }
        if (width > kScreenWidth || height > kScreenHeight)
            out.push_back({site.file, "",
                           "image is " + std::to_string(width) + "x" + std::to_string(height) +
                               " px, larger than the " + std::to_string(kScreenWidth) + "x" +
                               std::to_string(kScreenHeight) + " screen; resize it"});
        if (!used.count(item.name)) out.push_back({site.file, "", "not used by any slide"});
    }
}

} // namespace

std::vector<Diagnostic> lint(const LoadedSource& loaded) {
    std::vector<Diagnostic> out = loaded.errors;
    translations(loaded, out);
    lengths(loaded, out);
    conditions(loaded, out);
    images(loaded, out);
    return out;
}

} // namespace passerelle::packtool
