// passerelle-pack: build, sign, verify, inspect and lint Passerelle content packs.
#include "lint.h"
#include "source_loader.h"

#include "core/pack/limits.h"
#include "core/pack/pack.h"
#include "core/pack/pack_writer.h"

#include "passerelle/common/keys.h"
#include "passerelle/version.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace passerelle;

namespace {

const char* kUsage =
    R"(passerelle-pack — build, sign, verify, inspect and lint Passerelle content packs

Usage: passerelle-pack <command> [options]     (passerelle-pack <command> --help for details)

Commands:
  build <source-folder> -o <out.ppack>     build an unsigned pack from a source folder
  sign <pack> --key <secret-key-file>      sign a pack with the publisher's Ed25519 key
  verify <pack> --trust <public-key-file>...  check a pack as a kiosk would
  inspect <pack>                           print a human summary of a pack
  lint <source-folder>                     report problems in a source folder

See docs/pack-format.md for the source folder and pack formats.
)";

const char* kBuildHelp = R"(Usage: passerelle-pack build <source-folder> -o <out.ppack>

Reads <source-folder>/pack.json, lessons/*.json, services/*.json and media/*, checks them and
writes an UNSIGNED pack. Sign it next with `passerelle-pack sign`. Errors are printed as
"file:json-pointer: message" and nothing is written. Exit status: 0 built, 1 errors, 2 usage.
)";

const char* kSignHelp = R"(Usage: passerelle-pack sign <pack> --key <secret-key-file>

Signs the pack in place with an Ed25519 secret key file ("ed25519-secret <base64>", made by
`passerelle-admin keys create`). The kiosk accepts the pack only if it trusts the matching
public key. Exit status: 0 signed, 1 error, 2 usage.
)";

const char* kVerifyHelp =
    R"(Usage: passerelle-pack verify <pack> --trust <public-key-file> [--trust <file>...]

Checks the pack exactly as a kiosk does before installing it: structure, size limits, the
signature against the given trusted public keys ("ed25519-public <base64>"), the format version
and every content rule. Exit status: 0 valid, 1 refused, 2 usage.
)";

const char* kInspectHelp = R"(Usage: passerelle-pack inspect <pack>

Prints the manifest, the signer's key id, the lessons, e-services and media of a pack. It does
NOT check who signed it; use `verify` for that. Exit status: 0, 1 unreadable pack, 2 usage.
)";

const char* kLintHelp = R"(Usage: passerelle-pack lint <source-folder>

Reports, as "file:json-pointer: message":
  - missing translations (every text needs every language listed in pack.json)
  - steps that can never be shown (conditions that cannot hold)
  - conditions on unknown fields
  - images larger than the 1280x800 screen
  - texts too long for their widget (button label 32, tile title 48, question 160, ...)
  - and every error that would stop `build`.
Exit status: 0 clean, 1 findings, 2 usage.
)";

bool wantsHelp(const std::vector<std::string>& args) {
    for (auto& a : args)
        if (a == "--help" || a == "-h") return true;
    return false;
}

int usageError(const char* help, const std::string& message) {
    std::cerr << "passerelle-pack: " << message << "\n\n" << help;
    return 2;
}

int build(const std::vector<std::string>& args) {
    if (wantsHelp(args)) return std::cout << kBuildHelp, 0;
    std::string source, out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" && i + 1 < args.size())
            out = args[++i];
        else if (source.empty())
            source = args[i];
        else
            return usageError(kBuildHelp, "unexpected argument \"" + args[i] + "\"");
    }
    if (source.empty() || out.empty())
        return usageError(kBuildHelp, "need a source folder and -o <out.ppack>");
    auto loaded = packtool::loadSource(source);
    if (!loaded.errors.empty()) {
        for (auto& e : loaded.errors)
            std::cerr << e.toString() << "\n";
        std::cerr << "passerelle-pack: " << loaded.errors.size()
                  << " error(s); nothing was written.\n";
        return 1;
    }
    if (auto ok = pack::writePack(loaded.source, out); !ok)
        return std::cerr << ok.error() << "\n", 1;
    // Read back with the kiosk's own rules, so a built pack is a pack a kiosk accepts once signed.
    if (auto check = pack::inspectPackUnverified(out); !check) {
        std::error_code ec;
        fs::remove(out, ec);
        std::cerr << "passerelle-pack: the built pack breaks a format rule: " << check.error()
                  << "\n";
        return 1;
    }
    std::cout << "Built " << out << " (" << loaded.source.manifest.id << " "
              << loaded.source.manifest.version.toString() << ": " << loaded.source.lessons.size()
              << " lessons, " << loaded.source.flows.size() << " e-services, "
              << loaded.source.media.size()
              << " media). It is NOT signed yet: run passerelle-pack sign.\n";
    return 0;
}

int sign(const std::vector<std::string>& args) {
    if (wantsHelp(args)) return std::cout << kSignHelp, 0;
    std::string packFile, keyFile;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--key" && i + 1 < args.size())
            keyFile = args[++i];
        else if (packFile.empty())
            packFile = args[i];
        else
            return usageError(kSignHelp, "unexpected argument \"" + args[i] + "\"");
    }
    if (packFile.empty() || keyFile.empty())
        return usageError(kSignHelp, "need a pack and --key <secret-key-file>");
    auto key = readSecretKeyFile(keyFile, KeyKind::Ed25519Secret);
    if (!key) return std::cerr << "passerelle-pack: " << key.error() << "\n", 1;
    auto id = pack::signPack(packFile, *key);
    if (!id) return std::cerr << "passerelle-pack: " << id.error() << "\n", 1;
    std::cout << "Signed " << packFile << " with key " << *id << ".\n";
    return 0;
}

int verify(const std::vector<std::string>& args) {
    if (wantsHelp(args)) return std::cout << kVerifyHelp, 0;
    std::string packFile;
    std::vector<pack::TrustedKey> trusted;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--trust" && i + 1 < args.size()) {
            auto key = readPublicKeyFile(args[++i], KeyKind::Ed25519Public);
            if (!key)
                return std::cerr << "passerelle-pack: " << args[i] << ": " << key.error() << "\n",
                       1;
            trusted.push_back({fs::path(args[i]).stem().string(), *key});
        } else if (packFile.empty())
            packFile = args[i];
        else
            return usageError(kVerifyHelp, "unexpected argument \"" + args[i] + "\"");
    }
    if (packFile.empty() || trusted.empty())
        return usageError(kVerifyHelp, "need a pack and at least one --trust <public-key-file>");
    auto opened = pack::openPack(packFile, trusted);
    if (!opened) return std::cerr << "REFUSED: " << opened.error() << "\n", 1;
    const auto& m = (*opened)->manifest();
    std::cout << "OK: " << m.id << " " << m.version.toString() << " signed by "
              << (*opened)->signerName() << " (key " << m.publisherKeyId << ")";
    if (m.minAppVersion > pack::appVersion())
        std::cout << "; note: needs Passerelle " << m.minAppVersion.toString() << ", this is "
                  << pack::appVersion().toString();
    std::cout << "\n";
    return 0;
}

int inspect(const std::vector<std::string>& args) {
    if (wantsHelp(args)) return std::cout << kInspectHelp, 0;
    if (args.size() != 1) return usageError(kInspectHelp, "need exactly one pack file");
    auto info = pack::inspectPackUnverified(args[0]);
    if (!info) return std::cerr << "passerelle-pack: " << info.error() << "\n", 1;
    const auto& c = info->content;
    const auto& m = c.manifest;
    const auto lang = m.languages.empty() ? std::string() : m.languages.front();
    std::string languages;
    for (auto& l : m.languages)
        languages += (languages.empty() ? "" : ", ") + l;
    std::cout << "Pack        " << m.id << " version " << m.version.toString() << "\n"
              << "Title       " << m.title.get(lang) << "\n"
              << "Languages   " << languages << "\n"
              << "Needs app   " << m.minAppVersion.toString() << " or newer\n"
              << "Created     " << m.created << "\n"
              << "Format      " << m.formatVersion << "\n"
              << "Size        " << info->fileSize << " bytes\n"
              << "Content     BLAKE2b " << toHex(info->contentHash) << "\n"
              << "Signature   "
              << (info->signatureKeyId
                      ? "by key " + *info->signatureKeyId + " (not checked: use verify)"
                      : std::string("NONE (unsigned)"))
              << "\n\nLessons (" << c.lessons.size() << ")\n";
    for (auto& l : c.lessons)
        std::cout << "  " << l.id << ": " << l.title.get(lang) << " — " << l.slides.size()
                  << " slides, " << l.quiz.size() << " quiz questions\n";
    std::cout << "\nE-services (" << c.flows.size() << ")\n";
    for (auto& f : c.flows) {
        std::size_t conditional = 0;
        for (auto& s : f.steps)
            conditional += (s.showIf || s.skipIf) ? 1 : 0;
        std::cout << "  " << f.id << ": " << f.title.get(lang) << " — " << f.steps.size()
                  << " steps (" << conditional << " conditional), sent to " << f.serviceId << "\n";
    }
    std::cout << "\nMedia (" << c.media.size() << ")\n";
    for (auto& item : c.media)
        std::cout << "  " << item.name << " " << item.mime << " " << item.size << " bytes\n";
    return 0;
}

int lintCommand(const std::vector<std::string>& args) {
    if (wantsHelp(args)) return std::cout << kLintHelp, 0;
    if (args.size() != 1) return usageError(kLintHelp, "need exactly one source folder");
    auto findings = packtool::lint(packtool::loadSource(args[0]));
    for (auto& f : findings)
        std::cout << f.toString() << "\n";
    if (findings.empty())
        std::cout << "No problems found.\n";
    else
        std::cout << findings.size() << " problem(s).\n";
    return findings.empty() ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version")
        return std::cout << "passerelle-pack " << PASSERELLE_VERSION << "\n", 0;
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "build") return build(args);
        if (command == "sign") return sign(args);
        if (command == "verify") return verify(args);
        if (command == "inspect") return inspect(args);
        if (command == "lint") return lintCommand(args);
    } catch (const std::exception& e) {
        std::cerr << "passerelle-pack: " << e.what() << "\n";
        return 1;
    }
    std::cerr << "passerelle-pack: unknown command \"" << command << "\"\n\n" << kUsage;
    return 2;
}
