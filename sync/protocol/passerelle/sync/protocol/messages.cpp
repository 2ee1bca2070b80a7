#include "passerelle/sync/protocol/messages.h"

#include "passerelle/sync/protocol/constants.h"

#include <nlohmann/json.hpp>

namespace passerelle::sync {

using nlohmann::json;

namespace {

// Throws json::exception on a missing field or a wrong type; decode() turns that into words.
template <class T> T field(const json& object, const char* name) {
    return object.at(name).get<T>();
}

json parseObject(std::string_view text) {
    auto value = json::parse(text);
    if (!value.is_object()) throw std::invalid_argument("the message is not a JSON object");
    return value;
}

template <class T> std::expected<T, std::string> guarded(std::string_view what, auto&& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        return std::unexpected("malformed " + std::string(what) + ": " + e.what());
    }
}

} // namespace

std::string encode(const EnrolRequest& m) {
    return json{{"code", m.code}, {"public_key", m.publicKeyBase64}, {"name", m.name}}.dump();
}
std::string encode(const EnrolAnswer& m) {
    return json{{"kiosk_id", m.kioskId}}.dump();
}

std::string encode(const UploadRequest& m) {
    json records = json::array();
    for (const auto& r : m.records)
        records.push_back({{"sequence", r.sequence},
                           {"sealed", toBase64(r.sealed)},
                           {"created_at", r.createdAtUnix},
                           {"service", r.serviceId}});
    return json{{"records", records}}.dump();
}
std::string encode(const UploadAnswer& m) {
    return json{{"acknowledged", m.acknowledged}, {"conflicts", m.conflicts}}.dump();
}

std::string encode(const DocumentUpload& m) {
    json documents = json::array();
    for (const auto& d : m.documents)
        documents.push_back({{"id", d.id}, {"kind", d.kind}, {"body", json::parse(d.json)}});
    return json{{"documents", documents}}.dump();
}
std::string encode(const DocumentAnswer& m) {
    return json{{"acknowledged", m.acknowledged}}.dump();
}

std::string encode(const PackList& m) {
    json packs = json::array();
    for (const auto& p : m.packs)
        packs.push_back({{"hash", p.hash}, {"size", p.size}, {"name", p.name}});
    return json{{"packs", packs}}.dump();
}
std::string encode(const SignedConfig& m) {
    return json{{"config", m.config}, {"signature", m.signatureBase64}, {"key_id", m.keyId}}.dump();
}
std::string encode(const ErrorAnswer& m) {
    return json{{"error", m.error}, {"reason", m.reason}}.dump();
}

template <> std::expected<EnrolRequest, std::string> decode(std::string_view text) {
    return guarded<EnrolRequest>("enrolment request", [&] {
        auto j = parseObject(text);
        return EnrolRequest{field<std::string>(j, "code"), field<std::string>(j, "public_key"),
                            j.value("name", std::string{})};
    });
}
template <> std::expected<EnrolAnswer, std::string> decode(std::string_view text) {
    return guarded<EnrolAnswer>("enrolment answer", [&] {
        return EnrolAnswer{field<std::string>(parseObject(text), "kiosk_id")};
    });
}

template <> std::expected<UploadRequest, std::string> decode(std::string_view text) {
    return guarded<UploadRequest>("upload", [&] {
        auto j = parseObject(text);
        UploadRequest out;
        const auto& records = j.at("records");
        if (!records.is_array()) throw std::invalid_argument("records is not a list");
        if (records.size() > kMaxRecordsPerBatch)
            throw std::invalid_argument("more than " + std::to_string(kMaxRecordsPerBatch) +
                                        " records in one batch");
        for (const auto& r : records) {
            UploadRecord record;
            record.sequence = field<std::int64_t>(r, "sequence");
            auto sealed = fromBase64(field<std::string>(r, "sealed"));
            if (!sealed || sealed->empty())
                throw std::invalid_argument("record " + std::to_string(record.sequence) +
                                            " has no valid sealed data");
            record.sealed = std::move(*sealed);
            record.createdAtUnix = field<std::int64_t>(r, "created_at");
            record.serviceId = field<std::string>(r, "service");
            out.records.push_back(std::move(record));
        }
        return out;
    });
}
template <> std::expected<UploadAnswer, std::string> decode(std::string_view text) {
    return guarded<UploadAnswer>("upload answer", [&] {
        auto j = parseObject(text);
        return UploadAnswer{field<std::vector<std::int64_t>>(j, "acknowledged"),
                            field<std::vector<std::int64_t>>(j, "conflicts")};
    });
}

template <> std::expected<DocumentUpload, std::string> decode(std::string_view text) {
    return guarded<DocumentUpload>("document upload", [&] {
        auto j = parseObject(text);
        DocumentUpload out;
        for (const auto& d : j.at("documents")) {
            auto kind = field<std::string>(d, "kind");
            if (kind != "stats" && kind != "audit")
                throw std::invalid_argument("document kind must be stats or audit, not " + kind);
            if (!d.at("body").is_object())
                throw std::invalid_argument("document body is not an object");
            out.documents.push_back({field<std::string>(d, "id"), kind, d.at("body").dump()});
        }
        return out;
    });
}
template <> std::expected<DocumentAnswer, std::string> decode(std::string_view text) {
    return guarded<DocumentAnswer>("document answer", [&] {
        return DocumentAnswer{field<std::vector<std::string>>(parseObject(text), "acknowledged")};
    });
}

template <> std::expected<PackList, std::string> decode(std::string_view text) {
    return guarded<PackList>("pack list", [&] {
        PackList out;
        auto j = parseObject(text);
        for (const auto& p : j.at("packs"))
            out.packs.push_back({field<std::string>(p, "hash"), field<std::int64_t>(p, "size"),
                                 p.value("name", std::string{})});
        return out;
    });
}
template <> std::expected<SignedConfig, std::string> decode(std::string_view text) {
    return guarded<SignedConfig>("signed configuration", [&] {
        auto j = parseObject(text);
        return SignedConfig{field<std::string>(j, "config"), field<std::string>(j, "signature"),
                            j.value("key_id", std::string{})};
    });
}
template <> std::expected<ErrorAnswer, std::string> decode(std::string_view text) {
    return guarded<ErrorAnswer>("error answer", [&] {
        auto j = parseObject(text);
        return ErrorAnswer{field<std::string>(j, "error"), j.value("reason", std::string{})};
    });
}

} // namespace passerelle::sync
