"""CPU time per frame while scrolling a long list and while typing on the on-screen keyboard, from
passerelle-kiosk --script FILE --frame-stats FILE (one line per drawn frame:
"<phase> <cpu_us> <wall_us>", CPU = the UI thread's CPU time for that frame's work)."""
import os
import subprocess

from stats import median, percentile

# Drag the services list (the drag-scroll area below the search box) up and down, as a finger
# would: 400 px in 400 ms, then let it glide.
SCROLL_SCRIPT = ["wait 800", "mark scroll"] + [
    "drag 640 700 0 -400 400\nwait 500" if i % 2 == 0 else "drag 640 300 0 400 400\nwait 500"
    for i in range(12)] + ["mark end", "quit"]

# Open the bench pack's typing service (its first step is a text field), focus the field so the
# keyboard shows, then type a sentence key by key.
TYPING_SCRIPT = ["wait 800", "tap service.bench-typing", "wait 800", "tap field.answer",
                 "wait 800", "mark typing",
                 "type the pavement is broken near the bus stop on the main square",
                 "wait 300", "mark end", "quit"]


def supported(kiosk):
    out = subprocess.run([kiosk, "--help"], capture_output=True, text=True).stdout
    return "--script" in out and "--frame-stats" in out


def run_script(kiosk, display, data_dir, share, work, name, lines):
    script = os.path.join(work, f"{name}.script")
    stats = os.path.join(work, f"{name}.frames")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    env = dict(os.environ, DISPLAY=display, PASSERELLE_SHARE_DIR=share)
    done = subprocess.run([kiosk, "--demo", "--data-dir", data_dir, "--show", "services",
                           "--script", script, "--frame-stats", stats], env=env,
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"kiosk --script {name} failed ({done.returncode}):\n{done.stderr}")
    per_phase = {}
    with open(stats) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                per_phase.setdefault(parts[0], []).append(int(parts[1]) / 1000.0)
    return per_phase


def frame_figures(ms):
    return {"frames": len(ms), "median_ms": median(ms), "p95_ms": percentile(ms, 95),
            "max_ms": max(ms) if ms else float("nan")}
