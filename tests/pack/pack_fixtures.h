#pragma once
#include "core/pack/pack.h"
#include "core/pack/pack_writer.h"

#include "passerelle/common/keys.h"

#include <filesystem>
#include <string>
#include <vector>

namespace passerelle::test {

// A small but complete pack: 1 lesson with an image and a quiz, 1 e-service with a condition.
pack::PackSource samplePack(const std::string& id = "org.example.test",
                            const std::string& version = "1.0.0");

// The demo key pairs in assets/demo-keys ("city-signing", "partner-signing").
SecretBytes demoSecretKey(const std::string& name);
PublicKey demoPublicKey(const std::string& name);
std::vector<pack::TrustedKey> trustCity();           // city only
std::vector<pack::TrustedKey> trustCityAndPartner(); // both publishers

// Writes and signs `source` into `path` (with the named demo key); aborts the test on failure.
std::filesystem::path writeSigned(const pack::PackSource& source, const std::filesystem::path& path,
                                  const std::string& keyName = "city-signing");

// Runs SQL on a pack file directly (to tamper with it, or prepare a malformed pack).
void execSql(const std::filesystem::path& path, const std::string& sql);

// First column of the first row of a query, as text.
std::string queryText(const std::filesystem::path& path, const std::string& sql);

Bytes readAll(const std::filesystem::path& path);
void writeAll(const std::filesystem::path& path, const Bytes& bytes);

} // namespace passerelle::test
