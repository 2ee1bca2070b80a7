#include "systemd_notify.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <string>

#ifdef PASSERELLE_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace passerelle {

namespace {

// WATCHDOG_USEC as set by systemd for the service, or nullopt. We read the variable ourselves
// instead of calling sd_watchdog_enabled(): under cage the service's main process is cage, so
// WATCHDOG_PID names cage and sd_watchdog_enabled() would say "not for you" to the kiosk, which
// is the process that must ping (the unit uses NotifyAccess=all for that reason).
std::optional<std::chrono::microseconds> watchdogInterval() {
    const char* text = std::getenv("WATCHDOG_USEC");
    if (!text || !*text) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    unsigned long long usec = std::strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || usec == 0) return std::nullopt;
    return std::chrono::microseconds(usec);
}

[[maybe_unused]] void send(const std::string& message) {
#ifdef PASSERELLE_HAVE_SYSTEMD
    // Returns 0 (nothing sent) when NOTIFY_SOCKET is unset, i.e. not run by systemd. Errors are
    // ignored on purpose: the kiosk must keep serving residents even if systemd is unreachable.
    (void)sd_notify(0, message.c_str());
#else
    (void)message;
#endif
}

struct WatchdogState {
    std::mutex mutex;
    std::optional<std::chrono::steady_clock::time_point> lastPing;
};

WatchdogState& watchdogState() {
    static WatchdogState state;
    return state;
}

} // namespace

void notifyReady() {
    send("READY=1");
}

void notifyStopping() {
    send("STOPPING=1");
}

void notifyStatus(std::string_view status) {
    std::string line(status);
    // One line only: a newline would start a new (unknown) assignment in the protocol.
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    send("STATUS=" + line);
}

void notifyWatchdog() {
    auto interval = watchdogInterval();
    if (!interval) return;
    auto now = std::chrono::steady_clock::now();
    auto& state = watchdogState();
    std::lock_guard lock(state.mutex);
    if (state.lastPing && now - *state.lastPing < *interval / 2) return;
    state.lastPing = now;
    send("WATCHDOG=1");
}

std::optional<std::chrono::milliseconds> watchdogMaxSleep() {
    auto interval = watchdogInterval();
    if (!interval) return std::nullopt;
    auto quarter = std::chrono::duration_cast<std::chrono::milliseconds>(*interval / 4);
    return std::max(quarter, std::chrono::milliseconds(1));
}

} // namespace passerelle
