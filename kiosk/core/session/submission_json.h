#pragma once
// The plaintext of a sealed submission, exactly as the city admin tool parses it (UTF-8 JSON):
// {"v":1,"kiosk":"..","sequence":N,"service":"..","pack":"<id>@<version>","reference":"..",
//  "submitted_at":"<ISO-8601 UTC>","language":"fr","assisted":false,"mediator":null|"..",
//  "answers":{"<fieldId>":"value" | ["a","b"]}}
// It is written straight into guarded memory: the size is measured in a first pass, then the bytes
// are written once into a SecretBytes of exactly that size, so no personal value passes through an
// ordinary std::string.
#include "core/session/answers.h"

#include <cstdint>
#include <optional>
#include <string>

namespace passerelle {

struct SubmissionHeader {
    std::string kioskId;
    std::int64_t sequence = 0;
    std::string serviceId;
    std::string packId;
    std::string packVersion;
    std::string reference;   // "XXXX-XXXX"
    std::string submittedAt; // ISO-8601 UTC, e.g. 2026-11-29T20:46:34Z
    std::string language;
    bool assisted = false;
    std::optional<std::string> mediatorId;
};

SecretBytes buildSubmissionJson(const SubmissionHeader& header, const Answers& answers);

// True if `bytes` is well-formed UTF-8 (the city parser needs it).
bool isValidUtf8(std::span<const std::uint8_t> bytes);

} // namespace passerelle
