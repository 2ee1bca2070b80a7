#include "core/i18n/search.h"

#include "core/i18n/icu_text.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stsearch.h>
#include <unicode/tblcoll.h>
#include <unicode/uchar.h>

namespace passerelle::i18n {

namespace {

bool separates(UChar32 c) {
    return u_isUWhiteSpace(c) || u_ispunct(c) || u_hasBinaryProperty(c, UCHAR_DASH);
}

// Arabic spelling variants that collation keeps apart but that people type interchangeably
// (the usual Arabic search normalisation): alef with hamza or madda -> alef, alef maksura -> yeh,
// teh marbuta -> heh.
icu::UnicodeString foldArabic(icu::UnicodeString text) {
    for (int32_t i = 0; i < text.length(); ++i) {
        switch (text[i]) {
        case 0x0622:
        case 0x0623:
        case 0x0625:
        case 0x0671:
            text.setCharAt(i, 0x0627);
            break;
        case 0x0649:
            text.setCharAt(i, 0x064A);
            break;
        case 0x0629:
            text.setCharAt(i, 0x0647);
            break;
        default:
            break;
        }
    }
    return text;
}

} // namespace

AccentInsensitiveMatcher::AccentInsensitiveMatcher() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(
        icu::Collator::createInstance(icu::Locale::getRoot(), status));
    if (auto* rules = dynamic_cast<icu::RuleBasedCollator*>(collator.get())) {
        // Primary strength: base letters only (no case, no accents, no Arabic vowel marks);
        // shifted: spaces and punctuation do not count ("rendezvous" = "Rendez-vous").
        rules->setStrength(icu::Collator::PRIMARY);
        rules->setAttribute(UCOL_ALTERNATE_HANDLING, UCOL_SHIFTED, status);
        collator.release();
        collator_.reset(rules);
    }
}

AccentInsensitiveMatcher::~AccentInsensitiveMatcher() = default;
AccentInsensitiveMatcher::AccentInsensitiveMatcher(AccentInsensitiveMatcher&&) noexcept = default;
AccentInsensitiveMatcher&
AccentInsensitiveMatcher::operator=(AccentInsensitiveMatcher&&) noexcept = default;

std::vector<std::string> AccentInsensitiveMatcher::queryWords(std::string_view query) {
    const icu::UnicodeString text = toUnicode(query);
    std::vector<std::string> words;
    icu::UnicodeString word;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (separates(c)) {
            if (!word.isEmpty()) words.push_back(toUtf8(word));
            word.remove();
        } else {
            word.append(c);
        }
    }
    if (!word.isEmpty()) words.push_back(toUtf8(word));
    return words;
}

bool AccentInsensitiveMatcher::matches(std::string_view query, std::string_view candidate) const {
    if (!collator_) return candidate.find(query) != std::string_view::npos;
    const icu::UnicodeString text = foldArabic(toUnicode(candidate));
    if (text.isEmpty()) return queryWords(query).empty();
    for (const auto& word : queryWords(query)) {
        UErrorCode status = U_ZERO_ERROR;
        icu::StringSearch search(foldArabic(toUnicode(word)), text, collator_.get(), nullptr,
                                 status);
        if (U_FAILURE(status)) return false;
        if (search.first(status) == USEARCH_DONE || U_FAILURE(status)) return false;
    }
    return true;
}

bool matches(std::string_view query, std::string_view candidate) {
    return AccentInsensitiveMatcher().matches(query, candidate);
}

void SearchIndex::add(std::string id, std::string title, std::string body) {
    entries_.push_back({std::move(id), std::move(title), std::move(body)});
}

std::vector<std::string> SearchIndex::search(std::string_view query) const {
    std::vector<std::string> inTitle, inBody;
    for (const auto& entry : entries_) {
        if (matcher_.matches(query, entry.title))
            inTitle.push_back(entry.id);
        else if (!entry.body.empty() && matcher_.matches(query, entry.title + " " + entry.body))
            inBody.push_back(entry.id);
    }
    inTitle.insert(inTitle.end(), inBody.begin(), inBody.end());
    return inTitle;
}

} // namespace passerelle::i18n
