#pragma once
#include <cstdint>
#include <expected>
#include <filesystem>
#include <string>

namespace passerelle {

struct Quarantined {
    std::filesystem::path keptAs;          // kiosk.db.corrupt-<UTC time>
    std::int64_t lastSequenceSalvaged = 0; // highest sequence still readable in the old file
    std::string staffMessage;              // recorded as a status event
};

// Renames a damaged database and its -wal/-shm/-journal companions to
// "<name>.corrupt-<YYYYMMDDTHHMMSSZ>[-wal|-shm|-journal]" in the same folder (kept, never deleted;
// the names still belong together so SQLite tools can open the set), then reads what it can of
// the old sequence counter.
std::expected<Quarantined, std::string> quarantineDatabase(const std::filesystem::path& path,
                                                           const std::string& reason);

} // namespace passerelle
