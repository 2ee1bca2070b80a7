#pragma once
// Counters for Prometheus' text format (/metrics). Thread-safe.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace passerelle::city {

class Metrics {
  public:
    void countRequest(const std::string& route, int status);
    void countRejection(const std::string& reason);
    void countIngest(std::int64_t stored, std::int64_t duplicates, std::int64_t conflicts);
    // Counters plus the gauges given by the caller (name -> value), in exposition format.
    std::string render(const std::map<std::string, double>& gauges) const;

  private:
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::map<std::string, std::uint64_t> rejections_;
    std::uint64_t stored_ = 0, duplicates_ = 0, conflicts_ = 0;
};

} // namespace passerelle::city
