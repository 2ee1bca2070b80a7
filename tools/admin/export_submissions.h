#pragma once
// Decrypts sealed submissions with the city's X25519 secret key and writes them as JSON or CSV:
// exactly the values the resident typed (lists joined with "; " in CSV).
#include "passerelle/city/store/city_store.h"
#include "passerelle/common/secret.h"

#include <expected>
#include <ostream>
#include <string>

namespace passerelle::admin {

struct ExportReport {
    std::size_t exported = 0;
    std::vector<std::string>
        failures; // "kiosk/sequence: reason" for records that could not be read
};

std::expected<ExportReport, std::string>
exportSubmissions(const std::vector<city::StoredSubmission>& submissions,
                  const SecretBytes& sealingSecret, const std::string& format, std::ostream& out);

std::string csvField(const std::string& value);

} // namespace passerelle::admin
