#pragma once
// Search across service and lesson titles that ignores case, accents and punctuation, through
// ICU collation at primary strength: "etat civil" finds "État civil", "ecole" finds "École",
// "rendez vous" finds "Rendez-vous", "مدرسة" finds "المَدرسة".
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class RuleBasedCollator;
U_NAMESPACE_END

namespace passerelle::i18n {

// Uses ICU's root collation for every language on purpose: language tailorings make letters such
// as Spanish ñ or Swedish å distinct from n and a, but a resident who types "nino" (or whose
// keyboard lacks the letter) should still find "Niño".
class AccentInsensitiveMatcher {
  public:
    AccentInsensitiveMatcher();
    ~AccentInsensitiveMatcher();
    AccentInsensitiveMatcher(AccentInsensitiveMatcher&&) noexcept;
    AccentInsensitiveMatcher& operator=(AccentInsensitiveMatcher&&) noexcept;

    // True when every word of the query appears somewhere in the candidate (in any order, also
    // inside a longer word), comparing base letters only. An empty query matches everything.
    bool matches(std::string_view query, std::string_view candidate) const;

    // The query's words (split at spaces and punctuation), as used by matches().
    static std::vector<std::string> queryWords(std::string_view query);

  private:
    std::unique_ptr<icu::RuleBasedCollator> collator_;
};

// One-off form; builds a collator each call, so prefer AccentInsensitiveMatcher or SearchIndex.
bool matches(std::string_view query, std::string_view candidate);

// Titles (and optional body text such as keywords or a summary) of services and lessons.
class SearchIndex {
  public:
    SearchIndex() = default;
    void add(std::string id, std::string title, std::string body = {});
    void clear() { entries_.clear(); }
    std::size_t size() const { return entries_.size(); }

    // Ids of the entries that match, those whose title matches first, otherwise in the order
    // they were added.
    std::vector<std::string> search(std::string_view query) const;

  private:
    struct Entry {
        std::string id, title, body;
    };
    AccentInsensitiveMatcher matcher_;
    std::vector<Entry> entries_;
};

} // namespace passerelle::i18n
