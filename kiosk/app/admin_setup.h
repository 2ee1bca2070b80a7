#pragma once
#include <filesystem>
#include <string>

namespace passerelle::app {

// `passerelle-kiosk --create-admin NAME`: creates the kiosk's first admin account in the store
// under `dataDir`. Reads the PIN twice from stdin (without echo on a terminal). Refuses when an
// admin exists already (add more staff from the staff panel). Returns the process exit code.
int createFirstAdmin(const std::filesystem::path& dataDir, const std::string& name);

} // namespace passerelle::app
