#pragma once
// The city's HTTP API (see sync/openapi.yaml): enrolment, outbox upload, signed configuration,
// content packs, stats/audit documents, learner progress, /health and /metrics.
#include "passerelle/city/http/metrics.h"
#include "passerelle/city/http/pack_directory.h"
#include "passerelle/city/store/city_store.h"
#include "passerelle/common/keys.h"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace passerelle::city {

struct CityServerOptions {
    std::filesystem::path packFolder;
    std::size_t maxBodyBytes = 8u << 20;
    std::int64_t clockSkewSeconds = 300;
    std::function<std::int64_t()> now; // unix seconds; the system clock when empty
    bool logRequests = true;
};

class CityServer {
  public:
    // `citySigning` signs every answer to a kiosk (and is the key kiosks know the city by).
    CityServer(CityServerOptions options, CityStore& store, SigningKeyPair citySigning);
    ~CityServer();
    // Binds host:port (port 0 = any free port); returns the bound port.
    std::expected<int, std::string> bind(const std::string& host, int port);
    void run();  // serves until stop()
    void stop(); // safe from another thread or a signal-handling thread

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace passerelle::city
