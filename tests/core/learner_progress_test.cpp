// Learner progress: code + PIN -> Argon2id key -> XChaCha20-Poly1305; wrong PIN changes nothing.
#include "core/store/learner_progress.h"
#include "core_test_support.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

using namespace passerelle;
using passerelle::test::TempDir;

namespace {

std::vector<std::uint8_t> bytesOf(std::string_view text) {
    return {text.begin(), text.end()};
}

} // namespace

TEST_CASE("wrong PIN: rejected, progress untouched; right PIN: restored and saved again") {
    TempDir dir;
    auto store = std::move(*Store::open(dir.path()));
    const auto realm = test::demoCitySealingPublic();
    LearnerProgress learners(*store, realm);
    const auto code = LearnerProgress::newLearnerCode();
    const auto progress = bytesOf("lessons: email-basics=done; photos=step 4");

    auto enrolled = learners.enroll(code, SecretBytes(std::string_view("4821")), progress);
    REQUIRE_MESSAGE(enrolled.has_value(), (enrolled ? "" : enrolled.error()));
    auto lookupId = learners.lookupIdFor(code).value();
    auto before = store->learnerRecord(lookupId).value().value();
    // The code does not appear in the record, and the progress is not readable in it.
    CHECK(std::string(before.blob.begin(), before.blob.end()).find("email-basics") ==
          std::string::npos);
    CHECK(lookupId.find(code.substr(0, 4)) == std::string::npos);

    auto wrong = learners.unlock(code, SecretBytes(std::string_view("4812")));
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error() == "code or PIN not recognised");
    auto after = store->learnerRecord(lookupId).value().value();
    CHECK(after.blob == before.blob);
    CHECK(after.updatedAtUnix == before.updatedAtUnix);

    // Enrolling the same code again (e.g. someone guessing) overwrites nothing either.
    CHECK_FALSE(learners.enroll(code, SecretBytes(std::string_view("0000")), bytesOf("x")));
    CHECK(store->learnerRecord(lookupId).value()->blob == before.blob);

    // Unknown code: same message, so codes cannot be probed.
    auto other = LearnerProgress::newLearnerCode();
    CHECK(learners.unlock(other, SecretBytes(std::string_view("4821"))).error() ==
          "code or PIN not recognised");

    // Right PIN, typed in lower case without the dash: restored.
    std::string typed = code.substr(0, 4) + code.substr(5);
    for (auto& c : typed)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto unlocked = learners.unlock(typed, SecretBytes(std::string_view("4821")));
    REQUIRE_MESSAGE(unlocked.has_value(), (unlocked ? "" : unlocked.error()));
    CHECK(unlocked->progress == progress);

    const auto newer = bytesOf("lessons: email-basics=done; photos=done");
    REQUIRE(learners.save(unlocked->key, newer).has_value());
    auto again = learners.unlock(code, SecretBytes(std::string_view("4821")));
    REQUIRE(again.has_value());
    CHECK(again->progress == newer);

    // A typo in the code is told apart from a wrong PIN (the check symbol catches it).
    std::string typo = code;
    typo[0] = typo[0] == '7' ? '8' : '7';
    CHECK(learners.unlock(typo, SecretBytes(std::string_view("4821"))).error().find("typo") !=
          std::string::npos);
}

TEST_CASE("a learner record roams as an opaque blob to another kiosk of the same city") {
    TempDir kioskA, kioskB;
    auto storeA = std::move(*Store::open(kioskA.path()));
    auto storeB = std::move(*Store::open(kioskB.path()));
    const auto realm = test::demoCitySealingPublic();
    LearnerProgress atA(*storeA, realm);
    LearnerProgress atB(*storeB, realm);
    const auto code = LearnerProgress::newLearnerCode();
    REQUIRE(atA.enroll(code, SecretBytes(std::string_view("123456")), bytesOf("step 7")));

    auto lookupId = atB.lookupIdFor(code).value(); // kiosk B asks the city for this id
    CHECK(lookupId == atA.lookupIdFor(code).value());
    auto exported = atA.exportBlob(lookupId);
    REQUIRE(exported.has_value());
    REQUIRE(atB.importBlob(*exported).value());
    auto unlocked = atB.unlock(code, SecretBytes(std::string_view("123456")));
    REQUIRE(unlocked.has_value());
    CHECK(unlocked->progress == bytesOf("step 7"));

    // A stale copy never replaces newer progress.
    auto stale = *exported;
    stale.updatedAtUnix -= 100;
    CHECK_FALSE(atB.importBlob(stale).value());

    // Another city (another realm) does not even find the record under the same code.
    LearnerProgress otherCity(*storeB, SealingKeyPair::generate().publicKey);
    CHECK(otherCity.lookupIdFor(code).value() != lookupId);

    // Garbage from the network is refused.
    LearnerRecord garbage{lookupId, bytesOf("not a record"), 1};
    CHECK_FALSE(atB.importBlob(garbage).has_value());
}
