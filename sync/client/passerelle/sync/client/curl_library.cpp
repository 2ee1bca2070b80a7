#include "passerelle/sync/client/curl_library.h"

#include "passerelle/common/system_library.h"

namespace passerelle::sync {

namespace {

std::expected<CurlLibrary, std::string> load() {
    // libcurl4 (OpenSSL) is what the build links against; libcurl3-gnutls has the same API.
    auto library = SystemLibrary::open({"libcurl.so.4", "libcurl-gnutls.so.4"}, "libcurl4");
    if (!library) return std::unexpected(library.error());
    CurlLibrary c{};
    bool ok = library->resolve(c.global_init, "curl_global_init") &&
              library->resolve(c.easy_init, "curl_easy_init") &&
              library->resolve(c.easy_cleanup, "curl_easy_cleanup") &&
              library->resolve(c.easy_reset, "curl_easy_reset") &&
              library->resolve(c.easy_setopt, "curl_easy_setopt") &&
              library->resolve(c.easy_perform, "curl_easy_perform") &&
              library->resolve(c.easy_getinfo, "curl_easy_getinfo") &&
              library->resolve(c.easy_strerror, "curl_easy_strerror") &&
              library->resolve(c.slist_append, "curl_slist_append") &&
              library->resolve(c.slist_free_all, "curl_slist_free_all");
    if (!ok) return std::unexpected(library->missing());
    if (c.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return std::unexpected("libcurl could not start (curl_global_init failed)");
    return c;
}

} // namespace

std::expected<const CurlLibrary*, std::string> curlLibrary() {
    static const std::expected<CurlLibrary, std::string> loaded = load();
    if (!loaded) return std::unexpected("the network library is missing: " + loaded.error());
    return &*loaded;
}

} // namespace passerelle::sync
