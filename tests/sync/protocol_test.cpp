// The one protocol definition both ends use: signatures must bind every field, answers must be
// bound to the request's nonce, configurations to the city key, and parsers refuse bad input.
#include "passerelle/sync/protocol/enrolment_code.h"
#include "passerelle/sync/protocol/messages.h"
#include "passerelle/sync/protocol/signing.h"

#include <doctest/doctest.h>

using namespace passerelle;
using namespace passerelle::sync;

TEST_CASE("a signed request verifies only with every field unchanged") {
    auto kiosk = SigningKeyPair::generate();
    std::string body = R"({"records":[]})";
    auto s = signRequest(kiosk, "POST", "/v1/outbox", body, 1'800'000'000);
    CHECK(s.kioskId == keyId(kiosk.publicKey));
    CHECK(isWellFormedNonce(s.nonce));
    RequestSignatureInput input{"POST", "/v1/outbox", blake2b256Hex(asBytes(body)), 1'800'000'000,
                                s.nonce};
    CHECK(verifyRequest(kiosk.publicKey, input, s.signature));

    auto changed = input;
    changed.method = "PUT";
    CHECK_FALSE(verifyRequest(kiosk.publicKey, changed, s.signature));
    changed = input;
    changed.path = "/v1/documents";
    CHECK_FALSE(verifyRequest(kiosk.publicKey, changed, s.signature));
    changed = input;
    changed.bodyHashHex = blake2b256Hex(asBytes(std::string(R"({"records":[1]})")));
    CHECK_FALSE(verifyRequest(kiosk.publicKey, changed, s.signature));
    changed = input;
    changed.timestamp += 1;
    CHECK_FALSE(verifyRequest(kiosk.publicKey, changed, s.signature));
    changed = input;
    changed.nonce = newNonce();
    CHECK_FALSE(verifyRequest(kiosk.publicKey, changed, s.signature));
    CHECK_FALSE(verifyRequest(SigningKeyPair::generate().publicKey, input, s.signature));
    CHECK_FALSE(verifyRequest(kiosk.publicKey, input, "not base64!"));
}

TEST_CASE("nonces are fresh and well formed") {
    auto a = newNonce(), b = newNonce();
    CHECK(a != b);
    CHECK(isWellFormedNonce(a));
    CHECK_FALSE(isWellFormedNonce("ABCDEF"));
    CHECK_FALSE(isWellFormedKioskId("0123456789abcdeg"));
    CHECK(parseTimestamp("1800000000") == 1'800'000'000);
    CHECK_FALSE(parseTimestamp("18e8").has_value());
    CHECK_FALSE(parseTimestamp("").has_value());
}

TEST_CASE("an answer signature is bound to status, body and the request's nonce") {
    auto city = SigningKeyPair::generate();
    auto nonce = newNonce();
    std::string body = R"({"acknowledged":[1,2],"conflicts":[]})";
    auto signature = signAnswer(city.secretKey, 200, nonce, body);
    CHECK(verifyAnswer(city.publicKey, 200, nonce, body, signature));
    CHECK_FALSE(
        verifyAnswer(city.publicKey, 200, newNonce(), body, signature)); // replayed old answer
    CHECK_FALSE(verifyAnswer(city.publicKey, 201, nonce, body, signature));
    CHECK_FALSE(verifyAnswer(city.publicKey, 200, nonce,
                             R"({"acknowledged":[1,2,3],"conflicts":[]})", signature));
    CHECK_FALSE(verifyAnswer(SigningKeyPair::generate().publicKey, 200, nonce, body, signature));
    CHECK_FALSE(verifyAnswer(city.publicKey, 200, nonce, body, ""));
}

TEST_CASE("a configuration is accepted only with the city's signature over its exact text") {
    auto city = SigningKeyPair::generate();
    auto signedConfig = signConfig(city, R"({"city":"Lyon"})");
    auto roundTrip = decode<SignedConfig>(encode(signedConfig));
    REQUIRE(roundTrip);
    CHECK(verifyConfig(city.publicKey, *roundTrip) == std::string(R"({"city":"Lyon"})"));
    auto tampered = *roundTrip;
    tampered.config = R"({"city":"Evil"})";
    CHECK_FALSE(verifyConfig(city.publicKey, tampered));
    CHECK_FALSE(verifyConfig(SigningKeyPair::generate().publicKey, *roundTrip));
    CHECK_FALSE(verifyConfig(city.publicKey, signConfig(city, "[1,2]"))); // not an object
}

TEST_CASE("upload messages round-trip and malformed ones are refused in plain words") {
    UploadRequest request{{{7, Bytes{1, 2, 3}, 1'800'000'000, "report"}}};
    auto decoded = decode<UploadRequest>(encode(request));
    REQUIRE(decoded);
    REQUIRE(decoded->records.size() == 1);
    CHECK(decoded->records[0].sequence == 7);
    CHECK(decoded->records[0].sealed == Bytes{1, 2, 3});
    CHECK(decoded->records[0].serviceId == "report");

    CHECK_FALSE(decode<UploadRequest>("not json"));
    CHECK_FALSE(decode<UploadRequest>(R"({"records":{}})"));
    CHECK_FALSE(decode<UploadRequest>(R"({"records":[{"sequence":"x"}]})"));
    auto missingSealed = decode<UploadRequest>(
        R"({"records":[{"sequence":1,"sealed":"","created_at":1,"service":"s"}]})");
    REQUIRE_FALSE(missingSealed);
    CHECK(missingSealed.error().find("sealed") != std::string::npos);
    CHECK_FALSE(decode<DocumentUpload>(R"({"documents":[{"id":"a","kind":"secret","body":{}}]})"));
    CHECK(decode<UploadAnswer>(encode(UploadAnswer{{1, 2}, {3}}))->conflicts ==
          std::vector<std::int64_t>{3});
}

TEST_CASE("enrolment codes are readable and typed loosely") {
    auto code = newEnrolmentCode();
    CHECK(code.size() == 14);
    CHECK(code[4] == '-');
    CHECK(code.find_first_of("0O1IL") == std::string::npos);
    CHECK(newEnrolmentCode() != code);
    std::string loose = code;
    for (auto& c : loose)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::erase(loose, '-');
    CHECK(enrolmentCodeHash(loose) == enrolmentCodeHash(code));
}
