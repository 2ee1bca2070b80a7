#include "core/resident/content_catalog.h"

#include "core/i18n/search.h"

namespace passerelle {

namespace {
bool matchesAny(std::string_view query, std::initializer_list<std::string_view> texts) {
    if (query.find_first_not_of(' ') == std::string_view::npos) return true;
    static const i18n::AccentInsensitiveMatcher matcher; // building a collator is not free
    for (auto text : texts)
        if (matcher.matches(query, text)) return true;
    return false;
}
} // namespace

std::vector<ContentCatalog::ServiceEntry>
ContentCatalog::services(std::string_view query, std::string_view language) const {
    std::vector<ServiceEntry> out;
    for (auto& pack : packs_)
        for (auto& flow : pack->flows())
            if (matchesAny(query, {pack->text(flow.title, language),
                                   pack->text(flow.description, language)}))
                out.push_back({pack, &flow});
    return out;
}

std::vector<ContentCatalog::LessonEntry> ContentCatalog::lessons(std::string_view query,
                                                                 std::string_view language) const {
    std::vector<LessonEntry> out;
    for (auto& pack : packs_)
        for (auto& lesson : pack->lessons())
            if (matchesAny(query, {pack->text(lesson.title, language),
                                   pack->text(lesson.summary, language)}))
                out.push_back({pack, &lesson});
    return out;
}

ContentCatalog::ServiceEntry ContentCatalog::findService(std::string_view packId,
                                                         std::string_view flowId) const {
    for (auto& pack : packs_)
        if (pack->manifest().id == packId)
            if (const auto* flow = pack->flow(flowId)) return {pack, flow};
    return {};
}

ContentCatalog::LessonEntry ContentCatalog::findLesson(std::string_view packId,
                                                       std::string_view lessonId) const {
    for (auto& pack : packs_)
        if (pack->manifest().id == packId)
            if (const auto* lesson = pack->lesson(lessonId)) return {pack, lesson};
    return {};
}

} // namespace passerelle
