#pragma once
// Tells systemd how the kiosk is doing (sd_notify protocol), so the service can be Type=notify with
// a watchdog: a frozen main loop stops the pings and systemd restarts the kiosk.
//
// Every function is a cheap no-op when the kiosk is not run by systemd (NOTIFY_SOCKET unset) or
// when the build has no libsystemd (PASSERELLE_HAVE_SYSTEMD undefined). Call them from the main
// loop thread.
#include <chrono>
#include <optional>
#include <string_view>

namespace passerelle {

// Once, when the first frame is on screen: systemd then considers the service started.
void notifyReady();

// Every main-loop iteration. Sends "WATCHDOG=1" at most once per half watchdog interval
// (WATCHDOG_USEC), so calling it on every frame costs nothing.
void notifyWatchdog();

// On orderly shutdown (window closed, SIGTERM), before tearing things down.
void notifyStopping();

// A one-line state shown by `systemctl status passerelle-kiosk` (e.g. "sync: offline").
void notifyStatus(std::string_view status);

// The longest the main loop may sleep (SDL_WaitEventTimeout) and still ping the watchdog in time:
// a quarter of WATCHDOG_USEC. std::nullopt when no watchdog is configured.
std::optional<std::chrono::milliseconds> watchdogMaxSleep();

} // namespace passerelle
