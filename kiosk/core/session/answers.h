#pragma once
#include "passerelle/common/secret.h"

#include <map>
#include <string>
#include <vector>

namespace passerelle {

// One field's answer as typed by the resident: held only in guarded memory.
struct Answer {
    std::vector<SecretBytes> values;
    bool multiple = false; // serialized as a JSON array even with one value
};

// Keyed by the pack's field id (non-personal).
using Answers = std::map<std::string, Answer>;

} // namespace passerelle
