#include "passerelle/sync/protocol/enrolment_code.h"

#include "passerelle/common/encoding.h"

#include <cctype>
#include <sodium.h>

namespace passerelle::sync {

namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
}

std::string newEnrolmentCode() {
    initSodium();
    std::string code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0) code += '-';
        code += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
    return code;
}

std::string normaliseEnrolmentCode(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string enrolmentCodeHash(std::string_view typed) {
    return blake2b256Hex(asBytes(normaliseEnrolmentCode(typed)));
}

} // namespace passerelle::sync
