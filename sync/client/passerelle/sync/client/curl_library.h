#pragma once
// libcurl's functions, from the library opened on first use (see common/system_library.h): the
// kiosk shows its first screen without mapping curl and its TLS, Kerberos and LDAP libraries;
// the sync worker opens it a moment later, on its own thread.
#include <curl/curl.h>
#include <expected>
#include <string>

namespace passerelle::sync {

struct CurlLibrary {
    decltype(&curl_global_init) global_init;
    decltype(&curl_easy_init) easy_init;
    decltype(&curl_easy_cleanup) easy_cleanup;
    decltype(&curl_easy_reset) easy_reset;
    decltype(&curl_easy_setopt) easy_setopt;
    decltype(&curl_easy_perform) easy_perform;
    decltype(&curl_easy_getinfo) easy_getinfo;
    decltype(&curl_easy_strerror) easy_strerror;
    decltype(&curl_slist_append) slist_append;
    decltype(&curl_slist_free_all) slist_free_all;
};

// Loads libcurl once (thread-safe) and runs curl_global_init; or says why it cannot be used.
std::expected<const CurlLibrary*, std::string> curlLibrary();

} // namespace passerelle::sync
