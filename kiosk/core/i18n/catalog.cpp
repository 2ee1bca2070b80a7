#include "core/i18n/catalog.h"

#include "core/i18n/icu_text.h"
#include "passerelle/common/files.h"

#include <nlohmann/json.hpp>
#include <unicode/messagepattern.h>

namespace passerelle::i18n {

bool isCatalogFileName(const std::filesystem::path& file) {
    // <language>[-<subtag>...]: 2-3 lowercase letters, then subtags of 2-8 letters or digits.
    if (file.extension() != ".json") return false;
    const std::string stem = file.stem().string();
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    auto alnum = [&](char c) {
        return lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    size_t i = 0;
    while (i < stem.size() && lower(stem[i]))
        ++i;
    if (i < 2 || i > 3) return false;
    while (i < stem.size()) {
        if (stem[i++] != '-') return false;
        size_t n = 0;
        while (i < stem.size() && alnum(stem[i]))
            ++i, ++n;
        if (n < 2 || n > 8) return false;
    }
    return true;
}

std::expected<Catalog, std::string> loadCatalog(const std::filesystem::path& file) {
    auto content = readFile(file, 4u << 20);
    if (!content)
        return std::unexpected("cannot read language file " + file.string() + ": " +
                               content.error());
    nlohmann::json doc = nlohmann::json::parse(*content, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object())
        return std::unexpected("language file " + file.string() +
                               " is not a valid JSON object; check it with a JSON validator "
                               "or restore it from the release");

    Catalog catalog;
    catalog.code = file.stem().string();
    catalog.icuLocale = catalog.code;
    for (const auto& [key, value] : doc.items()) {
        if (key == "@@locale") {
            if (!value.is_string() || value.get<std::string>() != catalog.code)
                catalog.warnings.push_back(file.filename().string() +
                                           ": \"@@locale\" should be \"" + catalog.code + "\"");
            continue;
        }
        if (key == "@@x-icu-locale" && value.is_string()) {
            catalog.icuLocale = value.get<std::string>();
            continue;
        }
        if (key.starts_with('@')) continue; // translator notes
        if (!value.is_string()) {
            catalog.warnings.push_back(file.filename().string() + ": \"" + key +
                                       "\" is not text and was skipped");
            continue;
        }
        catalog.messages.emplace(key, value.get<std::string>());
    }
    return catalog;
}

std::expected<std::set<std::string>, std::string> messageArguments(std::string_view message) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    icu::MessagePattern pattern(toUnicode(message), &where, status);
    if (U_FAILURE(status))
        return std::unexpected(std::string(u_errorName(status)) + " at character " +
                               std::to_string(where.offset));
    std::set<std::string> names;
    for (int i = 0; i + 1 < pattern.countParts(); ++i) {
        if (pattern.getPart(i).getType() == UMSGPAT_PART_TYPE_ARG_START)
            names.insert(toUtf8(pattern.getSubstring(pattern.getPart(i + 1))));
    }
    return names;
}

} // namespace passerelle::i18n
