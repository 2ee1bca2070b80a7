#!/usr/bin/python3
"""Passerelle's benchmark suite: the kiosk against a Chromium kiosk showing the same home screen,
frame CPU times, and the core/pack/sync benchmarks, printed in one report. Run it through
scripts/bench.sh, which builds what it needs. Figures, never pass/fail."""
import argparse
import os
import shutil
import sys
import tempfile
import time

import bench_pack
import core_benches
import frames
import machine
from home_page import write_home_page
from stats import median
from subject import measure
from xdisplay import Xvfb

CHROMIUM_FLAGS = ["--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]
# Xvfb has no window manager to make the kiosk window fullscreen: place it as one would.
CHROMIUM_WINDOW = ["--window-position=0,0", "--window-size=1280,800"]
TARGETS = {"start": 0.25, "pss": 0.25, "idle_cpu_s": 0.05, "frame_p95_ms": 8.0}


def kiosk_argv(kiosk, data_dir):
    return [kiosk, "--demo", "--data-dir", data_dir, "--show", "home"]


def chromium_argv(profile, page):
    return ["chromium", *CHROMIUM_FLAGS, *CHROMIUM_WINDOW, f"--user-data-dir={profile}",
            "file://" + page]


def _run_name(run):
    return "warm-up run" if run < 0 else f"run {run + 1}"


def settle():
    """Before each start: the previous program's files flushed, a moment for the machine to
    quieten (Chromium leaves tens of MB of profile behind), the same for both programs."""
    os.sync()
    time.sleep(0.5)


def run_screens(args, display, work, page, log):
    """Interleaved runs of the kiosk and Chromium (one warm-up each, not counted): full runs
    (start, PSS, idle CPU), then start-only runs, which only add start samples: the start is the
    figure that moves most with the machine's load, and a start-only run takes about a second."""
    kiosk = f"{args.build}/kiosk/app/passerelle-kiosk"
    probe = f"{args.build}/tests/bench/app/paint_probe"
    data_dir = os.path.join(work, "kiosk-data")
    env = {"PASSERELLE_REPORT_FIRST_FRAME": "1"}
    results = {"kiosk": [], "chromium": [], "kiosk_start": [], "chromium_start": []}
    fresh = measure(kiosk_argv(kiosk, data_dir), display, probe, idle_s=0, env_extra=env)
    log(f"kiosk first start (fresh data dir): {fresh.paint_ms:.0f} ms")
    total = args.runs + args.start_runs
    for run in range(-1 if args.chromium else 0, total):
        full = run < args.runs
        idle = args.idle if full else 0
        settle_s = 2.0 if full else 0.5
        settle()
        m = measure(kiosk_argv(kiosk, data_dir), display, probe, settle_s=settle_s, idle_s=idle,
                    env_extra=env)
        if run >= 0:
            results["kiosk_start"].append(m)
            if full:
                results["kiosk"].append(m)
        own = f"{m.reported_ms:.0f} ms" if m.reported_ms is not None else "none"
        log(f"kiosk {_run_name(run)}: paint {m.paint_ms:.0f} ms (own report {own})"
            + (f", PSS {m.pss_mib:.1f} MiB, idle {m.idle_cpu_s:.3f} CPU-s" if full else ""))
        if not args.chromium:
            continue
        profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=work)
        settle()
        m = measure(chromium_argv(profile, page), display, probe, marker=profile,
                    settle_s=settle_s, idle_s=idle)
        if run >= 0:
            results["chromium_start"].append(m)
            if full:
                results["chromium"].append(m)
        log(f"chromium {_run_name(run)}: paint {m.paint_ms:.0f} ms"
            + (f", PSS {m.pss_mib:.1f} MiB over {m.processes} processes, "
               f"idle {m.idle_cpu_s:.3f} CPU-s" if full else ""))
        shutil.rmtree(profile, ignore_errors=True)
    return fresh, results


def run_frames(args, display, work, log):
    kiosk = f"{args.build}/kiosk/app/passerelle-kiosk"
    if not frames.supported(kiosk):
        log("passerelle-kiosk has no --script/--frame-stats: frame times skipped")
        return None
    share = bench_pack.make_share_dir(args.repo, args.build, work)
    out = {}
    for name, script in (("scroll", frames.SCROLL_SCRIPT), ("typing", frames.TYPING_SCRIPT)):
        samples = []
        for run in range(args.frame_runs):
            data_dir = os.path.join(work, f"frames-{name}-{run}")
            per_phase = frames.run_script(kiosk, display, data_dir, share, work, name, script)
            samples += per_phase.get(name, [])
        out[name] = frames.frame_figures(samples)
        log(f"frames while {name}: {out[name]}")
    return out


