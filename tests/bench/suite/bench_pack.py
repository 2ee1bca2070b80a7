"""A content pack for the frame-time benchmark: the demo pack plus a service whose first step is a
text field (typing on the on-screen keyboard) and enough services (61 in all) to make the
services list long (drag-scrolling). Built and signed with the public DEMO key, like the demo pack, and
installed by the kiosk's --demo start from a share folder given in PASSERELLE_SHARE_DIR."""
import copy
import json
import os
import shutil
import subprocess

SERVICES = 60  # street-problem copies numbered 4..60, besides the demo pack's 3 and the typing one
TYPING_SERVICE = "bench-typing"


def _retitle(texts, suffix):
    return {lang: f"{text} {suffix}" for lang, text in texts.items()}


def _write_sources(repo, src):
    shutil.copytree(os.path.join(repo, "assets/demo-pack"), src)
    with open(os.path.join(src, "services/2-street-problem.json"), encoding="utf-8") as f:
        street = json.load(f)
    with open(os.path.join(src, "pack.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    manifest["version"] = "99.0.0"  # newer than the demo pack, which it replaces in its data dir
    with open(os.path.join(src, "pack.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)

    typing = copy.deepcopy(street)
    typing.update(id=TYPING_SERVICE, order=0, title=_retitle(street["title"], "(typing)"))
    typing["steps"] = [s for s in street["steps"] if s["id"] not in ("category", "dangerous")]
    assert typing["steps"][0]["kind"] == "text"
    services = [typing]
    for n in range(4, SERVICES + 1):
        extra = copy.deepcopy(street)
        extra.update(id=f"street-problem-{n}", order=n, title=_retitle(street["title"], str(n)))
        services.append(extra)
    for service in services:
        path = os.path.join(src, "services", f"bench-{service['id']}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(service, f, ensure_ascii=False, indent=2)


def make_share_dir(repo, build, work):
    """Builds the bench pack and a share folder (locales, demo keys, packs/demo.ppack) under work;
    returns the share folder for PASSERELLE_SHARE_DIR."""
    src = os.path.join(work, "bench-pack-src")
    share = os.path.join(work, "share")
    _write_sources(repo, src)
    os.makedirs(os.path.join(share, "packs"))
    os.symlink(os.path.join(repo, "locales"), os.path.join(share, "locales"))
    os.symlink(os.path.join(repo, "assets/demo-keys"), os.path.join(share, "demo-keys"))
    tool = os.path.join(build, "tools/pack/passerelle-pack")
    out = os.path.join(share, "packs/demo.ppack")
    for argv in ([tool, "build", src, "-o", out],
                 [tool, "sign", out, "--key",
                  os.path.join(repo, "assets/demo-keys/city-signing.secret")]):
        done = subprocess.run(argv, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"bench pack: {' '.join(argv)}\n{done.stdout}{done.stderr}")
    return share
