#pragma once
#include <filesystem>

namespace passerelle::app {

// Where the kiosk's read-only files are: $PASSERELLE_SHARE_DIR, else <prefix>/share/passerelle next
// to the installed binary, else the source tree (developer builds).
std::filesystem::path shareDir();
std::filesystem::path localesDir();
std::filesystem::path demoKeysDir();
std::filesystem::path demoPackFile(); // built by the build into <build>/assets/demo.ppack

} // namespace passerelle::app
