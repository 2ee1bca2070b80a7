#pragma once
#include <cstddef>
#include <cstdint>

namespace passerelle::pack {

// The pack format this build reads and writes (manifest key "format_version").
inline constexpr int kFormatVersion = 1;

// Defensive caps, checked before the signature is verified (see docs/pack-format.md).
inline constexpr std::uint64_t kMaxPackBytes = 256ull << 20; // whole file
inline constexpr std::size_t kMaxMediaBytes = 8u << 20;      // one media item (8 MiB)
inline constexpr std::size_t kMaxTextBytes = 64u << 10;      // one text value (64 KiB)
inline constexpr std::size_t kMaxRowsPerTable = 100000;
inline constexpr std::size_t kMaxMediaNameLength = 64;

} // namespace passerelle::pack
