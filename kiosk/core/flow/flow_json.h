#pragma once
#include "core/flow/flow.h"

#include <nlohmann/json_fwd.hpp>

#include <expected>
#include <functional>
#include <string>

namespace passerelle::flow {

// JSON forms of conditions and validation rules, the same in a pack's source files and inside a
// pack (steps.definition). Errors read "<json pointer>: <what is wrong>".
//
// Condition: {"field": "service", "equals": "passport"} | {"field": f, "not_equals": v}
//          | {"field": f, "one_of": [v, ...]} | {"field": f, "is_answered": true}
//          | {"field": f, "is_not_answered": true} | {"all": [clause, ...]} | {"any": [clause,
//          ...]}
nlohmann::json conditionToJson(const Condition& condition);
std::expected<Condition, std::string> conditionFromJson(const nlohmann::json& json,
                                                        const std::string& pointer);

// Validation: {"required": true, "minLength": 2, "maxLength": 60, "pattern": "[0-9]{5}",
// "min": 1, "max": 12, "minDate": "today", "maxDate": "today+90", "checksum": "luhn",
// "message": <text>}. `message` is read and written through the callbacks (inline translations
// in source files, a string key inside a pack).
using TextReader = std::function<std::expected<LocalizedText, std::string>(
    const nlohmann::json&, const std::string& pointer)>;
using TextWriter = std::function<nlohmann::json(const LocalizedText&)>;

nlohmann::json validationToJson(const Validation& validation, const TextWriter& text);
std::expected<Validation, std::string>
validationFromJson(const nlohmann::json& json, const std::string& pointer, const TextReader& text);

// Checks a date bound: "yyyy-mm-dd", "today", "today+N", "today-N".
bool isValidDateBound(std::string_view bound);

} // namespace passerelle::flow
