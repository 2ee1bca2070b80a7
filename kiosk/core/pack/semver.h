#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace passerelle::pack {

// "MAJOR.MINOR.PATCH" with plain non-negative numbers; "2" and "2.1" are accepted and mean
// "2.0.0" and "2.1.0". Compared numerically (so 1.10.0 > 1.9.0), unlike a string compare.
struct SemVer {
    unsigned major = 0;
    unsigned minor = 0;
    unsigned patch = 0;

    static std::optional<SemVer> parse(std::string_view text);
    std::string toString() const;
    auto operator<=>(const SemVer&) const = default;
};

// The running application's version (PASSERELLE_VERSION from passerelle/version.h).
SemVer appVersion();

} // namespace passerelle::pack
