#pragma once
// One language's message catalog: locales/<code>.json, a flat JSON object (the ARB layout that
// Weblate, Crowdin and Lokalise read) mapping a key to an ICU MessageFormat message.
//   { "@@locale": "fr", "welcome.title": "Bienvenue", "@welcome.title": {"description": "..."} }
// Keys starting with '@' are metadata for translators and are not messages.
#include <expected>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::i18n {

struct Catalog {
    std::string code;      // from the file name: "fr" for fr.json
    std::string icuLocale; // "@@x-icu-locale" if present (e.g. "ar-u-nu-latn"), else the code
    std::map<std::string, std::string, std::less<>> messages;
    std::vector<std::string> warnings; // problems that did not stop loading, for the staff log
};

// True for names that look like a catalog: "fr.json", "pt-BR.json" (not "languages.json").
bool isCatalogFileName(const std::filesystem::path& file);

// Reads and checks one catalog. Fails on unreadable files and malformed JSON; entries that are
// not text are skipped with a warning.
std::expected<Catalog, std::string> loadCatalog(const std::filesystem::path& file);

// Parses a message with ICU and returns the names of all its arguments ("{min}" -> "min",
// "{n, plural, ...}" -> "n", nested ones included), or ICU's reason when it cannot be parsed.
std::expected<std::set<std::string>, std::string> messageArguments(std::string_view message);

} // namespace passerelle::i18n
