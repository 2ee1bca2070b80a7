#include "core_test_support.h"

#include "passerelle/common/files.h"
#include "temp_dir.h"

#include <array>
#include <cstdio>
#include <sodium.h>
#include <stdexcept>
#include <sys/wait.h>

namespace passerelle::test {

std::filesystem::path demoKeysDir() {
    return sourceDir() / "assets" / "demo-keys";
}

PublicKey demoCitySealingPublic() {
    auto key = readPublicKeyFile(demoKeysDir() / "city-sealing.public", KeyKind::X25519Public);
    if (!key) throw std::runtime_error(key.error());
    return *key;
}

SecretBytes demoCitySealingSecret() {
    auto key = readSecretKeyFile(demoKeysDir() / "city-sealing.secret", KeyKind::X25519Secret);
    if (!key) throw std::runtime_error(key.error());
    return std::move(*key);
}

std::optional<std::string> openSealed(const std::vector<std::uint8_t>& sealed,
                                      const PublicKey& publicKey, const SecretBytes& secretKey) {
    if (sealed.size() < crypto_box_SEALBYTES) return std::nullopt;
    std::string plain(sealed.size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), sealed.data(),
                             sealed.size(), publicKey.data(), secretKey.data()) != 0)
        return std::nullopt;
    return plain;
}

CommandResult runCommand(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        result.output.append(buffer.data(), n);
    int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::vector<std::filesystem::path> filesUnder(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
        if (entry.is_regular_file()) files.push_back(entry.path());
    return files;
}

bool fileContains(const std::filesystem::path& file, const std::string& needle) {
    auto content = readFile(file, 1u << 30);
    if (!content) throw std::runtime_error(content.error());
    return content->find(needle) != std::string::npos;
}

} // namespace passerelle::test
