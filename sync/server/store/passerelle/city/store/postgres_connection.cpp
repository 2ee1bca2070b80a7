// PostgreSQL backend through libpq: text results, bytea parameters sent in binary.
#include "passerelle/city/store/sql_connection.h"

#include <libpq-fe.h>

namespace passerelle::city {

namespace {

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

class PostgresConnection final : public SqlConnection {
  public:
    explicit PostgresConnection(PGconn* connection) : connection_(connection) {}
    ~PostgresConnection() override { PQfinish(connection_); }
    Dialect dialect() const override { return Dialect::Postgres; }
    bool healthy() const override { return PQstatus(connection_) == CONNECTION_OK; }

    std::expected<void, std::string> exec(std::string_view sql) override {
        PGresult* result = PQexec(connection_, std::string(sql).c_str());
        auto status = PQresultStatus(result);
        std::string error = PQresultErrorMessage(result);
        PQclear(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            return std::unexpected("database error: " + trimmed(error));
        return {};
    }

    std::expected<SqlRows, std::string> query(std::string_view sql,
                                              const std::vector<SqlValue>& params) override {
        std::vector<std::string> storage(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
        for (std::size_t i = 0; i < params.size(); ++i) {
            std::visit(
                [&](const auto& value) {
                    using T = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<T, std::nullptr_t>)
                        return;
                    else if constexpr (std::is_same_v<T, std::int64_t>)
                        storage[i] = std::to_string(value);
                    else if constexpr (std::is_same_v<T, std::string>)
                        storage[i] = value;
                    else {
                        storage[i].assign(value.begin(), value.end());
                        formats[i] = 1;
                    }
                    values[i] = storage[i].data();
                    lengths[i] = static_cast<int>(storage[i].size());
                },
                params[i]);
        }
        PGresult* result =
            PQexecParams(connection_, std::string(sql).c_str(), static_cast<int>(params.size()),
                         nullptr, values.data(), lengths.data(), formats.data(), 0);
        auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            std::string error = trimmed(PQresultErrorMessage(result));
            PQclear(result);
            return std::unexpected("database error: " + error);
        }
        SqlRows rows;
        int columns = PQnfields(result);
        for (int r = 0; r < PQntuples(result); ++r) {
            std::vector<std::optional<std::string>> cells;
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(result, r, c))
                    cells.emplace_back(std::nullopt);
                else
                    cells.emplace_back(
                        std::string(PQgetvalue(result, r, c),
                                    static_cast<std::size_t>(PQgetlength(result, r, c))));
            }
            rows.emplace_back(std::move(cells), Dialect::Postgres);
        }
        PQclear(result);
        return rows;
    }

  private:
    PGconn* connection_;
};

bool isSafeIdentifier(const std::string& name) {
    if (name.empty() || name.size() > 60) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return !(name[0] >= '0' && name[0] <= '9');
}

} // namespace

std::expected<std::unique_ptr<SqlConnection>, std::string> openPostgres(const std::string& conninfo,
                                                                        const std::string& schema) {
    PGconn* raw = PQconnectdb(conninfo.c_str());
    if (PQstatus(raw) != CONNECTION_OK) {
        std::string error = trimmed(PQerrorMessage(raw));
        PQfinish(raw);
        return std::unexpected(
            "cannot connect to the PostgreSQL city database: " + error +
            " (check the --db URL, that PostgreSQL is running and that the role may log in)");
    }
    auto connection = std::make_unique<PostgresConnection>(raw);
    if (auto ok = connection->exec("SET client_min_messages = warning"); !ok)
        return std::unexpected(ok.error());
    if (!schema.empty()) {
        if (!isSafeIdentifier(schema))
            return std::unexpected("schema name '" + schema +
                                   "' must be lowercase letters, digits and _");
        if (auto ok = connection->exec("CREATE SCHEMA IF NOT EXISTS " + schema); !ok) {
            // Two connections creating the same schema at once: the loser sees a unique violation.
            if (auto again = connection->exec("SELECT 1"); !again)
                return std::unexpected(ok.error());
        }
        if (auto ok = connection->exec("SET search_path TO " + schema); !ok)
            return std::unexpected(ok.error());
    }
    return connection;
}

} // namespace passerelle::city
