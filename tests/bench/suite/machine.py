"""What the figures were measured on: CPU, memory, OS, load."""
import os
import platform
import subprocess


def _first(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def describe():
    mem_kib = _first("/proc/meminfo", "MemTotal").split()[0]
    try:
        with open("/etc/debian_version") as f:
            debian = "Debian " + f.read().strip()
    except OSError:
        debian = platform.platform()
    cpu = _first("/proc/cpuinfo", "model name")
    if cpu == "?":
        cpu = _first("/proc/cpuinfo", "Model")  # Raspberry Pi
    return (f"{cpu}, {os.cpu_count()} CPUs, {int(mem_kib) / 1048576:.1f} GiB RAM, {debian}, "
            f"kernel {platform.release()}")


def load():
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def chromium_version():
    out = subprocess.run(["chromium", "--version"], capture_output=True, text=True)
    return out.stdout.strip() or "chromium (version unknown)"
