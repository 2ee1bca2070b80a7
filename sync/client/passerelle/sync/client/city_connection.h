#pragma once
// Signed calls to the city: every request is signed with the kiosk key, every answer must carry
// the city's signature over (status, our nonce, body) — otherwise it is treated as not coming
// from the city (captive portal, proxy, replay) and nothing is acted upon.
#include "passerelle/common/keys.h"
#include "passerelle/sync/client/http_transport.h"
#include "passerelle/sync/protocol/messages.h"

#include <cstdint>
#include <expected>
#include <functional>
#include <string>

namespace passerelle::sync {

struct CityAnswer {
    long status = 0;
    std::string body;
    std::string reason; // from an error answer
    std::string error;  // plain words from an error answer
};

enum class CallFailure {
    Unreachable, // network, timeout, TLS: try again later
    NotFromCity, // missing or bad city signature
    Refused,     // the city answered with an error status (see CityAnswer)
};

struct CallError {
    CallFailure failure;
    std::string message;
    CityAnswer answer; // for Refused
};

class CityConnection {
  public:
    CityConnection(std::string serverUrl, const SigningKeyPair& kioskKey, const PublicKey& cityKey,
                   std::function<std::int64_t()> clock);

    // Sends a signed request; a verified 2xx answer is returned, anything else is a CallError.
    std::expected<CityAnswer, CallError> call(const std::string& method, const std::string& path,
                                              const std::string& body = {},
                                              const std::string& contentType = "application/json");
    // Downloads a pack by hash into `file`, resuming from its current size with a Range request.
    std::expected<void, CallError> download(const std::string& path,
                                            const std::filesystem::path& file);

    HttpTransport& transport() { return transport_; }

  private:
    std::vector<std::pair<std::string, std::string>> signedHeaders(const std::string& method,
                                                                   const std::string& path,
                                                                   const std::string& body,
                                                                   std::string& nonce);

    std::string serverUrl_;
    const SigningKeyPair& kioskKey_;
    PublicKey cityKey_;
    std::function<std::int64_t()> clock_;
    HttpTransport transport_;
};

} // namespace passerelle::sync
