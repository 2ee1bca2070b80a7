// Prints the median time to verify and to install a 50 MB content pack, against baselines
// measured in the same run: copying the file with fsync, and hashing its bytes with BLAKE2b.
#include "core/pack/pack.h"
#include "core/pack/pack_library.h"
#include "core/pack/pack_writer.h"

#include "passerelle/common/encoding.h"
#include "passerelle/common/files.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <unistd.h>
#include <vector>

using namespace passerelle;
namespace fs = std::filesystem;

namespace {

double millis(const std::function<void()>& work) {
    auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

LocalizedText text(const std::string& s) {
    return LocalizedText{{{"en", s}, {"fr", s + " (fr)"}}};
}

pack::PackSource fiftyMegabytes() {
    pack::PackSource s;
    s.manifest.id = "org.example.bench";
    s.manifest.version = {1, 0, 0};
    s.manifest.title = text("Benchmark pack");
    s.manifest.languages = {"en", "fr"};
    s.manifest.minAppVersion = {0, 1, 0};
    s.manifest.created = "2026-11-29T00:00:00Z";
    for (int l = 0; l < 20; ++l) {
        lesson::Lesson lesson;
        lesson.id = "lesson" + std::to_string(l);
        lesson.title = text("Lesson " + std::to_string(l));
        for (int i = 0; i < 6; ++i)
            lesson.slides.push_back({text(std::string(400, 'a' + char(i))), "", {}});
        s.lessons.push_back(lesson);
    }
    // 7 media items of 7 MB of random bytes (nothing for SQLite or the hash to shortcut).
    for (int m = 0; m < 7; ++m) {
        Bytes bytes(7u << 20);
        randombytes_buf(bytes.data(), bytes.size());
        s.media.push_back({"media" + std::to_string(m) + ".png", "image/png", std::move(bytes)});
    }
    return s;
}

} // namespace

int main(int argc, char** argv) {
    initSodium();
    const int runs = argc > 1 ? std::max(3, std::atoi(argv[1])) : 7;
    char pattern[] = "/tmp/passerelle-pack-bench-XXXXXX";
    if (!::mkdtemp(pattern)) return 1;
    const fs::path dir = pattern;

    auto keys = SigningKeyPair::generate();
    const std::vector<pack::TrustedKey> trusted = {{"bench", keys.publicKey}};
    const fs::path packPath = dir / "bench.ppack";
    double buildMs = millis([&] {
        if (!pack::writePack(fiftyMegabytes(), packPath)) std::exit(1);
    });
    double signMs = millis([&] {
        if (!pack::signPack(packPath, keys.secretKey)) std::exit(1);
    });
    const auto size = fs::file_size(packPath);
    std::printf("pack: %.1f MB (%d runs; build %.0f ms, sign %.0f ms, once)\n",
                double(size) / (1 << 20), runs, buildMs, signMs);

    std::vector<double> copy, hash, verify, install;
    for (int r = 0; r < runs; ++r) {
        const fs::path target = dir / ("copy" + std::to_string(r));
        copy.push_back(millis([&] {
            auto bytes = readFile(packPath, 512u << 20);
            if (!bytes || !writeFileAtomic(target, *bytes)) std::exit(1);
        }));
        fs::remove(target);
        hash.push_back(millis([&] {
            auto bytes = readFile(packPath, 512u << 20);
            if (!bytes) std::exit(1);
            (void)blake2b256(asBytes(*bytes));
        }));
        verify.push_back(millis([&] {
            auto opened = pack::openPack(packPath, trusted);
            if (!opened) {
                std::fprintf(stderr, "%s\n", opened.error().c_str());
                std::exit(1);
            }
        }));
        const fs::path data = dir / ("data" + std::to_string(r));
        install.push_back(millis([&] {
            pack::PackLibrary library(data, trusted);
            auto installed = library.install(packPath);
            if (!installed) {
                std::fprintf(stderr, "%s\n", installed.error().c_str());
                std::exit(1);
            }
        }));
        fs::remove_all(data);
    }
    const double copyMs = median(copy), hashMs = median(hash);
    std::printf("baseline copy + fsync:        median %8.1f ms\n", copyMs);
    std::printf("baseline read + BLAKE2b:      median %8.1f ms\n", hashMs);
    std::printf("verify (openPack):            median %8.1f ms  (%.2fx read+hash)\n",
                median(verify), median(verify) / hashMs);
    std::printf("install (copy+verify+switch): median %8.1f ms  (%.2fx copy, %.0f MB/s)\n",
                median(install), median(install) / copyMs,
                double(size) / (1 << 20) / (median(install) / 1000));
    fs::remove_all(dir);
    return 0;
}
