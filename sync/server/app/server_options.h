#pragma once
// Command line and config file of passerelle-city. The config file has one "key = value" per
// line ('#' starts a comment); keys are the long option names without "--", e.g.
//   data-dir = /var/lib/passerelle-city
//   listen = 0.0.0.0:8470
//   db = postgresql://passerelle@localhost/passerelle
//   signing-key = /etc/passerelle/city-signing.secret
// Command-line options win over the file.
#include <expected>
#include <filesystem>
#include <string>
#include <vector>

namespace passerelle::city {

struct ServerOptions {
    std::filesystem::path dataDir;
    std::string listenHost = "127.0.0.1";
    int listenPort = 8470;
    std::string databaseUrl; // default: sqlite://<data-dir>/city.sqlite
    std::filesystem::path
        signingKey; // default: <data-dir>/keys/city-signing.secret (demo: demo key)
    std::filesystem::path packFolder; // default: <data-dir>/packs
    std::filesystem::path sourceDir;  // for --demo: where assets/demo-keys is
    std::size_t maxBodyBytes = 8u << 20;
    long clockSkewSeconds = 300;
    bool demo = false;
    bool help = false;
    bool version = false;
};

std::string serverUsage();
std::expected<ServerOptions, std::string> parseServerOptions(const std::vector<std::string>& args);

} // namespace passerelle::city
