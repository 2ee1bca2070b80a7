"""Runs the existing benchmark programs (tests/bench/core, pack, sync) and picks their figures."""
import os
import re
import subprocess


def _run(argv, log, build):
    # The test support finds passerelle-city under PASSERELLE_BINARY_DIR (else the working folder).
    env = dict(os.environ, PASSERELLE_BINARY_DIR=build)
    out = subprocess.run(argv, capture_output=True, text=True, cwd=build, env=env)
    log.append(f"$ {' '.join(argv)}\n{out.stdout}{out.stderr}")
    if out.returncode != 0:
        raise RuntimeError(f"{os.path.basename(argv[0])} failed:\n{out.stdout}{out.stderr}")
    return out.stdout


def _number(pattern, text, what):
    found = re.search(pattern, text)
    if not found:
        raise RuntimeError(f"no '{what}' figure in:\n{text}")
    return float(found.group(1))


def seal_commit(build, log):
    """Median ms to seal + commit one submission (bench_core_store: 200 per run, 5 runs)."""
    text = _run([f"{build}/tests/bench/core/bench_core_store", "200", "5", "1"], log, build)
    per_second = _number(r"seal \+ commit[^:]*:\s*([\d.]+) /s", text, "seal + commit")
    return {"seal_commit_ms": 1000 / per_second, "seal_commit_per_s": per_second}


def pack(build, log):
    """Median ms to verify, and to install (copy + verify + switch), the 50 MB bench pack."""
    text = _run([f"{build}/tests/bench/pack/pack_bench", "5"], log, build)
    return {"pack_mb": _number(r"pack: ([\d.]+) MB", text, "pack size"),
            "pack_verify_ms": _number(r"verify \(openPack\):\s*median\s*([\d.]+)", text, "verify"),
            "pack_install_ms": _number(r"install \(copy\+verify\+switch\):\s*median\s*([\d.]+)",
                                       text, "install")}


def sync(build, log, runs=6):
    """Per server backend (SQLite; PostgreSQL too when PASSERELLE_TEST_PG_URL is set): ingest
    rate (records/s) and the time to sync a 10,000-record outbox (s)."""
    text = _run([f"{build}/tests/bench/sync/sync_bench", "--runs", str(runs)], log, build)
    backends = {}
    for name, rate in re.findall(r"^(\S+)\s+ingest:\s*([\d.]+) records/s", text, re.M):
        backends.setdefault(name, {})["ingest_per_s"] = float(rate)
    for name, secs in re.findall(r"^(\S+)\s+sync of a 10,000-record outbox[^:]*:\s*([\d.]+) s",
                                 text, re.M):
        backends.setdefault(name, {})["sync_10k_s"] = float(secs)
    if not backends:
        raise RuntimeError("no figures in sync_bench's output:\n" + text)
    return backends
