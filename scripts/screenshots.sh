#!/usr/bin/env bash
# Takes the documentation's screenshots again: plays every docs/screenshots/scripts/*.script in
# the real kiosk under Xvfb at 1280x800 (demo configuration, a fresh data folder each), writing
# the PNGs into docs/screenshots/. Needs a build (scripts/dev.sh test or demo builds build/).
#   scripts/screenshots.sh [SCRIPT-NAME...]     e.g. scripts/screenshots.sh resident-idle
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kiosk="${PASSERELLE_KIOSK:-$root/build/kiosk/app/passerelle-kiosk}"
[ -x "$kiosk" ] || { echo "no kiosk at $kiosk: build first (scripts/dev.sh test)" >&2; exit 1; }
cd "$root/docs/screenshots"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for f in scripts/*.script; do names+=("$(basename "$f" .script)"); done
fi
for name in "${names[@]}"; do
    data="$(mktemp -d)"
    echo "== $name"
    status=0
    out="$(xvfb-run -a -s "-screen 0 1280x800x24" "$kiosk" --demo --data-dir "$data" \
        --script "scripts/$name.script" 2>&1)" || status=$?
    rm -rf "$data"
    grep -v "DEMO CONFIGURATION" <<<"$out" >&2 || true
    [ $status -eq 0 ] || { echo "!! $name failed (exit $status)" >&2; exit $status; }
done
