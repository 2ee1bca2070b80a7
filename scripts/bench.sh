#!/usr/bin/env bash
# The benchmark command: installs what is missing (scripts/debian-packages.txt and
# scripts/bench-packages.txt, which adds Chromium), builds what the benchmarks need (RelWithDebInfo,
# in build/ or $PASSERELLE_BENCH_BUILD), then runs tests/bench/suite/bench.py, which prints every
# figure and the Passerelle / Chromium ratios in one report. Options go to bench.py:
#   scripts/bench.sh [--runs N] [--start-runs N] [--frame-runs N] [--idle SECONDS] [--no-chromium] [--verbose]
# Figures, never pass/fail; see docs/performance.md. Takes 5 to 8 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PASSERELLE_BENCH_BUILD:-$root/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

"$root/scripts/install-deps.sh" "$root/scripts/debian-packages.txt" "$root/scripts/bench-packages.txt"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPASSERELLE_BENCH=ON >/dev/null
cmake --build "$build" -j"$jobs" --target passerelle-kiosk passerelle-pack passerelle-city \
    demo_pack paint_probe bench_core_store pack_bench sync_bench

python=/usr/bin/python3
[ -x "$python" ] || python=python3
exec "$python" "$root/tests/bench/suite/bench.py" --build "$build" "$@"
