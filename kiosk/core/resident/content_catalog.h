#pragma once
#include "core/flow/flow.h"
#include "core/lesson/lesson.h"
#include "core/pack/pack.h"

#include <memory>
#include <string_view>
#include <vector>

namespace passerelle {

// The installed, verified packs as the resident sees them: every e-service and lesson, in pack
// order, with accent- and case-insensitive search in the resident's language.
class ContentCatalog {
  public:
    struct ServiceEntry {
        std::shared_ptr<const pack::Pack> pack;
        const flow::Flow* flow = nullptr;
    };
    struct LessonEntry {
        std::shared_ptr<const pack::Pack> pack;
        const lesson::Lesson* lesson = nullptr;
    };

    ContentCatalog() = default;
    explicit ContentCatalog(std::vector<std::shared_ptr<const pack::Pack>> packs)
        : packs_(std::move(packs)) {}

    const std::vector<std::shared_ptr<const pack::Pack>>& packs() const { return packs_; }
    std::vector<ServiceEntry> services(std::string_view query = {},
                                       std::string_view language = "en") const;
    std::vector<LessonEntry> lessons(std::string_view query = {},
                                     std::string_view language = "en") const;
    ServiceEntry findService(std::string_view packId, std::string_view flowId) const;
    LessonEntry findLesson(std::string_view packId, std::string_view lessonId) const;

  private:
    std::vector<std::shared_ptr<const pack::Pack>> packs_;
};

} // namespace passerelle
