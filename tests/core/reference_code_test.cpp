// Reference codes: readable, random, and a check symbol that catches the usual typing mistakes.
#include "core/session/reference_code.h"

#include <doctest/doctest.h>
#include <set>

using namespace passerelle;

TEST_CASE("reference codes look like XXXX-XXXX in the unambiguous alphabet and are random") {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        auto code = newReferenceCode();
        REQUIRE(code.size() == 9);
        CHECK(code[4] == '-');
        for (std::size_t k = 0; k < code.size(); ++k)
            if (k != 4) CHECK(kReferenceAlphabet.find(code[k]) != std::string_view::npos);
        CHECK(code.find_first_of("ILOU") == std::string::npos);
        CHECK(isValidReferenceCode(code));
        seen.insert(code);
    }
    CHECK(seen.size() == 2000); // 35 random bits: no collision expected in 2000 draws
}

TEST_CASE("the check symbol catches every single typo and every adjacent swap") {
    int codesChecked = 0;
    for (int n = 0; n < 300; ++n) {
        auto code = newReferenceCode();
        std::string plain = code.substr(0, 4) + code.substr(5, 4);
        for (std::size_t pos = 0; pos < 8; ++pos) {
            for (char replacement : kReferenceAlphabet) {
                if (replacement == plain[pos]) continue;
                std::string typo = plain;
                typo[pos] = replacement;
                CHECK_MESSAGE(!isValidReferenceCode(typo), plain << " -> " << typo);
            }
            if (pos + 1 < 8 && plain[pos] != plain[pos + 1]) {
                std::string swapped = plain;
                std::swap(swapped[pos], swapped[pos + 1]);
                CHECK_MESSAGE(!isValidReferenceCode(swapped), plain << " -> " << swapped);
            }
        }
        ++codesChecked;
    }
    CHECK(codesChecked == 300);
}

TEST_CASE("typed codes are read leniently: case, dashes, spaces, O for 0, I and L for 1") {
    auto code = *referenceCodeWithCheck("0110ABC");
    std::string typed = code;
    for (auto& c : typed)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    typed[0] = 'o'; // the resident wrote the letter O for zero
    typed[1] = 'l'; // and a lower-case L for one
    typed[2] = 'I';
    typed.erase(4, 1);
    typed.insert(2, " ");
    CHECK(normalizeReferenceCode(typed) == code);
    CHECK_FALSE(normalizeReferenceCode(code.substr(0, 8)).has_value()); // too short
    CHECK_FALSE(normalizeReferenceCode(code + "0").has_value());        // too long
    CHECK_FALSE(normalizeReferenceCode("ABCD-EFG!").has_value());
    CHECK_FALSE(referenceCodeWithCheck("ABCDEFU").has_value()); // U is not in the alphabet
}
