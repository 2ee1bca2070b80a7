#pragma once
#include "passerelle/city/store/sql_connection.h"

namespace passerelle::city {

// Creates the city tables if they do not exist (safe to run from several processes at once).
// The UNIQUE (kiosk_id, sequence) constraint is what makes uploads idempotent, not code.
std::expected<void, std::string> createSchema(SqlConnection& db);

} // namespace passerelle::city
