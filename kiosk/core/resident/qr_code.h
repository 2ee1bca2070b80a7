#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace passerelle {

// A QR code as a square of dark/light modules (libqrencode), for the receipt screen.
struct QrCode {
    int size = 0;           // modules per side
    std::vector<bool> dark; // size*size, row by row
    bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};

std::optional<QrCode> makeQrCode(std::string_view text);

} // namespace passerelle
