"""Starts a program on the benchmark display and measures it: start -> first paint, PSS once the
screen is shown, CPU over an idle period. Shared by the kiosk and the Chromium baseline so that
both are measured the same way."""
import os
import signal
import subprocess
import threading
import time

from procfs import cpu_seconds, process_tree, pss_kib
from xdisplay import PaintProbe


class Measurement:
    def __init__(self):
        self.paint_ms = None      # process start -> title text on the X screen (paint_probe)
        self.reported_ms = None   # process start -> the program's own "first frame" report
        self.pss_mib = None
        self.rss_mib = None       # summed Rss: counts shared libraries once per process
        self.processes = 0
        self.idle_cpu_s = None
        self.phases_ms = []       # the kiosk's start phases: [(name, ms since the previous one)]


def _drain(stream, on_line):
    for line in stream:
        on_line(line)


def measure(argv, display, probe_binary, marker=None, settle_s=2.0, idle_s=10.0, env_extra=None):
    """Runs argv until its screen is painted, settles, reads PSS (summed over the process tree,
    plus processes whose command line contains marker) and CPU over idle_s, then stops it."""
    m = Measurement()
    env = dict(os.environ, DISPLAY=display, **(env_extra or {}))
    probe = PaintProbe(probe_binary, display)
    reported = threading.Event()
    t0 = time.time()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, start_new_session=True)

    previous = [t0]

    def on_line(line):
        parts = line.split()
        if len(parts) == 3 and parts[0] == "start-phase" and not reported.is_set():
            at = float(parts[2])
            m.phases_ms.append((parts[1], (at - previous[0]) * 1000))
            previous[0] = at
        if len(parts) == 2 and parts[0] == "first-frame-presented" and not reported.is_set():
            m.reported_ms = (float(parts[1]) - t0) * 1000
            if m.phases_ms:
                m.phases_ms.append(("swap", (float(parts[1]) - previous[0]) * 1000))
            reported.set()

    threading.Thread(target=_drain, args=(proc.stdout, on_line), daemon=True).start()
    try:
        painted = probe.wait()
        if painted is None:
            raise RuntimeError(f"{os.path.basename(argv[0])} did not paint its screen in time")
        m.paint_ms = (painted - t0) * 1000
        time.sleep(settle_s)
        pids = process_tree(proc.pid, marker)
        m.processes = len(pids)
        m.pss_mib = pss_kib(pids) / 1024
        m.rss_mib = pss_kib(pids, "Rss") / 1024
        before = cpu_seconds(pids)
        time.sleep(idle_s)
        m.idle_cpu_s = cpu_seconds(process_tree(proc.pid, marker)) - before
    finally:
        probe.cancel()
        stop(proc, marker)
    return m


def stop(proc, marker=None):
    """SIGTERM to the program's process group (then SIGKILL), and to stray marked processes."""
    pids = process_tree(proc.pid, marker) if proc.poll() is None else []
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
