#pragma once
// One-time enrolment codes that staff type on a kiosk: 12 characters from an alphabet without
// look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX-XXXX. The city stores only their hash.
#include <string>
#include <string_view>

namespace passerelle::sync {

std::string newEnrolmentCode();
// Upper-cases and drops spaces and dashes, so "abcd efgh-jkmn" matches "ABCD-EFGH-JKMN".
std::string normaliseEnrolmentCode(std::string_view typed);
// BLAKE2b-256 hex of the normalised code: what the city database keeps.
std::string enrolmentCodeHash(std::string_view typed);

} // namespace passerelle::sync
