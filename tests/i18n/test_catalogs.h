#pragma once
// Writes small catalogs into a temporary folder, for tests that need exact messages.
#include "temp_dir.h"

#include <fstream>
#include <string>

namespace passerelle::test {

inline void writeCatalog(const TempDir& dir, const std::string& name, const std::string& json) {
    std::ofstream(dir / name, std::ios::binary) << json;
}

} // namespace passerelle::test