def ratio_line(label, ours, theirs, unit, fmt, target):
    ratio = ours / theirs if theirs else float("nan")
    verdict = "met" if ratio <= target else "NOT MET"
    return (f"  {label:<38} {fmt.format(ours):>10} {unit:<6} {fmt.format(theirs):>10} {unit:<6}"
            f"  {ratio:5.2f}   <= {target:.2f}: {verdict}")


# The kiosk's start phases (kiosk/app/start_trace.h), in the order they end.
PHASE_LABELS = {"main": "exec+libraries", "catalogs": "catalogs", "runtime": "data",
                "state": "state", "sdl-init": "SDL", "window": "window+GL",
                "fonts": "fonts wait", "frame-begun": "GL objects", "ui-built": "UI",
                "frame-drawn": "GL draw", "swap": "swap"}


def min_max(runs):
    values = [r.paint_ms for r in runs]
    return f"{min(values):.0f}-{max(values):.0f} ms" if values else ""


def start_phases(runs):
    """One line: median ms of each start phase over the runs that reported them."""
    by_name = {}
    for r in runs:
        for name, ms in r.phases_ms:
            by_name.setdefault(name, []).append(ms)
    parts = [f"{PHASE_LABELS.get(n, n)} {median(v):.0f}" for n, v in by_name.items()]
    text, lines = "", []
    for part in parts:  # wrap under the label column
        if len(text) + len(part) > 54:
            lines.append(text.rstrip(", "))
            text = ""
        text += part + ", "
    lines.append(text.rstrip(", "))
    return ("\n" + " " * 41).join(lines)


