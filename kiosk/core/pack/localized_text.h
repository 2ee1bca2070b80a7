#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace passerelle {

// One user-facing text in every language a pack provides: {"en": "Next", "fr": "Suivant"}.
struct LocalizedText {
    std::map<std::string, std::string, std::less<>> byLanguage;

    bool empty() const { return byLanguage.empty(); }
    bool has(std::string_view language) const;
    // The text in `language`; else in `fallback` (a pack's first language); else "".
    std::string_view get(std::string_view language, std::string_view fallback = {}) const;

    bool operator==(const LocalizedText&) const = default;
};

} // namespace passerelle
