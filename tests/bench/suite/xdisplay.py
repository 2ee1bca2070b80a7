"""An Xvfb display for the benchmark, and the paint probe that times first paints on it."""
import os
import subprocess
import time

WIDTH, HEIGHT = 1280, 800
# The home screen's title line ("What would you like to do?"), centred in the top bar at the same
# place in the kiosk and in the Chromium page: dark text on a light bar once the screen is drawn.
TITLE_REGION = (300, 28, 580, 56)


class Xvfb:
    """Xvfb at 1280x800x24 with a white root window, on the first free display from :90."""

    def __enter__(self):
        for n in range(90, 140):
            if os.path.exists(f"/tmp/.X11-unix/X{n}") or os.path.exists(f"/tmp/.X{n}-lock"):
                continue
            self.display = f":{n}"
            self.proc = subprocess.Popen(
                ["Xvfb", self.display, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp",
                 "-wr"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(100):
                if os.path.exists(f"/tmp/.X11-unix/X{n}"):
                    time.sleep(0.2)
                    return self
                if self.proc.poll() is not None:
                    break
                time.sleep(0.05)
            self.proc.kill()
            self.proc.wait()
        raise RuntimeError("cannot start Xvfb (apt install xvfb)")

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait()


class PaintProbe:
    """Runs paint_probe on the display; wait() returns the wall-clock time of the first paint."""

    def __init__(self, probe_binary, display, region=TITLE_REGION, timeout_ms=60000):
        x, y, w, h = region
        self.proc = subprocess.Popen([probe_binary, display, str(x), str(y), str(w), str(h),
                                      str(timeout_ms)], stdout=subprocess.PIPE, text=True)
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError("paint_probe could not connect to " + display)

    def wait(self):
        line = self.proc.stdout.readline().split()
        self.proc.wait()
        if len(line) == 2 and line[0] == "painted":
            return float(line[1])
        return None

    def cancel(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
