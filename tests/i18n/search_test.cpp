// Residents find services and lessons whatever the accents, case and punctuation they type.
#include "core/i18n/search.h"

#include <doctest/doctest.h>

using namespace passerelle::i18n;

TEST_CASE("accents, case and punctuation do not matter") {
    AccentInsensitiveMatcher fr;
    CHECK(fr.matches("etat civil", "État civil"));
    CHECK(fr.matches("ecole", "École de musique"));
    CHECK(fr.matches("ECOLE", "inscription à l'école"));
    CHECK(fr.matches("rendez vous", "Prendre rendez-vous"));
    CHECK(fr.matches("rendezvous", "Rendez-vous"));
    CHECK(fr.matches("civil etat", "État civil")); // words in any order
    CHECK(fr.matches("", "Anything"));
    CHECK_FALSE(fr.matches("passeport", "Carte d'identité"));
    CHECK_FALSE(fr.matches("etat", "Été"));
    CHECK_FALSE(fr.matches("ecole civil", "École de musique")); // every word must be found
}

TEST_CASE("Arabic queries ignore vowel marks, hamza on alef and teh marbuta / heh") {
    AccentInsensitiveMatcher ar;
    CHECK(ar.matches("مدرسة", "التسجيل في المَدرسة"));
    CHECK(ar.matches("اسرة", "دفتر الأسرة"));
    CHECK(ar.matches("مدرسه", "المدرسة"));
    CHECK(ar.matches("مستشفى", "مستشفي الأطفال"));
    CHECK_FALSE(ar.matches("موعد", "دفتر الأسرة"));
    CHECK(matches("Etat", "état civil"));
}

TEST_CASE("letters a language treats as its own still match their base letter") {
    CHECK(matches("nino", "Niño")); // Spanish collation would keep ñ apart
    CHECK(matches("certidao", "Certidão de nascimento"));
    CHECK(matches("een afspraak", "Eén afspraak maken"));
    CHECK(matches("uber", "Über uns"));
}

TEST_CASE("the search index puts title matches before matches in the description") {
    SearchIndex index;
    index.add("lesson.passwords", "Mots de passe solides", "sécurité, compte, école");
    index.add("service.school", "Inscription à l'école", "enfants");
    index.add("service.civil", "État civil", "naissance, mariage");
    CHECK(index.search("ecole") == std::vector<std::string>{"service.school", "lesson.passwords"});
    CHECK(index.search("etat civil") == std::vector<std::string>{"service.civil"});
    CHECK(index.search("piscine").empty());
    CHECK(index.search("").size() == 3);
}

TEST_CASE("queryWords splits at spaces and punctuation") {
    CHECK(AccentInsensitiveMatcher::queryWords(" rendez-vous,  état ") ==
          std::vector<std::string>{"rendez", "vous", "état"});
}
