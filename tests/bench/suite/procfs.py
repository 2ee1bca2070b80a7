"""Memory and CPU of processes, read from /proc (Linux only)."""
import os


def pss_kib(pids, field="Pss"):
    """Sum of Pss (or another smaps_rollup field, e.g. Rss) in KiB over the given processes."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith(field + ":"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass  # the process ended between listing and reading
    return total


def cpu_seconds(pids):
    """utime + stime (all threads) summed over the given processes, in seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # fields 14 and 15 of stat(5)
        except (OSError, IndexError):
            pass
    return total / tick


def _parents():
    parents = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                parents[int(name)] = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError):
            pass
    return parents


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def process_tree(root, marker=None):
    """root and all its descendants, plus any process whose command line contains marker
    (Chromium's crash handler can be re-parented to init; its command line names the profile)."""
    parents = _parents()
    found = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in found and pid not in found:
                found.add(pid)
                grew = True
    if marker:
        for pid in parents:
            if pid not in found and marker in _cmdline(pid):
                found.add(pid)
    return sorted(p for p in found if os.path.exists(f"/proc/{p}"))
