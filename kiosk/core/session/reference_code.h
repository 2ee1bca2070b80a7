#pragma once
// Reference codes a resident writes down and quotes later: 8 symbols shown as "XXXX-XXXX" from
// Crockford's base32 alphabet (0-9 and A-Z without I, L, O, U), 7 random symbols (35 bits) and a
// check symbol. The check is a weighted sum over GF(32) with distinct non-zero weights, so ANY
// single mistyped symbol and ANY swap of two adjacent different symbols is detected.
#include <optional>
#include <string>
#include <string_view>

namespace passerelle {

inline constexpr std::string_view kReferenceAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// A fresh random code, e.g. "7K3M-Q9XH".
std::string newReferenceCode();

// Builds the full code from 7 payload symbols (used by newReferenceCode and tests).
std::optional<std::string> referenceCodeWithCheck(std::string_view payload);

// Reads what someone typed: case-insensitive, dashes/spaces ignored, O read as 0 and I/L as 1
// (Crockford). Returns the canonical "XXXX-XXXX" if the check symbol matches, nothing otherwise.
std::optional<std::string> normalizeReferenceCode(std::string_view typed);

inline bool isValidReferenceCode(std::string_view typed) {
    return normalizeReferenceCode(typed).has_value();
}

} // namespace passerelle
