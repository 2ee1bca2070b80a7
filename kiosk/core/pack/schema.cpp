#include "core/pack/schema.h"

#include "core/pack/sqlite_util.h"

#include <set>

namespace passerelle::pack::detail {

using enum ColumnType;

const std::vector<TableSpec>& contentTables() {
    static const std::vector<TableSpec> tables = {
        {"manifest",
         "CREATE TABLE manifest (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
         {{"key", Text}, {"value", Text}},
         "key"},
        {"strings",
         "CREATE TABLE strings (key TEXT NOT NULL, language TEXT NOT NULL, text TEXT NOT NULL, "
         "PRIMARY KEY (key, language))",
         {{"key", Text}, {"language", Text}, {"text", Text}},
         "key, language"},
        {"lessons",
         "CREATE TABLE lessons (id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, "
         "title TEXT NOT NULL, summary TEXT NOT NULL)",
         {{"id", Text}, {"position", Integer}, {"title", Text}, {"summary", Text}},
         "id"},
        {"slides",
         "CREATE TABLE slides (lesson_id TEXT NOT NULL, position INTEGER NOT NULL, "
         "text TEXT NOT NULL, image TEXT NOT NULL, image_alt TEXT NOT NULL, "
         "PRIMARY KEY (lesson_id, position))",
         {{"lesson_id", Text},
          {"position", Integer},
          {"text", Text},
          {"image", Text},
          {"image_alt", Text}},
         "lesson_id, position"},
        {"quiz_questions",
         "CREATE TABLE quiz_questions (lesson_id TEXT NOT NULL, position INTEGER NOT NULL, "
         "question TEXT NOT NULL, choices TEXT NOT NULL, answer INTEGER NOT NULL, "
         "right_feedback TEXT NOT NULL, wrong_feedback TEXT NOT NULL, PRIMARY KEY (lesson_id, "
         "position))",
         {{"lesson_id", Text},
          {"position", Integer},
          {"question", Text},
          {"choices", Text},
          {"answer", Integer},
          {"right_feedback", Text},
          {"wrong_feedback", Text}},
         "lesson_id, position"},
        {"flows",
         "CREATE TABLE flows (id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, "
         "title TEXT NOT NULL, description TEXT NOT NULL, service_id TEXT NOT NULL)",
         {{"id", Text},
          {"position", Integer},
          {"title", Text},
          {"description", Text},
          {"service_id", Text}},
         "id"},
        {"steps",
         "CREATE TABLE steps (flow_id TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, "
         "kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, definition TEXT NOT NULL, "
         "PRIMARY KEY (flow_id, position))",
         {{"flow_id", Text},
          {"position", Integer},
          {"id", Text},
          {"kind", Text},
          {"title", Text},
          {"body", Text},
          {"definition", Text}},
         "flow_id, position"},
        {"media",
         "CREATE TABLE media (name TEXT PRIMARY KEY NOT NULL, mime TEXT NOT NULL, "
         "blake2b TEXT NOT NULL, bytes BLOB NOT NULL)",
         {{"name", Text}, {"mime", Text}, {"blake2b", Text}, {"bytes", Blob}},
         "name"},
    };
    return tables;
}

const TableSpec& signatureTable() {
    static const TableSpec table = {
        "signature",
        "CREATE TABLE signature (key_id TEXT NOT NULL, signature BLOB NOT NULL)",
        {{"key_id", Text}, {"signature", Blob}},
        "key_id"};
    return table;
}

std::expected<void, std::string> createSchema(sqlite3* db) {
    for (auto& table : contentTables())
        if (auto ok = exec(db, table.createSql); !ok) return ok;
    if (auto ok = exec(db, signatureTable().createSql); !ok) return ok;
    return exec(db, ("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str());
}

std::expected<void, std::string> checkSchema(sqlite3* db) {
    const std::string damaged =
        "This file is not a Passerelle content pack, or its structure was changed: ";
    {
        Statement appId(db, "PRAGMA application_id");
        if (!appId.ok() || appId.step() != SQLITE_ROW || appId.integer(0) != kApplicationId)
            return std::unexpected(
                "This file is not a Passerelle content pack (it is not a pack "
                "made by passerelle-pack). Check that you chose the right file.");
    }
    std::set<std::string> expectedTables;
    std::set<std::string> seenTables;
    auto expectedSql = [](const std::string& name) -> const char* {
        for (auto& table : contentTables())
            if (name == table.name) return table.createSql;
        if (name == signatureTable().name) return signatureTable().createSql;
        return nullptr;
    };
    Statement schema(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema");
    if (!schema.ok()) return std::unexpected(damaged + schema.error());
    int rc;
    while ((rc = schema.step()) == SQLITE_ROW) {
        std::string type(schema.text(0));
        std::string name(schema.text(1));
        std::string tableName(schema.text(2));
        if (type == "table") {
            const char* sql = expectedSql(name);
            if (!sql)
                return std::unexpected(damaged + "unexpected table \"" + name.substr(0, 64) +
                                       "\".");
            if (schema.type(3) != SQLITE_TEXT || schema.text(3) != sql)
                return std::unexpected(damaged + "table \"" + name + "\" has unexpected columns.");
            if (!seenTables.insert(name).second)
                return std::unexpected(damaged + "table \"" + name + "\" appears twice.");
        } else if (type == "index") {
            // Only the automatic index SQLite makes for a TEXT or composite PRIMARY KEY.
            if (schema.type(3) != SQLITE_NULL ||
                name.rfind("sqlite_autoindex_" + tableName + "_", 0) != 0 ||
                !expectedSql(tableName))
                return std::unexpected(damaged + "unexpected index \"" + name.substr(0, 64) +
                                       "\".");
        } else {
            return std::unexpected(damaged + "unexpected " + type.substr(0, 16) + " \"" +
                                   name.substr(0, 64) + "\".");
        }
    }
    if (rc != SQLITE_DONE) return std::unexpected(damaged + sqliteMessage(db));
    for (auto& table : contentTables())
        if (!seenTables.count(table.name))
            return std::unexpected(damaged + "table \"" + table.name + "\" is missing.");
    if (!seenTables.count(signatureTable().name))
        return std::unexpected(damaged + "table \"signature\" is missing.");
    return {};
}

} // namespace passerelle::pack::detail
