#include "passerelle/sync/client/city_connection.h"

#include "passerelle/sync/protocol/constants.h"
#include "passerelle/sync/protocol/signing.h"

namespace passerelle::sync {

namespace {
std::string lower(std::string text) {
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}
} // namespace

CityConnection::CityConnection(std::string serverUrl, const SigningKeyPair& kioskKey,
                               const PublicKey& cityKey, std::function<std::int64_t()> clock)
    : serverUrl_(std::move(serverUrl)), kioskKey_(kioskKey), cityKey_(cityKey),
      clock_(std::move(clock)) {
    while (!serverUrl_.empty() && serverUrl_.back() == '/')
        serverUrl_.pop_back();
}

std::vector<std::pair<std::string, std::string>>
CityConnection::signedHeaders(const std::string& method, const std::string& path,
                              const std::string& body, std::string& nonce) {
    auto s = signRequest(kioskKey_, method, path, body, clock_());
    nonce = s.nonce;
    return {{kHeaderKiosk, s.kioskId},
            {kHeaderTimestamp, s.timestamp},
            {kHeaderNonce, s.nonce},
            {kHeaderSignature, s.signature}};
}

std::expected<CityAnswer, CallError> CityConnection::call(const std::string& method,
                                                          const std::string& path,
                                                          const std::string& body,
                                                          const std::string& contentType) {
    HttpRequest request;
    request.method = method;
    request.url = serverUrl_ + path;
    request.body = body;
    request.contentType = contentType;
    std::string nonce;
    request.headers = signedHeaders(method, path, body, nonce);
    auto response = transport_.perform(request);
    if (!response)
        return std::unexpected(CallError{CallFailure::Unreachable, response.error(), {}});
    auto signature = response->header(lower(kHeaderCitySignature));
    if (signature.empty() || !verifyAnswer(cityKey_, static_cast<int>(response->status), nonce,
                                           response->body, signature))
        return std::unexpected(
            CallError{CallFailure::NotFromCity,
                      "the answer (HTTP " + std::to_string(response->status) +
                          ") did not come from the city server: a captive portal or proxy may be "
                          "in the way; nothing was deleted",
                      {}});
    CityAnswer answer{response->status, std::move(response->body), {}, {}};
    if (answer.status >= 200 && answer.status < 300) return answer;
    if (auto error = decode<ErrorAnswer>(answer.body)) {
        answer.error = error->error;
        answer.reason = error->reason;
    }
    auto message = answer.error.empty()
                       ? "the city server answered HTTP " + std::to_string(answer.status)
                       : "the city server refused: " + answer.error;
    if (answer.status >= 500)
        return std::unexpected(CallError{CallFailure::Unreachable, message, answer});
    return std::unexpected(CallError{CallFailure::Refused, message, answer});
}

std::expected<void, CallError> CityConnection::download(const std::string& path,
                                                        const std::filesystem::path& file) {
    std::error_code ec;
    auto have = std::filesystem::exists(file, ec) ? std::filesystem::file_size(file, ec) : 0;
    HttpRequest request;
    request.method = "GET";
    request.url = serverUrl_ + path;
    request.appendTo = file;
    request.timeoutSeconds = 3600;
    std::string nonce;
    request.headers = signedHeaders("GET", path, "", nonce);
    if (have > 0) request.headers.emplace_back("Range", "bytes=" + std::to_string(have) + "-");
    auto response = transport_.perform(request);
    if (!response)
        return std::unexpected(CallError{CallFailure::Unreachable, response.error(), {}});
    if (response->status == 206) return {};
    if (response->status == 200) {
        if (have > 0) { // the server ignored the Range: what we appended follows a full copy
            std::filesystem::remove(file, ec);
            return std::unexpected(CallError{
                CallFailure::Unreachable, "the pack download restarted from the beginning", {}});
        }
        return {};
    }
    if (response->status == 416) { // we already have everything (or more): let the hash decide
        return {};
    }
    auto answer = CityAnswer{response->status, response->body, {}, {}};
    if (auto error = decode<ErrorAnswer>(response->body)) answer.error = error->error;
    return std::unexpected(CallError{
        CallFailure::Refused,
        "the pack download was refused (HTTP " + std::to_string(response->status) + ")", answer});
}

} // namespace passerelle::sync
