#pragma once
// A kiosk outbox in a real SQLite file (WAL, synchronous=FULL), standing in for the kiosk store:
// records are deleted only when acknowledged, in one transaction.
#include "passerelle/sync/client/sources.h"

#include <filesystem>
#include <mutex>

struct sqlite3;

namespace passerelle::test {

class SqliteOutbox final : public sync::OutboxSource {
  public:
    explicit SqliteOutbox(const std::filesystem::path& file);
    ~SqliteOutbox() override;
    void add(const sync::OutboxItem& item);
    std::expected<std::vector<sync::OutboxItem>, std::string> pending(std::size_t limit) override;
    std::expected<void, std::string> acknowledge(std::span<const std::int64_t> sequences) override;
    std::expected<std::size_t, std::string> count() override;

  private:
    sqlite3* db_ = nullptr;
    std::mutex mutex_;
};

// Documents (stats/audit) in memory.
class MemoryDocuments final : public sync::DocumentSource {
  public:
    void add(sync::PendingDocument d) {
        std::lock_guard lock(mutex_);
        documents_.push_back(std::move(d));
    }
    std::expected<std::vector<sync::PendingDocument>, std::string>
    pending(std::size_t limit) override;
    std::expected<void, std::string> acknowledge(std::span<const std::string> ids) override;
    std::size_t size() {
        std::lock_guard lock(mutex_);
        return documents_.size();
    }

  private:
    std::vector<sync::PendingDocument> documents_;
    std::mutex mutex_;
};

} // namespace passerelle::test
