#include "server_options.h"

#include "passerelle/common/files.h"
#include "passerelle/version.h"

#include <charconv>
#include <map>
#include <sstream>

namespace passerelle::city {

std::string serverUsage() {
    return R"(passerelle-city: the city server kiosks sync with.

usage: passerelle-city --data-dir DIR [--listen HOST:PORT] [--db URL] [options]

  --data-dir DIR        where the city keeps its SQLite database and content packs
  --listen HOST:PORT    address to listen on (default 127.0.0.1:8470; port 0 = any free port)
  --db URL              sqlite:///path/city.sqlite (default: DIR/city.sqlite) or
                        postgresql://user:password@host:5432/database[?schema=name]
  --signing-key FILE    the city's Ed25519 signing secret key (default DIR/keys/city-signing.secret);
                        answers and kiosk configuration are signed with it
  --packs DIR           content packs offered to kiosks (default DIR/packs)
  --max-body-bytes N    largest request accepted (default 8388608)
  --clock-skew SECONDS  accepted difference between kiosk and city clocks (default 300)
  --config FILE         read options from FILE ("key = value" lines, keys = option names)
  --demo                demo mode: use the DEMO keys from assets/demo-keys, publish a demo kiosk
                        configuration and accept the demo enrolment code DEMO-DEMO-DEMO
  --source-dir DIR      source tree holding assets/demo-keys (default: the build's source tree)
  --help                show this help
  --version             show the version

Make the city keys with `passerelle-admin keys create --out DIR`, and one-time enrolment codes
for kiosks with `passerelle-admin enrol-code --db URL`.
)";
}

namespace {

std::string trim(std::string text) {
    auto start = text.find_first_not_of(" \t\r");
    auto end = text.find_last_not_of(" \t\r");
    return start == std::string::npos ? std::string{} : text.substr(start, end - start + 1);
}

template <class T>
std::expected<T, std::string> number(const std::string& name, const std::string& text) {
    T value{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::unexpected("--" + name + " needs a number, not '" + text + "'");
    return value;
}

std::expected<void, std::string> apply(ServerOptions& o, const std::string& name,
                                       const std::string& value) {
    if (name == "data-dir")
        o.dataDir = value;
    else if (name == "listen") {
        auto colon = value.rfind(':');
        if (colon == std::string::npos)
            return std::unexpected("--listen needs HOST:PORT, e.g. 127.0.0.1:8470");
        o.listenHost = value.substr(0, colon);
        auto port = number<int>(name, value.substr(colon + 1));
        if (!port || *port < 0 || *port > 65535)
            return std::unexpected("--listen has an invalid port: " + value);
        o.listenPort = *port;
    } else if (name == "db")
        o.databaseUrl = value;
    else if (name == "signing-key")
        o.signingKey = value;
    else if (name == "packs")
        o.packFolder = value;
    else if (name == "source-dir")
        o.sourceDir = value;
    else if (name == "max-body-bytes") {
        auto n = number<std::size_t>(name, value);
        if (!n) return std::unexpected(n.error());
        o.maxBodyBytes = *n;
    } else if (name == "clock-skew") {
        auto n = number<long>(name, value);
        if (!n) return std::unexpected(n.error());
        o.clockSkewSeconds = *n;
    } else if (name == "demo")
        o.demo = value.empty() || value == "true" || value == "yes" || value == "1";
    else
        return std::unexpected("unknown option '" + name + "' (see passerelle-city --help)");
    return {};
}

std::expected<void, std::string>
applyConfigFile(ServerOptions& o, const std::filesystem::path& file,
                const std::map<std::string, bool>& givenOnCommandLine) {
    auto text = readFile(file, 1 << 20);
    if (!text)
        return std::unexpected("cannot read the config file " + file.string() + ": " +
                               text.error());
    std::istringstream lines(*text);
    int number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        line = trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        auto equals = line.find('=');
        if (equals == std::string::npos)
            return std::unexpected(file.string() + " line " + std::to_string(number) +
                                   ": expected 'key = value'");
        auto key = trim(line.substr(0, equals));
        if (givenOnCommandLine.contains(key)) continue;
        if (auto ok = apply(o, key, trim(line.substr(equals + 1))); !ok)
            return std::unexpected(file.string() + " line " + std::to_string(number) + ": " +
                                   ok.error());
    }
    return {};
}

} // namespace

std::expected<ServerOptions, std::string> parseServerOptions(const std::vector<std::string>& args) {
    ServerOptions o;
    std::map<std::string, bool> given;
    std::filesystem::path configFile;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& arg = args[i];
        if (arg == "--help" || arg == "-h")
            o.help = true;
        else if (arg == "--version")
            o.version = true;
        else if (arg == "--demo") {
            o.demo = true;
            given["demo"] = true;
        } else if (arg.rfind("--", 0) == 0) {
            auto name = arg.substr(2);
            std::string value;
            if (auto equals = name.find('='); equals != std::string::npos) {
                value = name.substr(equals + 1);
                name = name.substr(0, equals);
            } else if (i + 1 < args.size())
                value = args[++i];
            else
                return std::unexpected(arg + " needs a value (see passerelle-city --help)");
            if (name == "config")
                configFile = value;
            else {
                if (auto ok = apply(o, name, value); !ok) return std::unexpected(ok.error());
                given[name] = true;
            }
        } else
            return std::unexpected("unexpected argument '" + arg +
                                   "' (see passerelle-city --help)");
    }
    if (o.help || o.version) return o;
    if (!configFile.empty())
        if (auto ok = applyConfigFile(o, configFile, given); !ok)
            return std::unexpected(ok.error());
    if (o.dataDir.empty())
        return std::unexpected("--data-dir is required (see passerelle-city --help)");
    if (o.databaseUrl.empty()) o.databaseUrl = "sqlite://" + (o.dataDir / "city.sqlite").string();
    if (o.sourceDir.empty()) o.sourceDir = PASSERELLE_SOURCE_DIR;
    if (o.signingKey.empty())
        o.signingKey = o.demo ? o.sourceDir / "assets/demo-keys/city-signing.secret"
                              : o.dataDir / "keys/city-signing.secret";
    if (o.packFolder.empty()) o.packFolder = o.dataDir / "packs";
    return o;
}

} // namespace passerelle::city
