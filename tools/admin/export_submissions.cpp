#include "export_submissions.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace passerelle::admin {

using Json = nlohmann::ordered_json; // keeps the order the kiosk wrote

std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

namespace {

std::string cellText(const Json& value) {
    if (value.is_null()) return "";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_array()) {
        std::string joined;
        for (const auto& item : value)
            joined += (joined.empty() ? "" : "; ") + cellText(item);
        return joined;
    }
    return value.dump();
}

} // namespace

std::expected<ExportReport, std::string>
exportSubmissions(const std::vector<city::StoredSubmission>& submissions,
                  const SecretBytes& sealingSecret, const std::string& format, std::ostream& out) {
    if (format != "json" && format != "csv") return std::unexpected("--format must be csv or json");
    if (sealingSecret.size() != crypto_box_SECRETKEYBYTES)
        return std::unexpected("the sealing secret key has the wrong size");
    std::array<std::uint8_t, crypto_box_PUBLICKEYBYTES> publicKey{};
    crypto_scalarmult_base(publicKey.data(), sealingSecret.data());

    ExportReport report;
    std::vector<Json> records;
    for (const auto& s : submissions) {
        auto where = s.kioskId + "/" + std::to_string(s.sequence);
        if (s.sealed.size() < crypto_box_SEALBYTES) {
            report.failures.push_back(where + ": the sealed record is too short");
            continue;
        }
        SecretBytes plain(s.sealed.size() - crypto_box_SEALBYTES);
        if (crypto_box_seal_open(plain.data(), s.sealed.data(), s.sealed.size(), publicKey.data(),
                                 sealingSecret.data()) != 0) {
            report.failures.push_back(where + ": cannot be decrypted with this key");
            continue;
        }
        auto parsed = Json::parse(plain.text(), nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object()) {
            report.failures.push_back(where + ": decrypted, but it is not a JSON submission");
            continue;
        }
        records.push_back(std::move(parsed));
    }

    if (format == "json") {
        Json array = Json::array();
        for (auto& r : records)
            array.push_back(std::move(r));
        out << array.dump(2) << "\n";
    } else {
        const std::vector<std::string> fixed = {"kiosk",    "sequence",  "service",
                                                "pack",     "reference", "submitted_at",
                                                "language", "assisted",  "mediator"};
        std::vector<std::string> fields; // answer ids, in order of first appearance
        for (const auto& r : records)
            if (r.contains("answers") && r["answers"].is_object())
                for (const auto& [key, value] : r["answers"].items())
                    if (std::find(fields.begin(), fields.end(), key) == fields.end())
                        fields.push_back(key);
        std::string line;
        for (const auto& name : fixed)
            line += (line.empty() ? "" : ",") + csvField(name);
        for (const auto& name : fields)
            line += "," + csvField(name);
        out << line << "\r\n";
        for (const auto& r : records) {
            line.clear();
            bool first = true;
            for (const auto& name : fixed) {
                line += (first ? "" : ",") + csvField(r.contains(name) ? cellText(r[name]) : "");
                first = false;
            }
            for (const auto& name : fields) {
                const bool present = r.contains("answers") && r["answers"].is_object() &&
                                     r["answers"].contains(name);
                line += "," + csvField(present ? cellText(r["answers"][name]) : "");
            }
            out << line << "\r\n";
        }
    }
    report.exported = records.size();
    return report;
}

} // namespace passerelle::admin
