#include "passerelle/city/http/metrics.h"

#include <sstream>

namespace passerelle::city {

void Metrics::countRequest(const std::string& route, int status) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
}

void Metrics::countRejection(const std::string& reason) {
    std::lock_guard lock(mutex_);
    ++rejections_[reason];
}

void Metrics::countIngest(std::int64_t stored, std::int64_t duplicates, std::int64_t conflicts) {
    std::lock_guard lock(mutex_);
    stored_ += static_cast<std::uint64_t>(stored);
    duplicates_ += static_cast<std::uint64_t>(duplicates);
    conflicts_ += static_cast<std::uint64_t>(conflicts);
}

std::string Metrics::render(const std::map<std::string, double>& gauges) const {
    std::ostringstream out;
    std::lock_guard lock(mutex_);
    out << "# HELP passerelle_city_requests_total HTTP requests answered, by route and status.\n"
        << "# TYPE passerelle_city_requests_total counter\n";
    for (const auto& [key, count] : requests_)
        out << "passerelle_city_requests_total{route=\"" << key.first << "\",status=\""
            << key.second << "\"} " << count << "\n";
    out << "# HELP passerelle_city_rejected_requests_total Kiosk requests refused, by reason.\n"
        << "# TYPE passerelle_city_rejected_requests_total counter\n";
    for (const auto& [reason, count] : rejections_)
        out << "passerelle_city_rejected_requests_total{reason=\"" << reason << "\"} " << count
            << "\n";
    out << "# HELP passerelle_city_submissions_stored_total Submissions stored for the first "
           "time.\n"
        << "# TYPE passerelle_city_submissions_stored_total counter\n"
        << "passerelle_city_submissions_stored_total " << stored_ << "\n"
        << "# HELP passerelle_city_submission_duplicates_total Identical re-sends acknowledged "
           "again.\n"
        << "# TYPE passerelle_city_submission_duplicates_total counter\n"
        << "passerelle_city_submission_duplicates_total " << duplicates_ << "\n"
        << "# HELP passerelle_city_submission_conflicts_total Different records sent with a used "
           "sequence.\n"
        << "# TYPE passerelle_city_submission_conflicts_total counter\n"
        << "passerelle_city_submission_conflicts_total " << conflicts_ << "\n";
    for (const auto& [name, value] : gauges) {
        auto base = name.substr(0, name.find('{'));
        out << "# TYPE " << base << " gauge\n" << name << " " << value << "\n";
    }
    return out.str();
}

} // namespace passerelle::city
