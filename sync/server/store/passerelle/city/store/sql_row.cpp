#include "passerelle/city/store/sql_connection.h"

#include <charconv>
#include <stdexcept>

namespace passerelle::city {

std::int64_t SqlRow::integer(std::size_t i) const {
    auto value = optionalInteger(i);
    if (!value) throw std::runtime_error("database returned NULL where a number was expected");
    return *value;
}

std::optional<std::int64_t> SqlRow::optionalInteger(std::size_t i) const {
    const auto& cell = cells_.at(i);
    if (!cell) return std::nullopt;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(cell->data(), cell->data() + cell->size(), value);
    if (ec != std::errc())
        throw std::runtime_error("database returned a malformed number: " + *cell);
    return value;
}

Bytes SqlRow::blob(std::size_t i) const {
    const auto& cell = cells_.at(i);
    if (!cell) return {};
    if (dialect_ == Dialect::Postgres) { // text-format bytea: "\x" followed by hex
        if (cell->size() < 2 || (*cell)[0] != '\\' || (*cell)[1] != 'x')
            throw std::runtime_error("database returned a bytea value in an unexpected format");
        auto bytes = fromHex(std::string_view(*cell).substr(2));
        if (!bytes) throw std::runtime_error("database returned a malformed bytea value");
        return *bytes;
    }
    return Bytes(cell->begin(), cell->end());
}

} // namespace passerelle::city
