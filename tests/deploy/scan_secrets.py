#!/usr/bin/python3
"""Fails if an unpacked package tree holds a secret key.

usage: scan_secrets.py TREE DEMO_KEYS_DIR

A file is refused when:
  * its name looks like a private key (*.secret, *.key, *.pem, id_rsa, id_ed25519, ...);
  * it is a data file (not an ELF binary) with a private key header: a Passerelle key file whose
    kind ends in "-secret", or a PEM/OpenSSH "PRIVATE KEY" block;
  * it contains any demo secret key from DEMO_KEYS_DIR, as its base64 text or as raw bytes (the
    whole key or the 32-byte seed), even inside a binary.
"""
import base64
import pathlib
import re
import sys

SECRET_NAMES = re.compile(r"(\.secret|\.key|\.pem|\.p12|\.pfx|^id_(rsa|dsa|ecdsa|ed25519))$")
KEY_FILE_LINE = re.compile(rb"^[a-z0-9]+-secret [A-Za-z0-9+/=]+\s*$", re.MULTILINE)
PEM_PRIVATE = re.compile(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----")


def demo_secrets(keys_dir: pathlib.Path):
    needles = []
    for path in sorted(keys_dir.glob("*.secret")):
        for line in path.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            kind, text = line.split(None, 1)
            raw = base64.b64decode(text)
            needles.append((f"{path.name} (base64)", text.encode()))
            needles.append((f"{path.name} (raw)", raw))
            needles.append((f"{path.name} (seed)", raw[:32]))
    if not needles:
        sys.exit(f"no demo secret keys found in {keys_dir}: cannot check for them")
    return needles


def main() -> int:
    tree = pathlib.Path(sys.argv[1])
    needles = demo_secrets(pathlib.Path(sys.argv[2]))
    problems = []
    scanned = 0
    for path in sorted(tree.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        scanned += 1
        rel = path.relative_to(tree)
        if SECRET_NAMES.search(path.name):
            problems.append(f"{rel}: file name of a private key")
        data = path.read_bytes()
        if not data.startswith(b"\x7fELF"):
            if KEY_FILE_LINE.search(data):
                problems.append(f"{rel}: holds a secret key line")
            if PEM_PRIVATE.search(data):
                problems.append(f"{rel}: holds a PEM private key")
        for what, needle in needles:
            if needle in data:
                problems.append(f"{rel}: contains the demo secret key {what}")
    for problem in problems:
        print(f"SECRET IN PACKAGE: {problem}", file=sys.stderr)
    print(f"  scanned {scanned} files for secret keys: {len(problems)} found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
