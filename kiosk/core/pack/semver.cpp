#include "core/pack/semver.h"

#include "passerelle/version.h"

#include <charconv>

namespace passerelle::pack {

std::optional<SemVer> SemVer::parse(std::string_view text) {
    unsigned parts[3] = {0, 0, 0};
    std::size_t count = 0;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    if (text.empty() || text.size() > 32) return std::nullopt;
    while (true) {
        if (count == 3 || p == end || *p < '0' || *p > '9') return std::nullopt;
        if (*p == '0' && p + 1 != end && p[1] != '.') return std::nullopt; // no leading zeros
        auto [next, ec] = std::from_chars(p, end, parts[count]);
        if (ec != std::errc{}) return std::nullopt;
        ++count;
        p = next;
        if (p == end) break;
        if (*p != '.') return std::nullopt;
        ++p;
    }
    return SemVer{parts[0], parts[1], parts[2]};
}

std::string SemVer::toString() const {
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

SemVer appVersion() {
    static const SemVer version = SemVer::parse(PASSERELLE_VERSION).value_or(SemVer{});
    return version;
}

} // namespace passerelle::pack
