#include "passerelle/sync/client/http_transport.h"

#include "passerelle/sync/client/curl_library.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace passerelle::sync {

namespace {

bool isLoopbackHost(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct Transfer {
    HttpResponse* response;
    std::FILE* file = nullptr;
    std::atomic<bool>* aborted;
};

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    auto bytes = size * count;
    if (t->file && t->response->status >= 200 && t->response->status < 300)
        return std::fwrite(data, 1, bytes, t->file);
    t->response->body.append(data, bytes);
    return bytes;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::string line(data, size * count);
    if (line.rfind("HTTP/", 0) == 0) { // a new response (e.g. after 100-continue): start over
        t->response->headers.clear();
        auto space = line.find(' ');
        if (space != std::string::npos) t->response->status = std::atol(line.c_str() + space + 1);
        return size * count;
    }
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        auto name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        auto value = line.substr(colon + 1);
        auto start = value.find_first_not_of(" \t");
        auto end = value.find_last_not_of(" \t\r\n");
        t->response->headers[name] =
            start == std::string::npos ? "" : value.substr(start, end - start + 1);
    }
    return size * count;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<Transfer*>(user)->aborted->load() ? 1 : 0;
}

} // namespace

std::string HttpResponse::header(const std::string& lowerName) const {
    auto found = headers.find(lowerName);
    return found == headers.end() ? std::string{} : found->second;
}

std::string checkServerUrl(const std::string& url) {
    // Checked by hand rather than with curl's URL parser: the kiosk checks the address while it
    // starts, before libcurl is loaded (on the sync worker). curl refuses anything stranger when
    // it connects, and that reaches staff as a connection failure.
    const std::string invalid =
        "the city server address '" + url + "' is not a valid URL (e.g. https://city.example.org)";
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string::npos || schemeEnd == 0) return invalid;
    std::string scheme = url.substr(0, schemeEnd);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    if (!std::all_of(scheme.begin(), scheme.end(), [](unsigned char ch) {
            return std::isalnum(ch) || ch == '+' || ch == '-' || ch == '.';
        }))
        return invalid;
    if (std::any_of(url.begin(), url.end(),
                    [](unsigned char ch) { return ch <= ' ' || ch == 0x7f; }))
        return invalid; // spaces, control characters
    const auto authorityStart = schemeEnd + 3;
    const auto authorityEnd = url.find_first_of("/?#", authorityStart);
    std::string authority = url.substr(authorityStart, authorityEnd == std::string::npos
                                                           ? std::string::npos
                                                           : authorityEnd - authorityStart);
    if (auto at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
    std::string host = authority, port;
    if (!authority.empty() && authority.front() == '[') { // [IPv6]
        const auto close = authority.find(']');
        if (close == std::string::npos) return invalid;
        host = authority.substr(1, close - 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') return invalid;
            port = authority.substr(close + 2);
        }
        if (host.empty() || !std::all_of(host.begin(), host.end(), [](unsigned char ch) {
                return std::isxdigit(ch) || ch == ':' || ch == '.';
            }))
            return invalid;
    } else {
        if (auto colon = authority.rfind(':'); colon != std::string::npos) {
            host = authority.substr(0, colon);
            port = authority.substr(colon + 1);
        }
        if (host.empty() || !std::all_of(host.begin(), host.end(), [](unsigned char ch) {
                return std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_' || ch == '%';
            }))
            return invalid;
    }
    if (authority.find('[') == std::string::npos && authority.find(']') != std::string::npos)
        return invalid;
    if (!port.empty() &&
        (port.size() > 5 ||
         !std::all_of(port.begin(), port.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
         std::stoi(port) == 0 || std::stoi(port) > 65535))
        return invalid;
    std::transform(host.begin(), host.end(), host.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    if (scheme == "http" && !isLoopbackHost(host))
        return "refusing plain HTTP to " + host +
               ": the city server must be reached over HTTPS (plain HTTP is only allowed to this "
               "machine, for demos and tests)";
    if (scheme != "http" && scheme != "https")
        return "the city server address must start with https:// (got '" + scheme + "')";
    return {};
}

HttpTransport::HttpTransport() {
    if (auto lib = curlLibrary()) curl_ = (*lib)->easy_init();
}

HttpTransport::~HttpTransport() {
    if (curl_) (*curlLibrary())->easy_cleanup(static_cast<CURL*>(curl_));
}

std::expected<HttpResponse, std::string> HttpTransport::perform(const HttpRequest& request) {
    auto lib = curlLibrary();
    if (!lib) return std::unexpected(lib.error());
    if (!curl_) return std::unexpected("libcurl could not make a connection handle");
    const CurlLibrary& c = **lib;
    if (auto problem = checkServerUrl(request.url); !problem.empty())
        return std::unexpected(problem);
    auto* curl = static_cast<CURL*>(curl_);
    c.easy_reset(curl);
    HttpResponse response;
    Transfer transfer{&response, nullptr, &aborted_};
    if (!request.appendTo.empty()) {
        transfer.file = std::fopen(request.appendTo.c_str(), "ab");
        if (!transfer.file)
            return std::unexpected("cannot write the download to " + request.appendTo.string());
    }
    c.easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    c.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    c.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L); // a redirect is never the city's answer
    c.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    c.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    c.easy_setopt(curl, CURLOPT_TIMEOUT, request.timeoutSeconds);
    c.easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    c.easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    c.easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    c.easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    c.easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    c.easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    c.easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    c.easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    c.easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    c.easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "GET")
        c.easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    else {
        c.easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        c.easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                      static_cast<curl_off_t>(request.body.size()));
    }
    curl_slist* headers = c.slist_append(nullptr, "Expect:"); // no 100-continue round trip
    for (const auto& [name, value] : request.headers)
        headers = c.slist_append(headers, (name + ": " + value).c_str());
    if (request.method != "GET")
        headers = c.slist_append(headers, ("Content-Type: " + request.contentType).c_str());
    c.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    auto code = c.easy_perform(curl);
    c.slist_free_all(headers);
    if (transfer.file) std::fclose(transfer.file);
    if (code != CURLE_OK) {
        if (code == CURLE_ABORTED_BY_CALLBACK) return std::unexpected("sync stopped");
        std::string what = c.easy_strerror(code);
        if (code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST)
            return std::unexpected("the city server cannot be reached (" + what +
                                   "); check the network");
        if (code == CURLE_OPERATION_TIMEDOUT)
            return std::unexpected("the city server did not answer in time");
        if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CONNECT_ERROR)
            return std::unexpected("the city server's HTTPS certificate is not trusted (" + what +
                                   ")");
        return std::unexpected("the connection to the city server failed (" + what + ")");
    }
    long status = 0;
    c.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = status;
    return response;
}

} // namespace passerelle::sync
