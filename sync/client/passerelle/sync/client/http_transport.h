#pragma once
// A small libcurl wrapper for the sync client (libcurl is opened on first use: curl_library.h).
// Plain HTTP is allowed only to loopback addresses (demos, tests); anything else must be HTTPS,
// checked against the system CA store.
#include <atomic>
#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace passerelle::sync {

struct HttpResponse {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers; // names lower-cased
    std::string header(const std::string& lowerName) const;
};

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::string body;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    std::filesystem::path
        appendTo; // when set, a 2xx body is appended to this file instead of `body`
    long timeoutSeconds = 60;
};

// Checks the server URL: "" if usable, else a message for staff.
std::string checkServerUrl(const std::string& url);

class HttpTransport {
  public:
    HttpTransport();
    ~HttpTransport();
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;

    // A transport failure (no connection, timeout, TLS) is an error; any HTTP status is a response.
    std::expected<HttpResponse, std::string> perform(const HttpRequest& request);
    // Makes a running perform() return soon (from another thread).
    void abort() { aborted_ = true; }
    void reset() { aborted_ = false; }

  private:
    void* curl_;
    std::atomic<bool> aborted_{false};
};

} // namespace passerelle::sync
