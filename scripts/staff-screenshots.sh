#!/usr/bin/env bash
# Makes the staff-mode screenshots in docs/screenshots/ by driving the real kiosk under Xvfb
# with xdotool, against a real passerelle-city (demo keys) on a loopback port:
#   PIN pad, Sync tab after a connection test, Settings being edited, "Add a staff member",
#   the Sync tab once the city is gone (killed), and the home screen of an assisted session.
# Needs: a built tree (BUILD, default ./build), Xvfb, xdotool, ImageMagick's import.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
B=${BUILD:-$SRC/build}
OUT=${OUT:-$SRC/docs/screenshots}
D=$(mktemp -d /tmp/passerelle-staff-shots.XXXXXX)
PORT=${PORT:-18471}
DISP=${DISP:-:47}
mkdir -p "$D/kiosk"
"$B/sync/server/passerelle-city" --demo --data-dir "$D/city" --listen "127.0.0.1:$PORT" \
    --source-dir "$SRC" > "$D/city.log" 2>&1 &
city=$!
# The city address as the staff panel's Settings would save it (local override of config.json).
cat > "$D/kiosk/settings.json" <<JSON
{"idle_timeout_seconds": 60, "default_language": "en",
 "offered_languages": ["en","fr","es","ar","pt","nl"], "city_url": "http://127.0.0.1:$PORT"}
JSON
printf '4826\n4826\n' | "$B/kiosk/app/passerelle-kiosk" --data-dir "$D/kiosk" --demo \
    --create-admin "Amina Diallo"
Xvfb "$DISP" -screen 0 1280x800x24 -nolisten tcp > "$D/xvfb.log" 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$DISP "$B/kiosk/app/passerelle-kiosk" --data-dir "$D/kiosk" --demo > "$D/kiosk.log" 2>&1 &
kiosk=$!
trap 'kill $kiosk $xvfb 2>/dev/null; kill -9 $city 2>/dev/null; true' EXIT
sleep 4
export DISPLAY=$DISP
t() { xdotool mousemove "$1" "$2" click 1; sleep 0.45; }
shot() { import -window root "$OUT/$1.png"; }
xdotool mousemove 30 30 mousedown 1; sleep 3.8; xdotool mouseup 1; sleep 1  # the gesture
t 775 431; t 943 540; sleep 0.5; shot staff-pin                              # "4", "8"
t 943 322; t 1111 431; t 1111 649; sleep 3                                   # "2", "6", OK
t 285 168; sleep 1; t 300 454; sleep 2.5; shot staff-panel                   # Sync, test
t 817 168; sleep 0.5; t 773 274; t 773 274; t 599 456; sleep 0.5; shot staff-settings
t 994 168; sleep 0.5; t 280 276; sleep 0.5                                   # Staff, Add
t 98 673; t 228 673; t 1017 521; t 246 749; t 802 521; sleep 0.5; shot staff-add-member
t 129 56; sleep 0.5                                                          # Cancel
kill -9 $city; sleep 0.5
t 285 168; sleep 0.5; t 300 454; sleep 3; shot staff-sync-offline
t 1036 56; sleep 2; shot staff-assisted-home                                 # assisted session
echo "screenshots written to $OUT"
