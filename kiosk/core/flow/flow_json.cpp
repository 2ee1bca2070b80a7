#include "core/flow/flow_json.h"

#include "core/flow/dates.h"

#include <nlohmann/json.hpp>

namespace passerelle::flow {

using nlohmann::json;

namespace {

json clauseToJson(const Clause& clause) {
    json out = {{"field", clause.field}};
    switch (clause.op) {
    case Operator::Equals:
        out["equals"] = clause.values.empty() ? "" : clause.values[0];
        break;
    case Operator::NotEquals:
        out["not_equals"] = clause.values.empty() ? "" : clause.values[0];
        break;
    case Operator::OneOf:
        out["one_of"] = clause.values;
        break;
    case Operator::IsAnswered:
        out["is_answered"] = true;
        break;
    case Operator::IsNotAnswered:
        out["is_not_answered"] = true;
        break;
    }
    return out;
}

std::expected<Clause, std::string> clauseFromJson(const json& j, const std::string& pointer) {
    if (!j.is_object()) return std::unexpected(pointer + ": a condition must be an object");
    auto field = j.find("field");
    if (field == j.end() || !field->is_string() || field->get<std::string>().empty())
        return std::unexpected(pointer +
                               ": a condition needs \"field\" (the id of an earlier step)");
    Clause clause{field->get<std::string>(), Operator::Equals, {}};
    int operators = 0;
    for (auto& [key, value] : j.items()) {
        if (key == "field") continue;
        ++operators;
        if (key == "equals" || key == "not_equals") {
            if (!value.is_string())
                return std::unexpected(pointer + "/" + key + ": must be a text value");
            clause.op = key == "equals" ? Operator::Equals : Operator::NotEquals;
            clause.values = {value.get<std::string>()};
        } else if (key == "one_of") {
            if (!value.is_array() || value.empty())
                return std::unexpected(pointer + "/one_of: must be a non-empty list of values");
            clause.op = Operator::OneOf;
            for (auto& v : value) {
                if (!v.is_string())
                    return std::unexpected(pointer + "/one_of: every value must be text");
                clause.values.push_back(v.get<std::string>());
            }
        } else if (key == "is_answered" || key == "is_not_answered") {
            if (value != true) return std::unexpected(pointer + "/" + key + ": must be true");
            clause.op = key == "is_answered" ? Operator::IsAnswered : Operator::IsNotAnswered;
        } else {
            return std::unexpected(pointer + "/" + key +
                                   ": unknown condition (use equals, not_equals, one_of, "
                                   "is_answered or is_not_answered)");
        }
    }
    if (operators != 1)
        return std::unexpected(pointer + ": a condition needs exactly one test besides \"field\"");
    return clause;
}

std::optional<std::size_t> sizeField(const json& j, const char* name) {
    auto it = j.find(name);
    if (it == j.end() || !it->is_number_unsigned()) return std::nullopt;
    return it->get<std::size_t>();
}

} // namespace

json conditionToJson(const Condition& condition) {
    json clauses = json::array();
    for (auto& clause : condition.clauses)
        clauses.push_back(clauseToJson(clause));
    return {{condition.combine == Condition::Combine::All ? "all" : "any", clauses}};
}

std::expected<Condition, std::string> conditionFromJson(const json& j, const std::string& pointer) {
    if (!j.is_object()) return std::unexpected(pointer + ": a condition must be an object");
    for (const char* combine : {"all", "any"}) {
        auto it = j.find(combine);
        if (it == j.end()) continue;
        if (j.size() != 1)
            return std::unexpected(pointer + ": \"" + combine + "\" must be the only key");
        if (!it->is_array() || it->empty())
            return std::unexpected(pointer + "/" + combine + ": must be a non-empty list");
        Condition condition;
        condition.combine = combine[1] == 'l' ? Condition::Combine::All : Condition::Combine::Any;
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto clause =
                clauseFromJson((*it)[i], pointer + "/" + combine + "/" + std::to_string(i));
            if (!clause) return std::unexpected(clause.error());
            condition.clauses.push_back(std::move(*clause));
        }
        return condition;
    }
    auto clause = clauseFromJson(j, pointer);
    if (!clause) return std::unexpected(clause.error());
    return Condition{Condition::Combine::All, {std::move(*clause)}};
}

json validationToJson(const Validation& v, const TextWriter& text) {
    json out = json::object();
    if (v.required) out["required"] = true;
    if (v.minLength) out["minLength"] = *v.minLength;
    if (v.maxLength) out["maxLength"] = *v.maxLength;
    if (v.pattern) out["pattern"] = *v.pattern;
    if (v.min) out["min"] = *v.min;
    if (v.max) out["max"] = *v.max;
    if (v.minDate) out["minDate"] = *v.minDate;
    if (v.maxDate) out["maxDate"] = *v.maxDate;
    if (v.checksum != Checksum::None) out["checksum"] = std::string(checksumName(v.checksum));
    if (v.message) out["message"] = text(*v.message);
    return out;
}

bool isValidDateBound(std::string_view bound) {
    return resolveDateBound(bound, Date{2000, 1, 1}).has_value();
}

std::expected<Validation, std::string> validationFromJson(const json& j, const std::string& pointer,
                                                          const TextReader& text) {
    if (!j.is_object()) return std::unexpected(pointer + ": validation must be an object");
    Validation v;
    for (auto& [key, value] : j.items()) {
        const std::string where = pointer + "/" + key;
        if (key == "required") {
            if (!value.is_boolean()) return std::unexpected(where + ": must be true or false");
            v.required = value.get<bool>();
        } else if (key == "minLength" || key == "maxLength") {
            auto n = sizeField(j, key.c_str());
            if (!n) return std::unexpected(where + ": must be a whole number >= 0");
            (key == "minLength" ? v.minLength : v.maxLength) = *n;
        } else if (key == "pattern") {
            if (!value.is_string() || value.get<std::string>().empty())
                return std::unexpected(where + ": must be a regular expression");
            v.pattern = value.get<std::string>();
        } else if (key == "min" || key == "max") {
            if (!value.is_number()) return std::unexpected(where + ": must be a number");
            (key == "min" ? v.min : v.max) = value.get<double>();
        } else if (key == "minDate" || key == "maxDate") {
            if (!value.is_string() || !isValidDateBound(value.get<std::string>()))
                return std::unexpected(
                    where + ": must be \"yyyy-mm-dd\", \"today\", \"today+N\" or \"today-N\"");
            (key == "minDate" ? v.minDate : v.maxDate) = value.get<std::string>();
        } else if (key == "checksum") {
            auto checksum =
                value.is_string() ? parseChecksum(value.get<std::string>()) : std::nullopt;
            if (!checksum) return std::unexpected(where + ": must be \"luhn\" or \"iban\"");
            v.checksum = *checksum;
        } else if (key == "message") {
            auto message = text(value, where);
            if (!message) return std::unexpected(message.error());
            v.message = std::move(*message);
        } else {
            return std::unexpected(where + ": unknown validation rule");
        }
    }
    if (v.minLength && v.maxLength && *v.minLength > *v.maxLength)
        return std::unexpected(pointer + ": minLength is larger than maxLength");
    if (v.min && v.max && *v.min > *v.max)
        return std::unexpected(pointer + ": min is larger than max");
    return v;
}

} // namespace passerelle::flow
