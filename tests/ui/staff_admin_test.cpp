// The admin's part of the staff panel through the real screens: adding a staff member (name on
// the on-screen keyboard, PIN twice on the pad, role), installing a pack from a typed path, and
// editing the kiosk settings (saved in the data folder, applied at once and after a restart).
#include "../pack/pack_fixtures.h"
#include "core/identity/local_settings.h"
#include "screen_harness.h"
#include "staff_steps.h"
#include "temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>

using namespace passerelle;
using namespace passerelle::test;
using namespace std::chrono_literals;

namespace {

void newPin(ScreenHarness& h, const std::string& pin) {
    for (char d : pin)
        h.tap(std::string("staff.newpin.") + d);
    h.tap("staff.newpin.ok");
}

// Types into the focused field as the keyboard's keys do (the path and address keyboards have
// "/" and ":" on the symbols page; tests send the characters directly once the keys are proven).
void typeText(ScreenHarness& h, const std::string& text) {
    h.kiosk().dispatch(intent::TypeText{text});
    h.frame();
}

void clearField(ScreenHarness& h) {
    h.kiosk().dispatch(intent::ClearField{});
    h.frame();
}

bool hasMember(ScreenHarness& h, const std::string& name, bool admin) {
    for (auto& m : h.state().staff.members)
        if (m.name == name) return m.admin == admin;
    return false;
}

} // namespace

TEST_CASE("an admin adds a mediator: name on the keyboard, PIN twice, refusals in plain words") {
    ScreenHarness h;
    addStaff(h);
    signIn(h, "amina", "4826");
    h.tap("staff.tab.staff");
    h.tap("staff.add_member");
    REQUIRE(h.state().staff.form == StaffView::Form::AddMember);

    h.tap("key.enter"); // no name yet
    CHECK(h.showsText("Type the new member’s name first."));
    // "Bruno" exists already (names are compared without case).
    h.tap("key.shift");
    for (const char* k : {"key.B", "key.r", "key.u", "key.n", "key.o"})
        h.tap(k);
    CHECK(h.showsText("Bruno|"));
    h.tap("key.enter");
    CHECK(h.showsText("Bruno already has an account."));
    for (int i = 0; i < 5; ++i)
        h.tap("key.delete");
    // "Zoé": a capital, then the accented page for é.
    h.tap("key.shift");
    h.tap("key.Z");
    h.tap("key.o");
    h.tap("key.page.accents");
    h.tap("key.é");
    CHECK(h.showsText("Zoé|"));
    h.tap("staff.role.mediator");
    h.tap("key.enter");
    REQUIRE(h.state().staff.formStep == 1);
    CHECK(h.showsText("Choose a PIN for the new member (4 to 12 digits)"));

    newPin(h, "12");
    CHECK(h.showsText("The PIN is too short: use 4 to 12 digits."));
    h.tap("staff.newpin.delete");
    h.tap("staff.newpin.delete");
    newPin(h, "1357");
    CHECK(h.showsText("Type the same PIN again"));
    newPin(h, "1358");
    CHECK(h.showsText("The two PINs are different. Please choose the PIN again."));
    CHECK(h.state().staff.formStep == 1);
    newPin(h, "1357");
    newPin(h, "1357");
    CHECK(h.state().staff.form == StaffView::Form::None);
    CHECK(h.showsText("Zoé can now sign in with their PIN."));
    CHECK(hasMember(h, "Zoé", false));
    CHECK(h.showsText("Zoé — mediator"));
    CHECK(count(auditActions(h), "staff.created") == 3); // Amina, Bruno (setup), Zoé (panel)

    // Zoé signs in with her new PIN and sees a mediator's panel: no Staff tab, so no adding.
    h.tap("staff.sign_out");
    signIn(h, "zo", "1357");
    CHECK(h.showsText("Zoé"));
    CHECK_FALSE(h.hasTarget("staff.tab.staff"));
    h.kiosk().dispatch(intent::OpenStaffForm{static_cast<int>(StaffView::Form::AddMember)});
    h.frame();
    CHECK(h.state().staff.form == StaffView::Form::None); // only admins can add staff
}

