#pragma once
// Helpers shared by the core tests: the demo city keys, opening sealed records, running a
// subprocess, scanning files.
#include "passerelle/common/keys.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace passerelle::test {

std::filesystem::path demoKeysDir();
PublicKey demoCitySealingPublic();
SecretBytes demoCitySealingSecret(); // DEMO key, read from the source tree by tests only

// crypto_box_seal_open with the given key pair; nullopt if it does not open.
std::optional<std::string> openSealed(const std::vector<std::uint8_t>& sealed,
                                      const PublicKey& publicKey, const SecretBytes& secretKey);

// Runs a command through /bin/sh, returns its exit code and stdout.
struct CommandResult {
    int exitCode = -1;
    std::string output;
};
CommandResult runCommand(const std::string& command);

// Every regular file under `root` (recursively).
std::vector<std::filesystem::path> filesUnder(const std::filesystem::path& root);
// True if `needle` occurs anywhere in the file's bytes.
bool fileContains(const std::filesystem::path& file, const std::string& needle);

} // namespace passerelle::test
