// The kiosk's systemd notifications, received on a real AF_UNIX datagram socket that plays the
// part of systemd (NOTIFY_SOCKET), exactly as the service manager would receive them.
#include "systemd_notify.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

namespace {

// A stand-in for systemd's notification socket.
class FakeSystemd {
  public:
    explicit FakeSystemd(const std::filesystem::path& path) : path_(path) {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        REQUIRE(path.string().size() < sizeof(addr.sun_path));
        path.string().copy(addr.sun_path, sizeof(addr.sun_path) - 1);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
        ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
    }
    ~FakeSystemd() {
        ::unsetenv("NOTIFY_SOCKET");
        ::close(fd_);
    }
    FakeSystemd(const FakeSystemd&) = delete;
    FakeSystemd& operator=(const FakeSystemd&) = delete;

    // The next datagram, or nullopt if none arrives within `wait`.
    std::optional<std::string> receive(std::chrono::milliseconds wait = 500ms) {
        pollfd pfd{fd_, POLLIN, 0};
        if (::poll(&pfd, 1, static_cast<int>(wait.count())) != 1) return std::nullopt;
        char buffer[4096];
        ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
        if (n < 0) return std::nullopt;
        return std::string(buffer, static_cast<size_t>(n));
    }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
};

struct WatchdogEnv {
    explicit WatchdogEnv(const char* usec) { ::setenv("WATCHDOG_USEC", usec, 1); }
    ~WatchdogEnv() { ::unsetenv("WATCHDOG_USEC"); }
};

} // namespace

#ifdef PASSERELLE_HAVE_SYSTEMD

TEST_CASE("under systemd the kiosk reports ready, status and stopping") {
    passerelle::test::TempDir dir("notify");
    FakeSystemd systemd(dir / "notify.sock");

    passerelle::notifyReady();
    CHECK(systemd.receive() == "READY=1");

    passerelle::notifyStatus("sync: offline\nretry in 30 s");
    CHECK(systemd.receive() == "STATUS=sync: offline retry in 30 s");

    passerelle::notifyStopping();
    CHECK(systemd.receive() == "STOPPING=1");
}

TEST_CASE("watchdog pings are sent at most once per half interval") {
    passerelle::test::TempDir dir("notify");
    FakeSystemd systemd(dir / "notify.sock");
    WatchdogEnv watchdog("400000"); // WatchdogSec=0.4

    REQUIRE(passerelle::watchdogMaxSleep() == std::chrono::milliseconds(100));

    // Called on every frame: the first call pings, the next ones within 200 ms stay silent.
    passerelle::notifyWatchdog();
    CHECK(systemd.receive() == "WATCHDOG=1");
    for (int frame = 0; frame < 50; ++frame)
        passerelle::notifyWatchdog();
    CHECK_FALSE(systemd.receive(50ms).has_value());

    // Once half the interval has passed, the next frame pings again (well before the deadline).
    std::this_thread::sleep_for(210ms);
    passerelle::notifyWatchdog();
    CHECK(systemd.receive() == "WATCHDOG=1");
}

TEST_CASE("without a watchdog configured, pinging sends nothing") {
    passerelle::test::TempDir dir("notify");
    FakeSystemd systemd(dir / "notify.sock");
    ::unsetenv("WATCHDOG_USEC");

    CHECK_FALSE(passerelle::watchdogMaxSleep().has_value());
    passerelle::notifyWatchdog();
    CHECK_FALSE(systemd.receive(100ms).has_value());

    WatchdogEnv garbage("thirty seconds");
    CHECK_FALSE(passerelle::watchdogMaxSleep().has_value());
    passerelle::notifyWatchdog();
    CHECK_FALSE(systemd.receive(100ms).has_value());
}

TEST_CASE("outside systemd every call is a harmless no-op") {
    ::unsetenv("NOTIFY_SOCKET");
    WatchdogEnv watchdog("30000000");
    passerelle::notifyReady();
    passerelle::notifyWatchdog();
    passerelle::notifyStatus("idle");
    passerelle::notifyStopping();
    CHECK(passerelle::watchdogMaxSleep() == std::chrono::milliseconds(7500));
}

#else

TEST_CASE("a build without libsystemd never talks to a notification socket") {
    passerelle::test::TempDir dir("notify");
    FakeSystemd systemd(dir / "notify.sock");
    WatchdogEnv watchdog("400000");

    passerelle::notifyReady();
    passerelle::notifyWatchdog();
    passerelle::notifyStatus("idle");
    passerelle::notifyStopping();
    CHECK_FALSE(systemd.receive(100ms).has_value());
}

#endif
