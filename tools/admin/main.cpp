// passerelle-admin: what the city IT team does by hand. See `passerelle-admin help`.
#include "arguments.h"
#include "export_submissions.h"

#include "passerelle/city/http/pack_directory.h"
#include "passerelle/city/store/city_store.h"
#include "passerelle/common/files.h"
#include "passerelle/common/keys.h"
#include "passerelle/sync/protocol/enrolment_code.h"
#include "passerelle/sync/protocol/signing.h"
#include "passerelle/version.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace passerelle;

namespace {

constexpr const char* kUsage =
    R"(passerelle-admin: city keys, kiosk enrolment and decrypted exports.

usage:
  passerelle-admin keys create --out DIR
      make the city key pairs: city-sealing.{public,secret} (X25519, kiosks seal submissions to it)
      and city-signing.{public,secret} (Ed25519, signs packs, kiosk configuration and server answers)
  passerelle-admin enrol-code --db URL [--valid-days 7] [--count 1]
      print one-time enrolment codes for new kiosks
  passerelle-admin kiosks --db URL
      list enrolled kiosks with their last sync
  passerelle-admin revoke KIOSK-ID --db URL
      refuse every further request from this kiosk (a lost or stolen kiosk)
  passerelle-admin export --db URL --service ID --format csv|json --key city-sealing.secret [--out FILE]
      decrypt the submissions of one service (--service all for every service)
  passerelle-admin config set FILE.json --db URL --signing-key city-signing.secret [--kiosk ID]
      sign a kiosk configuration and publish it (to every kiosk, or to one)
  passerelle-admin pack add FILE --data-dir DIR   (or --packs DIR)
      offer a content pack to the kiosks of the city server using DIR

--db URL: sqlite:///var/lib/passerelle-city/city.sqlite or postgresql://user:pass@host/db;
          --data-dir DIR alone means sqlite://DIR/city.sqlite (the server's default).
)";

std::int64_t nowUnix() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string formatTime(std::optional<std::int64_t> unix) {
    if (!unix) return "never";
    std::time_t t = static_cast<std::time_t>(*unix);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::ostringstream out;
    out << std::put_time(&tm, "%Y-%m-%d %H:%M UTC");
    return out.str();
}

int fail(const std::string& message) {
    std::cerr << "passerelle-admin: " << message << "\n";
    return 1;
}

std::expected<std::unique_ptr<city::CityStore>, std::string> openStore(const admin::Arguments& a) {
    std::string url = a.get("db");
    if (url.empty() && a.has("data-dir"))
        url = "sqlite://" + (std::filesystem::path(a.get("data-dir")) / "city.sqlite").string();
    if (url.empty())
        return std::unexpected("--db URL is required (or --data-dir DIR of the city server)");
    if (url.rfind("sqlite://", 0) == 0 || url.find("://") == std::string::npos) {
        auto path = url.rfind("sqlite://", 0) == 0 ? url.substr(9) : url;
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            return std::unexpected("no city database at " + path +
                                   " (start passerelle-city once, or check --db)");
    }
    return city::CityStore::open(url, 1);
}

int keysCreate(const admin::Arguments& a) {
    if (!a.has("out")) return fail("keys create needs --out DIR");
    std::filesystem::path dir = a.get("out");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    for (auto name : {"city-sealing.secret", "city-signing.secret"})
        if (std::filesystem::exists(dir / name, ec))
            return fail((dir / name).string() +
                        " already exists; refusing to overwrite a city key");
    auto sealing = SealingKeyPair::generate();
    auto signing = SigningKeyPair::generate();
    const std::string secretNote =
        "City secret key: keep it on city machines only, never on a kiosk.";
    for (auto result :
         {writeKeyFile(dir / "city-sealing.public", KeyKind::X25519Public, sealing.publicKey,
                       "City sealing public key: install on kiosks (they seal submissions to it)."),
          writeKeyFile(dir / "city-sealing.secret", KeyKind::X25519Secret,
                       sealing.secretKey.bytes(),
                       secretNote + "\nOnly `passerelle-admin export` needs it."),
          writeKeyFile(dir / "city-signing.public", KeyKind::Ed25519Public, signing.publicKey,
                       "City signing public key: kiosks trust packs, configuration and answers "
                       "signed by it."),
          writeKeyFile(dir / "city-signing.secret", KeyKind::Ed25519Secret,
                       signing.secretKey.bytes(),
                       secretNote + "\nThe city server (--signing-key) and pack signing need it.")})
        if (!result) return fail(result.error());
    std::cout << "city keys written to " << dir.string() << "\n"
              << "  sealing key id " << keyId(sealing.publicKey) << ", signing key id "
              << keyId(signing.publicKey) << "\n";
    return 0;
}

int enrolCode(const admin::Arguments& a) {
    auto store = openStore(a);
    if (!store) return fail(store.error());
    auto days = std::stol(a.get("valid-days", "7"));
    auto count = std::stol(a.get("count", "1"));
    auto now = nowUnix();
    for (long i = 0; i < count; ++i) {
        auto code = sync::newEnrolmentCode();
        if (auto ok = (*store)->addEnrolmentCode(code, now + days * 86400, false, now); !ok)
            return fail(ok.error());
        std::cout << code << "\n";
    }
    std::cerr << "valid once each, until " << formatTime(now + days * 86400) << "\n";
    return 0;
}

