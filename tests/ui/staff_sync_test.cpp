// The kiosk's sync worker seen through the real screens, against a real passerelle-city process
// on loopback: a resident's form reaches the city and the Sync tab says so; with no server the
// kiosk keeps working, keeps the record, and the Sync tab says so calmly.
#include "city_process.h"
#include "flow_steps.h"
#include "passerelle/city/store/city_store.h"
#include "screen_harness.h"
#include "staff_steps.h"
#include "temp_dir.h"

#include <cctype>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace passerelle;
using namespace passerelle::test;

namespace {

// A resident reports a pothole through the real screens (the street-problem flow of the demo
// pack) and sends it: one sealed record in the outbox.
void reportPothole(ScreenHarness& h) {
    backToWelcome(h);
    h.tap("welcome.start");
    h.tap("home.services");
    REQUIRE(h.state().screen == ScreenId::Services);
    h.tap("service.street-problem");
    h.tap("choice.pothole");
    next(h);
    h.tap("choice.yes");
    next(h);
    type(h, "Rue Hugo 12");
    next(h);
    next(h); // details are optional
    h.tap("choice.no");
    next(h);
    REQUIRE(h.state().screen == ScreenId::ServiceReview);
    h.tap("flow.next");
    h.tap("consent.agree");
    h.tap("flow.next");
    REQUIRE(h.state().screen == ScreenId::ServiceReceipt);
    h.tap("receipt.finish");
    h.frame();
}

// A loopback port with nothing listening on it.
int closedPort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

std::size_t outboxCount(ScreenHarness& h) {
    auto n = h.runtime().store().outboxCount();
    REQUIRE(n.has_value());
    return *n;
}

} // namespace

TEST_CASE("a resident's form reaches the city server; the Sync tab shows the last success") {
    TempDir dir("passerelle-staff-sync");
    const std::string db = "sqlite://" + (dir.path() / "city.sqlite").string();
    CityProcess city(dir.path() / "city", db);

    ScreenHarness::Setup setup;
    setup.cityUrl = city.url();
    setup.startSync = true;
    ScreenHarness h(setup);
    addStaff(h);

    // The worker enrols with the demo code and uploads the audit rows of the accounts.
    REQUIRE(h.frameUntil([&] { return !h.state().sync.lastSuccess.empty(); }));

    reportPothole(h);
    // The queue empties by itself (the worker is woken when a record is sealed).
    CHECK(h.frameUntil([&] { return outboxCount(h) == 0; }));
    REQUIRE(h.frameUntil([&] { return h.state().sync.queueLength == 0; }));

    auto store = city::CityStore::open(db, 1);
    REQUIRE(store);
    auto stored = (*store)->submissions("");
    REQUIRE(stored);
    CHECK(stored->size() == 1); // exactly the resident's record, sealed (the city holds it opaque)

    signIn(h, "amina", "4826");
    h.tap("staff.tab.sync");
    // Signing in adds audit rows, which wake the worker: while that exchange runs the tab says
    // it is sending; staff see "Connected" a moment later.
    CHECK(h.frameUntil(
        [&] { return h.showsText("Connected: the last exchange with the city went well."); }));
    CHECK(h.showsText("Last success: "));
    CHECK(h.showsText("0 submissions waiting to be sent"));
    CHECK_FALSE(h.showsText("cannot be reached"));

    // "Test the connection to the city": a real signed request, answered in plain words.
    h.tap("staff.test_connection");
    REQUIRE(h.frameUntil([&] { return !h.state().staff.connectionTestResult.empty(); }));
    h.frame();
    CHECK(h.showsText("answered and recognised this kiosk"));

    // The staff audit trail went to the city too (sign-ins, the connection test).
    REQUIRE(h.frameUntil([&] {
        auto docs = (*store)->documents(h.runtime().identity().kioskId);
        if (!docs) return false;
        for (auto& d : *docs)
            if (d.json.find("sync.test-connection") != std::string::npos) return true;
        return false;
    }));
}

TEST_CASE("with no city server the kiosk keeps working, keeps the record, and says so calmly") {
    ScreenHarness::Setup setup;
    setup.cityUrl = "http://127.0.0.1:" + std::to_string(closedPort());
    setup.startSync = true;
    ScreenHarness h(setup);
    addStaff(h);

    reportPothole(h); // the resident is not held up: the receipt came at once
    CHECK(outboxCount(h) == 1);
    REQUIRE(h.frameUntil([&] { return h.state().sync.state == "offline"; }));

    signIn(h, "bruno", "2468"); // mediators see the Sync tab
    h.tap("staff.tab.sync");
    CHECK(h.showsText("The city server cannot be reached right now. That is normal without a "
                      "network"));
    CHECK(h.showsText("No successful sync yet."));
    CHECK(h.showsText("1 submission waiting to be sent"));
    CHECK(h.showsText("Next try: "));

    h.tap("staff.test_connection");
    REQUIRE(h.frameUntil([&] { return !h.state().staff.connectionTestResult.empty(); }));
    h.frame();
    CHECK(h.showsText("cannot be reached"));
    CHECK(h.showsText("The kiosk keeps working offline"));
    CHECK(outboxCount(h) == 1); // nothing lost, nothing deleted

    // Residents carry on meanwhile.
    h.tap("staff.sign_out");
    h.tap("welcome.start");
    CHECK(h.state().screen == ScreenId::Home);
    CHECK(outboxCount(h) == 1);
}
