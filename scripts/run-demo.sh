#!/usr/bin/env bash
# Starts a local city server on loopback (SQLite, demo keys) and the kiosk on the demo pack.
# Stops the city server when the kiosk window closes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build"
demo="${PASSERELLE_DEMO_DIR:-$HOME/.local/share/passerelle-demo}"
mkdir -p "$demo"
city_pid=""
if [ -x "$build/sync/server/passerelle-city" ]; then
    "$build/sync/server/passerelle-city" --demo --data-dir "$demo/city" --listen 127.0.0.1:8470 \
        >"$demo/city.log" 2>&1 &
    city_pid=$!
    trap '[ -n "$city_pid" ] && kill "$city_pid" 2>/dev/null || true' EXIT
    echo "city server on http://127.0.0.1:8470 (log: $demo/city.log)"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: run this from a desktop session, or under xvfb-run for a screenshot." >&2
    exit 1
fi
"$build/kiosk/app/passerelle-kiosk" --demo --data-dir "$demo/kiosk" "$@"
