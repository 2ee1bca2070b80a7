#pragma once
#include "core/pack/content_rows.h"
#include "core/pack/pack.h"

#include <expected>
#include <string>

namespace passerelle::pack::detail {

// Builds the content model from the rows of a pack, checking every rule of the format
// (manifest fields, ids, media names, references, conditions, patterns). Called only after the
// signature verified; also the entry point of the fuzz target, so it must refuse anything odd.
std::expected<PackContent, std::string> loadContent(const PackRows& rows);

// String keys the writer gives each text (kept here so writer and docs agree).
std::string_view manifestTitleKey();

} // namespace passerelle::pack::detail