TEST_CASE("an admin installs a pack from a typed USB path; a wrong path or a corrupt pack is "
          "explained") {
    ScreenHarness h;
    addStaff(h);
    TempDir usb("passerelle-usb");
    writeSigned(samplePack("org.example.typed", "1.0.0"), usb.path() / "typed-1.0.0.ppack");
    {
        std::ofstream corrupt(usb.path() / "broken.ppack", std::ios::binary);
        corrupt << "this is not a pack at all";
    }
    signIn(h, "amina", "4826");
    h.tap("staff.tab.packs");
    h.tap("staff.type_path");
    REQUIRE(h.state().staff.form == StaffView::Form::PackPath);
    CHECK(h.showsText("/media/|")); // a start the keyboard continues
    h.tap("key.page.letters_or_digits");
    h.tap("key./");
    CHECK(h.showsText("/media//|"));

    clearField(h);
    typeText(h, (usb.path() / "nothing-here.ppack").string());
    h.tap("key.enter");
    CHECK(h.showsText("There is no file at"));
    CHECK(h.state().staff.form == StaffView::Form::PackPath); // fix the typing and try again

    clearField(h);
    typeText(h, usb.path().string());
    h.tap("key.enter");
    CHECK(h.showsText("is a folder: add the name of the .ppack file."));

    clearField(h);
    typeText(h, (usb.path() / "broken.ppack").string());
    h.tap("key.enter");
    CHECK(h.state().staff.form == StaffView::Form::None);
    CHECK(h.state().staff.messageIsError);
    CHECK_FALSE(h.state().staff.message.empty());
    CHECK(h.showsText(h.state().staff.message));      // the pack library's plain-words reason
    CHECK(h.runtime().content().packs().size() == 1); // the demo pack keeps working

    h.tap("staff.type_path");
    clearField(h);
    typeText(h, (usb.path() / "typed-1.0.0.ppack").string());
    h.tap("key.enter");
    CHECK(h.showsText("org.example.typed 1.0.0"));
    CHECK(h.runtime().content().packs().size() == 2);

    auto actions = auditActions(h);
    CHECK(count(actions, "pack.install-failed") == 3); // missing file, folder, corrupt pack
    CHECK(count(actions, "pack.install") == 1);
}

TEST_CASE("an admin edits the settings: validated, applied at once, kept after a restart") {
    TempDir data("passerelle-settings");
    {
        ScreenHarness::Setup setup;
        setup.dataDir = data.path() / "kiosk";
        ScreenHarness h(setup);
        addStaff(h);
        signIn(h, "amina", "4826");
        h.tap("staff.tab.settings");
        CHECK(h.showsText("60 s"));

        // Out of range and a bad address are refused with the reason; nothing is saved.
        h.kiosk().dispatch(intent::SetIdleTimeout{5});
        h.tap("staff.settings.save");
        CHECK(h.showsText("The time without a touch must be between 20 and 600 seconds."));
        h.kiosk().dispatch(intent::SetIdleTimeout{60});
        h.tap("staff.city.change");
        REQUIRE(h.state().staff.form == StaffView::Form::CityUrl);
        clearField(h);
        typeText(h, "ftp://city.example");
        h.tap("key.enter");
        CHECK(h.showsText("must start with https://"));
        clearField(h);
        typeText(h, "https://passerelle.city.example");
        h.tap("key.enter");
        REQUIRE(h.state().staff.form == StaffView::Form::None);
        // The default language must stay offered.
        h.tap("staff.offer.en");
        h.tap("staff.settings.save");
        CHECK(h.showsText("The default language must be one of the languages offered."));
        CHECK_FALSE(std::filesystem::exists(data.path() / "kiosk" / LocalSettings::kFileName));

        // 90 s, French by default, Spanish no longer offered.
        h.tap("staff.idle.more");
        h.tap("staff.idle.more");
        h.tap("staff.idle.more");
        CHECK(h.showsText("90 s"));
        h.tap("staff.default.fr");
        h.tap("staff.offer.es");
        CHECK(h.showsText("Not saved yet."));
        h.tap("staff.settings.save");
        CHECK(h.showsText("Settings saved."));
        CHECK(count(auditActions(h), "settings.changed") == 1);

        // Applied at once: the welcome screen in French, no Spanish, and the new idle time.
        h.tap("staff.sign_out");
        CHECK(h.state().language == "fr");
        CHECK(h.state().defaultLanguage == "fr");
        for (auto& l : h.state().offeredLanguages)
            CHECK(l.code != "es");
        CHECK_FALSE(h.hasTarget("language.es"));
        h.tap("welcome.start");
        REQUIRE(h.state().sessionActive);
        h.wait(85s);
        CHECK_FALSE(h.state().idleWarning); // the old 60 s no longer applies
        h.wait(7s);
        CHECK(h.state().idleWarning);
    }
    // After a restart the saved settings are the kiosk's.
    KioskRuntime::Options options;
    options.dataDir = data.path() / "kiosk";
    options.demo = true;
    options.demoKeysDir = sourceDir() / "assets/demo-keys";
    auto rt = KioskRuntime::open(options);
    REQUIRE(rt);
    CHECK((*rt)->config().idleTimeoutSeconds == 90);
    CHECK((*rt)->config().defaultLanguage == "fr");
    CHECK((*rt)->config().cityUrl == "https://passerelle.city.example");
    CHECK(std::find((*rt)->config().offeredLanguages.begin(),
                    (*rt)->config().offeredLanguages.end(),
                    "es") == (*rt)->config().offeredLanguages.end());
    CHECK((*rt)->syncLink().cityUrl() == "https://passerelle.city.example");
}
