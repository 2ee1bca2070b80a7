#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

using Bytes = std::vector<std::uint8_t>;

std::span<const std::uint8_t> asBytes(std::string_view text);
std::string_view asText(std::span<const std::uint8_t> bytes);

// Standard base64 with padding (libsodium's ORIGINAL variant).
std::string toBase64(std::span<const std::uint8_t> bytes);
std::optional<Bytes> fromBase64(std::string_view text);

std::string toHex(std::span<const std::uint8_t> bytes);
std::optional<Bytes> fromHex(std::string_view text);

// BLAKE2b-256 (crypto_generichash) of the bytes, as raw bytes or lowercase hex.
Bytes blake2b256(std::span<const std::uint8_t> bytes);
std::string blake2b256Hex(std::span<const std::uint8_t> bytes);

// Must be called once before any libsodium use; safe to call many times and from any thread.
void initSodium();

} // namespace passerelle
