#pragma once
#include "core/pack/localized_text.h"

#include <map>
#include <optional>
#include <string>

namespace passerelle::flow {

// Why an answer was refused. `code` is a message key of the language catalogs:
//   validation.required, validation.too_short {min}, validation.too_long {max},
//   validation.pattern, validation.not_a_number, validation.below_min {min},
//   validation.above_max {max}, validation.date_invalid, validation.date_too_early {min},
//   validation.date_too_late {max}, validation.checksum, validation.phone, validation.email,
//   validation.choose_one, validation.consent_required
// `params` fill the {placeholders}; dates in params are "yyyy-mm-dd" (the UI formats them for
// the resident's locale), numbers are plain ("3", "2.5"). `customMessage`, when the pack author
// wrote one for this field, should be shown instead of the catalog sentence.
struct ValidationError {
    std::string code;
    std::map<std::string, std::string> params;
    std::optional<LocalizedText> customMessage;
    bool operator==(const ValidationError&) const = default;
};

} // namespace passerelle::flow
