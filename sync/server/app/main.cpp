// passerelle-city: the HTTP server kiosks sync with. See `passerelle-city --help` and docs/sync.md.
#include "server_options.h"

#include "passerelle/city/http/city_server.h"
#include "passerelle/city/store/city_store.h"
#include "passerelle/sync/protocol/constants.h"
#include "passerelle/sync/protocol/signing.h"
#include "passerelle/version.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <pthread.h>
#include <thread>

using namespace passerelle;

namespace {

std::int64_t nowUnix() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::expected<SigningKeyPair, std::string> loadSigningKey(const std::filesystem::path& file) {
    auto secret = readSecretKeyFile(file, KeyKind::Ed25519Secret);
    if (!secret)
        return std::unexpected(
            "cannot read the city signing key " + file.string() + ": " + secret.error() +
            "\nMake the city keys with `passerelle-admin keys create --out DIR` and pass "
            "--signing-key DIR/city-signing.secret (or use --demo for a local demo).");
    SigningKeyPair pair;
    std::copy(secret->data() + 32, secret->data() + 64,
              pair.publicKey.begin()); // libsodium: seed || public
    pair.secretKey = std::move(*secret);
    return pair;
}

// The demo city publishes a configuration that trusts the demo signing key (clearly marked).
std::expected<void, std::string> prepareDemo(city::CityStore& store,
                                             const SigningKeyPair& signing) {
    auto now = nowUnix();
    if (auto ok =
            store.addEnrolmentCode(sync::kDemoEnrolmentCode, now + 10LL * 365 * 86400, true, now);
        !ok)
        return ok;
    auto existing = store.config("default");
    if (!existing) return std::unexpected(existing.error());
    if (*existing) return {};
    nlohmann::json config{
        {"demo", true},
        {"city", "Demo city (DEMO CONFIGURATION)"},
        {"issued_at", now},
        {"trusted_publishers", {std::string("ed25519-public ") + toBase64(signing.publicKey)}},
        {"sync_interval_seconds", 60}};
    return store.setConfig("default", sync::encode(sync::signConfig(signing, config.dump())), now);
}

} // namespace

int main(int argc, char** argv) {
    auto options = city::parseServerOptions(std::vector<std::string>(argv + 1, argv + argc));
    if (!options) {
        std::cerr << "passerelle-city: " << options.error() << "\n";
        return 2;
    }
    if (options->help) {
        std::cout << city::serverUsage();
        return 0;
    }
    if (options->version) {
        std::cout << "passerelle-city " << PASSERELLE_VERSION << "\n";
        return 0;
    }
    initSodium();
    std::error_code ec;
    std::filesystem::create_directories(options->dataDir, ec);
    if (ec) {
        std::cerr << "passerelle-city: cannot create the data folder " << options->dataDir << ": "
                  << ec.message() << "\n";
        return 1;
    }
    auto signing = loadSigningKey(options->signingKey);
    if (!signing) {
        std::cerr << "passerelle-city: " << signing.error() << "\n";
        return 1;
    }
    auto store = city::CityStore::open(options->databaseUrl, 4);
    if (!store) {
        std::cerr << "passerelle-city: " << store.error() << "\n";
        return 1;
    }
    if (options->demo) {
        if (auto ok = prepareDemo(**store, *signing); !ok) {
            std::cerr << "passerelle-city: cannot prepare the demo: " << ok.error() << "\n";
            return 1;
        }
    }

    // Block SIGINT/SIGTERM in every thread; one thread waits for them and stops the server cleanly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    city::CityServerOptions serverOptions;
    serverOptions.packFolder = options->packFolder;
    serverOptions.maxBodyBytes = options->maxBodyBytes;
    serverOptions.clockSkewSeconds = options->clockSkewSeconds;
    city::CityServer server(serverOptions, **store, std::move(*signing));
    auto port = server.bind(options->listenHost, options->listenPort);
    if (!port) {
        std::cerr << "passerelle-city: " << port.error() << "\n";
        return 1;
    }
    std::thread stopper([&] {
        int received = 0;
        sigwait(&signals, &received);
        std::fprintf(stderr, "passerelle-city: stopping (signal %d)\n", received);
        server.stop();
    });
    stopper.detach();

    if (options->demo)
        std::cout << "DEMO MODE: demo keys from "
                  << (options->sourceDir / "assets/demo-keys").string()
                  << " (never use them for a real city); demo enrolment code: "
                  << sync::kDemoEnrolmentCode << "\n";
    std::cout << "passerelle-city " << PASSERELLE_VERSION << " listening on http://"
              << options->listenHost << ":" << *port << " (database: " << (*store)->url().describe()
              << ")" << std::endl;
    server.run();
    return 0;
}