def report(args, fresh, screens, frame_stats, core, load_start):
    k, c = screens["kiosk"], screens["chromium"]
    ks, cs = screens["kiosk_start"], screens["chromium_start"]
    med = lambda runs, attr: median([getattr(r, attr) for r in runs])  # noqa: E731
    print()
    print("=" * 96)
    print(f"Passerelle benchmark, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"machine: {machine.describe()}")
    print(f"load average (1/5/15 min): {load_start} at start, {machine.load()} at end")
    print(f"Xvfb 1280x800x24, software OpenGL (Mesa llvmpipe); {args.runs} full runs each "
          f"(+{args.start_runs} start-only), interleaved, medians")
    print("kiosk:    passerelle-kiosk --demo --data-dir <tmp> --show home")
    if c:
        print(f"baseline: {machine.chromium_version()}")
        print(f"          chromium {' '.join(CHROMIUM_FLAGS[:4])}")
        print(f"          {' '.join(CHROMIUM_FLAGS[4:] + CHROMIUM_WINDOW)}")
        print("          --user-data-dir=<fresh> file://<home.html, the same screen>")
    print("-" * 96)
    print(f"  {'':<38} {'Passerelle':>17} {'Chromium':>17}  ratio   target")
    if c:
        print(ratio_line(f"start -> first paint ({len(ks)} starts)", med(ks, "paint_ms"),
                         med(cs, "paint_ms"), "ms", "{:.0f}", TARGETS["start"]))
        print(f"  {'  (range)':<38} {min_max(ks):>17} {min_max(cs):>17}")
        print(ratio_line("PSS after the home screen is shown", med(k, "pss_mib"),
                         med(c, "pss_mib"), "MiB", "{:.1f}", TARGETS["pss"]))
        print(f"  {'  (summed RSS, for reference)':<38} {med(k, 'rss_mib'):>10.1f} {'MiB':<6} "
              f"{med(c, 'rss_mib'):>10.1f} MiB")
        print(f"  {'  processes':<38} {med(k, 'processes'):>10.0f} {'':<6} "
              f"{med(c, 'processes'):>10.0f}")
        idle_target = TARGETS["idle_cpu_s"] * args.idle / 10  # 0.05 CPU-s per 10 s
        idle_label = f"CPU over {args.idle:.0f} s idle"
        print(f"  {idle_label:<38} {med(k, 'idle_cpu_s'):>10.3f} {'CPU-s':<6} "
              f"{med(c, 'idle_cpu_s'):>10.3f} {'CPU-s':<6}         kiosk <= {idle_target:.2f}: "
              f"{'met' if med(k, 'idle_cpu_s') <= idle_target else 'NOT MET'}")
    else:
        print(f"  {f'start -> first paint ({len(ks)} starts)':<38} {med(ks, 'paint_ms'):>10.0f} ms")
        print(f"  {'PSS after the home screen is shown':<38} {med(k, 'pss_mib'):>10.1f} MiB")
        print(f"  {f'CPU over {args.idle:.0f} s idle':<38} {med(k, 'idle_cpu_s'):>10.3f} CPU-s")
    reported = [r.reported_ms for r in ks if r.reported_ms is not None]
    if reported:
        print(f"  {'start -> first frame (kiosk report)':<38} {median(reported):>10.0f} ms")
        print(f"  {'  of which (medians)':<38} {start_phases(ks)}")
    print(f"  {'first start, fresh data dir':<38} {fresh.paint_ms:>10.0f} ms  (keys, demo pack "
          "install; once per kiosk)")
    print("-" * 96)
    if frame_stats:
        for name, label in (("scroll", "scrolling the services list"),
                            ("typing", "typing on the on-screen keyboard")):
            f = frame_stats[name]
            verdict = "met" if f["p95_ms"] <= TARGETS["frame_p95_ms"] else "NOT MET"
            print(f"  frame CPU, {label:<33} median {f['median_ms']:5.2f} ms, p95 "
                  f"{f['p95_ms']:5.2f} ms ({f['frames']} frames)  p95 <= 8 ms: {verdict}")
    else:
        print("  frame CPU times: not measured (the kiosk has no --script / --frame-stats yet)")
    print("-" * 96)
    s = core["seal"]
    print(f"  seal + commit one submission            {s['seal_commit_ms']:8.2f} ms "
          f"({s['seal_commit_per_s']:.0f}/s, synchronous=FULL)")
    p = core["pack"]
    print(f"  pack verify / install ({p['pack_mb']:.0f} MB pack)      {p['pack_verify_ms']:8.0f} ms"
          f" / {p['pack_install_ms']:.0f} ms (install = copy + verify + switch)")
    for backend, f in core["sync"].items():
        print(f"  server ingest ({backend:<8})                {f['ingest_per_s']:8.0f} records/s")
        print(f"  10,000-record sync ({backend:<8})           {f['sync_10k_s']:8.2f} s")
    print("=" * 96)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(here, "../../../build"),
                        help="build folder with the kiosk and the benchmark programs")
    parser.add_argument("--runs", type=int, default=5,
                        help="measured starts of the kiosk and of Chromium (default 5)")
    parser.add_argument("--start-runs", type=int, default=10,
                        help="extra start-only runs of each, for the start figure (default 10)")
    parser.add_argument("--frame-runs", type=int, default=3,
                        help="runs of each frame-time script (default 3)")
    parser.add_argument("--idle", type=float, default=10.0,
                        help="idle period for the CPU figure, seconds (default 10)")
    parser.add_argument("--no-chromium", dest="chromium", action="store_false",
                        help="skip the Chromium baseline (and the ratios)")
    parser.add_argument("--verbose", action="store_true",
                        help="also print the raw output of the core, pack and sync benchmarks")
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    args.repo = os.path.abspath(os.path.join(here, "../../.."))
    if args.chromium and not shutil.which("chromium"):
        sys.exit("bench: chromium is not installed (scripts/install-deps.sh "
                 "scripts/bench-packages.txt), or pass --no-chromium")

    def log(text):
        print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)

    load_start = machine.load()
    work = tempfile.mkdtemp(prefix="passerelle-bench-")
    try:
        page = write_home_page(os.path.join(args.repo, "locales"), work)
        with Xvfb() as x:
            log(f"Xvfb on {x.display}; {args.runs} full and {args.start_runs} start-only runs "
                "of the kiosk" + (" and of Chromium" if args.chromium else ""))
            fresh, screens = run_screens(args, x.display, work, page, log)
            frame_stats = run_frames(args, x.display, work, log)
        core_log = []
        log("seal + commit (bench_core_store)")
        core = {"seal": core_benches.seal_commit(args.build, core_log)}
        log("pack verify + install (pack_bench)")
        core["pack"] = core_benches.pack(args.build, core_log)
        log("server ingest and 10,000-record sync (sync_bench)")
        core["sync"] = core_benches.sync(args.build, core_log)
        if args.verbose:
            print("\n".join(core_log))
        report(args, fresh, screens, frame_stats, core, load_start)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
