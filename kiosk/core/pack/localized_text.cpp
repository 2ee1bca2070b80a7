#include "core/pack/localized_text.h"

namespace passerelle {

bool LocalizedText::has(std::string_view language) const {
    auto it = byLanguage.find(language);
    return it != byLanguage.end() && !it->second.empty();
}

std::string_view LocalizedText::get(std::string_view language, std::string_view fallback) const {
    if (auto it = byLanguage.find(language); it != byLanguage.end() && !it->second.empty())
        return it->second;
    if (auto it = byLanguage.find(fallback); it != byLanguage.end()) return it->second;
    return {};
}

} // namespace passerelle
