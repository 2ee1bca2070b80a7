#pragma once
#include "passerelle/common/secret.h"

#include <string_view>

namespace passerelle::resident {

// Editing helpers that never leave a plain copy of what was typed in ordinary heap memory.
SecretBytes appended(std::string_view current, std::string_view text);
SecretBytes withoutLastCharacter(std::string_view current); // one UTF-8 code point
std::size_t characterCount(std::string_view utf8);

} // namespace passerelle::resident
