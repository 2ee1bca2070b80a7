#include "passerelle/sync/client/http_transport.h"

#include <algorithm>
#include <cstdio>
#include <curl/curl.h>
#include <mutex>

namespace passerelle::sync {

namespace {

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool isLoopbackHost(std::string host) {
    if (!host.empty() && host.front() == '[') host = host.substr(1, host.size() - 2);
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
    initCurlOnce();
    CURLU* parsed = curl_url();
    std::string problem;
    if (curl_url_set(parsed, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        problem = "the city server address '" + url +
                  "' is not a valid URL (e.g. https://city.example.org)";
    } else {
        char* scheme = nullptr;
        char* host = nullptr;
        curl_url_get(parsed, CURLUPART_SCHEME, &scheme, 0);
        curl_url_get(parsed, CURLUPART_HOST, &host, 0);
        std::string s = scheme ? scheme : "", h = host ? host : "";
        if (s == "http" && !isLoopbackHost(h))
            problem = "refusing plain HTTP to " + h +
                      ": the city server must be reached over HTTPS (plain HTTP is only allowed to "
                      "this machine, "
                      "for demos and tests)";
        else if (s != "http" && s != "https")
            problem = "the city server address must start with https:// (got '" + s + "')";
        curl_free(scheme);
        curl_free(host);
    }
    curl_url_cleanup(parsed);
    return problem;
}

HttpTransport::HttpTransport() {
    initCurlOnce();
    curl_ = curl_easy_init();
}

HttpTransport::~HttpTransport() {
    curl_easy_cleanup(static_cast<CURL*>(curl_));
}

std::expected<HttpResponse, std::string> HttpTransport::perform(const HttpRequest& request) {
    if (auto problem = checkServerUrl(request.url); !problem.empty())
        return std::unexpected(problem);
    auto* curl = static_cast<CURL*>(curl_);
    curl_easy_reset(curl);
    HttpResponse response;
    Transfer transfer{&response, nullptr, &aborted_};
    if (!request.appendTo.empty()) {
        transfer.file = std::fopen(request.appendTo.c_str(), "ab");
        if (!transfer.file)
            return std::unexpected("cannot write the download to " + request.appendTo.string());
    }
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L); // a redirect is never the city's answer
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, request.timeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "GET")
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    else {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size()));
    }
    curl_slist* headers = curl_slist_append(nullptr, "Expect:"); // no 100-continue round trip
    for (const auto& [name, value] : request.headers)
        headers = curl_slist_append(headers, (name + ": " + value).c_str());
    if (request.method != "GET")
        headers = curl_slist_append(headers, ("Content-Type: " + request.contentType).c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    auto code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (transfer.file) std::fclose(transfer.file);
    if (code != CURLE_OK) {
        if (code == CURLE_ABORTED_BY_CALLBACK) return std::unexpected("sync stopped");
        std::string what = curl_easy_strerror(code);
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
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = status;
    return response;
}

} // namespace passerelle::sync
