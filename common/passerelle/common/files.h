#pragma once
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

namespace passerelle {

// Writes via a temporary file in the same folder, fsyncs it, renames it over `path` and fsyncs the
// folder, so a power cut leaves either the old or the new content, never a mix.
// `mode` is applied before any byte is written (0600 for secrets).
std::expected<void, std::string> writeFileAtomic(const std::filesystem::path& path,
                                                 std::string_view content, unsigned mode = 0644);

std::expected<std::string, std::string> readFile(const std::filesystem::path& path,
                                                 std::size_t maxBytes = 64u << 20);

} // namespace passerelle
