#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace passerelle {

// One sealed submission waiting to be sent to the city. Only the city can open `sealed`
// (crypto_box_seal to the city's X25519 key); serviceId is non-personal and lets the city route it.
struct OutboxRecord {
    std::int64_t sequence = 0; // per kiosk, strictly increasing, never reused
    std::string kioskId;
    std::vector<std::uint8_t> sealed;
    std::int64_t createdAtUnix = 0;
    std::string serviceId;
};

} // namespace passerelle