int listKiosks(const admin::Arguments& a) {
    auto store = openStore(a);
    if (!store) return fail(store.error());
    auto kiosks = (*store)->kiosks();
    if (!kiosks) return fail(kiosks.error());
    if (kiosks->empty()) {
        std::cout << "no kiosk enrolled yet (make a code with passerelle-admin enrol-code)\n";
        return 0;
    }
    std::cout << std::left << std::setw(18) << "KIOSK" << std::setw(10) << "STATE" << std::setw(22)
              << "LAST SYNC" << std::setw(12) << "RECORDS"
              << "NAME\n";
    for (const auto& k : *kiosks)
        std::cout << std::setw(18) << k.kioskId << std::setw(10)
                  << (k.revokedAt ? "revoked" : "active") << std::setw(22)
                  << formatTime(k.lastSyncAt) << std::setw(12) << k.submissions << k.name << "\n";
    return 0;
}

int revoke(const admin::Arguments& a) {
    if (a.positional.size() != 2) return fail("usage: passerelle-admin revoke KIOSK-ID --db URL");
    auto store = openStore(a);
    if (!store) return fail(store.error());
    auto done = (*store)->revoke(a.positional[1], nowUnix());
    if (!done) return fail(done.error());
    if (!*done) return fail("no kiosk " + a.positional[1] + " (see passerelle-admin kiosks)");
    std::cout << "kiosk " << a.positional[1]
              << " revoked: the city refuses its requests from now on\n";
    return 0;
}

int exportCommand(const admin::Arguments& a) {
    if (!a.has("service") || !a.has("key"))
        return fail("usage: passerelle-admin export --db URL --service ID --format csv|json --key "
                    "city-sealing.secret");
    auto key = readSecretKeyFile(a.get("key"), KeyKind::X25519Secret);
    if (!key)
        return fail("cannot read the sealing secret key " + a.get("key") + ": " + key.error());
    auto store = openStore(a);
    if (!store) return fail(store.error());
    auto service = a.get("service") == "all" ? std::string{} : a.get("service");
    auto submissions = (*store)->submissions(service);
    if (!submissions) return fail(submissions.error());
    std::ofstream file;
    if (a.has("out")) {
        file.open(a.get("out"), std::ios::binary | std::ios::trunc);
        if (!file) return fail("cannot write " + a.get("out"));
    }
    std::ostream& out = a.has("out") ? static_cast<std::ostream&>(file) : std::cout;
    auto report = admin::exportSubmissions(*submissions, *key, a.get("format", "csv"), out);
    if (!report) return fail(report.error());
    for (const auto& failure : report->failures)
        std::cerr << "passerelle-admin: not exported: " << failure << "\n";
    std::cerr << report->exported << " submission(s) exported";
    if (!report->failures.empty()) {
        std::cerr << ", " << report->failures.size()
                  << " could not be read (is this the city's sealing key?)\n";
        return 1;
    }
    std::cerr << "\n";
    return 0;
}

int configSet(const admin::Arguments& a) {
    if (a.positional.size() != 3 || !a.has("signing-key"))
        return fail("usage: passerelle-admin config set FILE.json --db URL --signing-key "
                    "city-signing.secret");
    auto text = readFile(a.positional[2], 1 << 20);
    if (!text) return fail(text.error());
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return fail(a.positional[2] + " is not a JSON object");
    auto secret = readSecretKeyFile(a.get("signing-key"), KeyKind::Ed25519Secret);
    if (!secret) return fail("cannot read the signing key: " + secret.error());
    SigningKeyPair pair;
    std::copy(secret->data() + 32, secret->data() + 64, pair.publicKey.begin());
    pair.secretKey = std::move(*secret);
    auto store = openStore(a);
    if (!store) return fail(store.error());
    auto scope = a.get("kiosk", "default");
    if (auto ok = (*store)->setConfig(scope, sync::encode(sync::signConfig(pair, parsed.dump())),
                                      nowUnix());
        !ok)
        return fail(ok.error());
    std::cout << "configuration signed by key " << keyId(pair.publicKey) << " and published for "
              << (scope == "default" ? "every kiosk" : "kiosk " + scope) << "\n";
    return 0;
}

int packAdd(const admin::Arguments& a) {
    if (a.positional.size() != 3)
        return fail("usage: passerelle-admin pack add FILE --data-dir DIR");
    std::filesystem::path folder = a.has("packs")
                                       ? std::filesystem::path(a.get("packs"))
                                       : std::filesystem::path(a.get("data-dir")) / "packs";
    if (!a.has("packs") && !a.has("data-dir"))
        return fail("pack add needs --data-dir DIR (or --packs DIR)");
    auto added = city::PackDirectory(folder).add(a.positional[2]);
    if (!added) return fail(added.error());
    std::cout << "pack " << added->name << " offered to kiosks (hash " << added->hash << ", "
              << added->size << " bytes)\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "passerelle-admin " << PASSERELLE_VERSION << "\n";
        return 0;
    }
    auto parsed = admin::parseArguments(args, {});
    if (!parsed) return fail(parsed.error());
    initSodium();
    const auto& a = *parsed;
    const auto& command = a.positional.at(0);
    try {
        if (command == "keys" && a.positional.size() == 2 && a.positional[1] == "create")
            return keysCreate(a);
        if (command == "enrol-code") return enrolCode(a);
        if (command == "kiosks") return listKiosks(a);
        if (command == "revoke") return revoke(a);
        if (command == "export") return exportCommand(a);
        if (command == "config" && a.positional.size() >= 2 && a.positional[1] == "set")
            return configSet(a);
        if (command == "pack" && a.positional.size() >= 2 && a.positional[1] == "add")
            return packAdd(a);
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return fail("unknown command '" + command + "' (see passerelle-admin help)");
}
