#include "core/session/reference_code.h"

#include "passerelle/common/encoding.h"

#include <array>
#include <sodium.h>

namespace passerelle {

namespace {

constexpr std::size_t kPayload = 7;

// GF(2^5) with the primitive polynomial x^5 + x^2 + 1.
std::uint8_t gfMultiply(std::uint8_t a, std::uint8_t b) {
    std::uint8_t product = 0;
    while (b) {
        if (b & 1) product ^= a;
        b >>= 1;
        a <<= 1;
        if (a & 0x20) a ^= 0x25;
    }
    return product;
}

// Weight of position i is alpha^(7-i) (alpha = x = 2): eight distinct non-zero elements, and the
// check position has weight 1. The code is valid when sum(w_i * s_i) == 0.
std::array<std::uint8_t, 8> weights() {
    std::array<std::uint8_t, 8> w{};
    std::uint8_t power = 1;
    for (std::size_t i = 8; i-- > 0;) {
        w[i] = power;
        power = gfMultiply(power, 2);
    }
    return w;
}

int symbolValue(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    auto pos = kReferenceAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

std::string format(const std::array<std::uint8_t, 8>& values) {
    std::string out;
    for (std::size_t i = 0; i < 8; ++i) {
        if (i == 4) out += '-';
        out += kReferenceAlphabet[values[i]];
    }
    return out;
}

} // namespace

std::optional<std::string> referenceCodeWithCheck(std::string_view payload) {
    if (payload.size() != kPayload) return std::nullopt;
    static const auto w = weights();
    std::array<std::uint8_t, 8> values{};
    std::uint8_t sum = 0;
    for (std::size_t i = 0; i < kPayload; ++i) {
        int v = symbolValue(payload[i]);
        if (v < 0) return std::nullopt;
        values[i] = static_cast<std::uint8_t>(v);
        sum ^= gfMultiply(w[i], values[i]);
    }
    values[7] = sum; // weight 1, and in GF(2^5) minus is plus
    return format(values);
}

std::string newReferenceCode() {
    initSodium();
    std::string payload;
    for (std::size_t i = 0; i < kPayload; ++i)
        payload += kReferenceAlphabet[randombytes_uniform(32)];
    return *referenceCodeWithCheck(payload);
}

std::optional<std::string> normalizeReferenceCode(std::string_view typed) {
    static const auto w = weights();
    std::array<std::uint8_t, 8> values{};
    std::size_t n = 0;
    std::uint8_t sum = 0;
    for (char c : typed) {
        if (c == '-' || c == ' ') continue;
        int v = symbolValue(c);
        if (v < 0 || n == 8) return std::nullopt;
        values[n] = static_cast<std::uint8_t>(v);
        sum ^= gfMultiply(w[n], values[n]);
        ++n;
    }
    if (n != 8 || sum != 0) return std::nullopt;
    return format(values);
}

} // namespace passerelle
