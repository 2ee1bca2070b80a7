#!/usr/bin/env bash
# Installs both .deb packages into a minimal Debian 12 root filesystem and checks what an
# administrator would: apt accepts them, the files are there, the service users exist, the units
# are enabled and pass `systemd-analyze verify`, every binary finds its libraries, an admin's
# "disable" survives a reinstall, and removing the packages keeps the data.
#
# The root filesystem (Debian 12 + the packages' dependencies, resolved by apt from the Debian
# archive) is built once with mmdebstrap and cached as a folder in CACHE_DIR; it is rebuilt only
# when the packages' Depends change. Only that first build needs the Debian mirror. Each run works
# on an overlay of it (or a copy where overlayfs is not available), so the cache stays pristine.
#
# usage: rootfs_install.sh DEB_DIR CACHE_DIR SOURCE_DIR
# env:   PASSERELLE_DEBIAN_MIRROR  (default http://deb.debian.org/debian)
#        PASSERELLE_DEBIAN_SECURITY_MIRROR (default http://deb.debian.org/debian-security)
#        PASSERELLE_KIOSK_BINARIES, PASSERELLE_CITY_BINARIES: executables each package ships
source "$(dirname "$0")/lib.sh"
debs="$1"
cache="$2"
src="$3"
suite=bookworm
mirror="${PASSERELLE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
security="${PASSERELLE_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
need_debs "$debs"
kiosk=$(kiosk_deb "$debs")
city=$(city_deb "$debs")
t0=$(date +%s)

[ "$(id -u)" -eq 0 ] || fail "this test needs root (it unpacks a root filesystem and chroots into it); CI runs as root"
command -v mmdebstrap >/dev/null || fail "mmdebstrap is not installed: run scripts/install-deps.sh (it is in scripts/debian-packages.txt)"

mkdir -p "$cache"
# Leftovers of an interrupted run (unmounted first: never delete through a mount).
for old in "$cache"/run.*; do
    [ -e "$old" ] || continue
    mountpoint -q "$old/root" && umount "$old/root"
    rm -rf "$old"
done
rm -rf "$cache"/*.partial

# --- the cached base root filesystem ----------------------------------------------------------
# A throw-away package that depends on exactly what ours depend on lets apt resolve the same
# alternatives and versions it will resolve for the real packages.
deps=$( (dpkg-deb -f "$kiosk" Depends; dpkg-deb -f "$city" Depends) | paste -sd, - | sed 's/, */, /g')
key=$(printf '%s\n' "v2" "$suite" "$mirror" "$security" "$deps" | sha256sum | cut -c1-16)
base="$cache/base-$suite-$key"
if [ -f "$base/.complete" ]; then
    step "using the cached root filesystem $(basename "$base")"
else
    step "building the base root filesystem (Debian 12 + dependencies): first run or Depends changed"
    if ! timeout 30 /usr/lib/apt/apt-helper download-file "$mirror/dists/$suite/InRelease" "$cache/InRelease.partial" >/dev/null 2>&1; then
        fail "the Debian mirror $mirror cannot be reached, so the test root filesystem cannot be built.
  It is needed once (then cached in $cache). Check the network or proxy, or point
  PASSERELLE_DEBIAN_MIRROR at a reachable Debian mirror."
    fi
    rm -f "$cache/InRelease.partial"
    meta="$cache/meta.partial"
    mkdir -p "$meta/DEBIAN"
    cat >"$meta/DEBIAN/control" <<CONTROL
Package: passerelle-test-dependencies
Version: 1
Architecture: all
Maintainer: Passerelle tests <passerelle@localhost>
Depends: $deps
Description: dependencies of the Passerelle packages (test root filesystem only)
CONTROL
    dpkg-deb --root-owner-group -b "$meta" "$cache/passerelle-test-dependencies.deb" >/dev/null
    rm -rf "$meta" "$cache"/base-*
    if ! mmdebstrap --variant=apt --mode=root --format=directory \
        --aptopt='Acquire::Retries "3"' --aptopt='Acquire::http::Timeout "60"' \
        --customize-hook="cp '$cache/passerelle-test-dependencies.deb' \"\$1/tmp/\"" \
        --customize-hook='chroot "$1" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/passerelle-test-dependencies.deb' \
        --customize-hook='rm -f "$1/tmp/passerelle-test-dependencies.deb"' \
        "$suite" "$base.partial" \
        "deb $mirror $suite main" "deb $mirror $suite-updates main" "deb $security $suite-security main" \
        >"$cache/mmdebstrap.log" 2>&1; then
        tail -n 30 "$cache/mmdebstrap.log" >&2
        rm -rf "$base.partial"
        fail "mmdebstrap could not build the Debian 12 root filesystem (last lines above, full log in $cache/mmdebstrap.log).
  If apt could not download, the Debian mirror $mirror is unreachable or failing: retry, or set PASSERELLE_DEBIAN_MIRROR."
    fi
    touch "$base.partial/.complete"
    mv "$base.partial" "$base"
    echo "  built in $(($(date +%s) - t0)) s, $(du -sh "$base" | cut -f1)"
fi

# --- a fresh root filesystem for this run ------------------------------------------------------
run=$(mktemp -d "$cache/run.XXXXXX")
root="$run/root"
mkdir -p "$root" "$run/upper" "$run/work"
cleanup() {
    mountpoint -q "$root" && umount "$root"
    rm -rf "$run"
}
trap cleanup EXIT
t1=$(date +%s)
if mount -t overlay passerelle-test -o "lowerdir=$base,upperdir=$run/upper,workdir=$run/work" "$root" 2>/dev/null; then
    echo "  overlay on the cached root filesystem ready"
else
    cp -a "$base/." "$root/"
    echo "  no overlayfs here: copied the cached root filesystem in $(($(date +%s) - t1)) s"
fi
rm -f "$root/.complete"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
mkdir -p "$root/tmp/debs"
cp "$kiosk" "$city" "$root/tmp/debs/"
kdeb=/tmp/debs/$(basename "$kiosk")
cdeb=/tmp/debs/$(basename "$city")

step "apt install ./passerelle-kiosk_*.deb ./passerelle-city_*.deb (dependencies already in the cached root filesystem: no download)"
if ! in_root apt-get install -y -o Dpkg::Use-Pty=0 "$kdeb" "$cdeb" >"$root/apt.log" 2>&1; then
    cat "$root/apt.log" >&2
    fail "apt could not install the packages into Debian 12 (apt output above)"
fi
check "passerelle-kiosk is installed" sh -c "chroot '$root' dpkg-query -W -f='\${Status}' passerelle-kiosk | grep -qx 'install ok installed'"
check "passerelle-city is installed" sh -c "chroot '$root' dpkg-query -W -f='\${Status}' passerelle-city | grep -qx 'install ok installed'"

step "files"
for f in /lib/systemd/system/passerelle-kiosk.service /lib/systemd/system/passerelle-city.service \
    /etc/pam.d/passerelle-kiosk /etc/default/passerelle-kiosk /etc/passerelle/city.conf \
    /usr/share/passerelle/demo-keys/city-signing.public; do
    check "$f" test -f "$root$f"
done
for bin in ${PASSERELLE_KIOSK_BINARIES:-} ${PASSERELLE_CITY_BINARIES:-}; do
    check "/usr/bin/$bin is executable" test -x "$root/usr/bin/$bin"
    missing=$(in_root ldd "/usr/bin/$bin" | grep 'not found' || true)
    check "/usr/bin/$bin finds all its shared libraries${missing:+: $missing}" test -z "$missing"
done
if [ -x "$root/usr/bin/passerelle-kiosk" ]; then
    check "passerelle-kiosk --version runs" sh -c "chroot '$root' /usr/bin/passerelle-kiosk --version | grep -q '^passerelle-kiosk '"
fi
if [ -x "$root/usr/bin/passerelle-city" ]; then
    check "passerelle-city --version runs" sh -c "chroot '$root' /usr/bin/passerelle-city --version | grep -q '^passerelle-city '"
    # The shipped config must be accepted: the server then goes on (and stops at the missing city
    # key, or keeps running until the timeout), never at "city.conf line N".
    rc=0
    out=$(in_root timeout 5 /usr/bin/passerelle-city --config /etc/passerelle/city.conf --data-dir /tmp/city-conf-test 2>&1) || rc=$?
    conf_ok=yes
    [ "$rc" -ne 2 ] || conf_ok=no
    ! grep -q 'city.conf line' <<<"$out" || conf_ok=no
    echo "  passerelle-city with the shipped config (exit $rc): $(head -n1 <<<"$out")"
    check "the shipped /etc/passerelle/city.conf is accepted by passerelle-city" test "$conf_ok" = yes
fi
check "/usr/bin/cage comes from the dependencies" test -x "$root/usr/bin/cage"
check "Noto fonts come from the dependencies" test -d "$root/usr/share/fonts/truetype/noto"
check "no *.secret file installed" test -z "$(find "$root/usr/share/passerelle" "$root/etc" -name '*.secret')"

step "service users"
entry=$(in_root getent passwd passerelle || true)
echo "  $entry"
check "user passerelle exists" test -n "$entry"
IFS=: read -r _ _ uid _ _ home shell <<<"$entry"
check "passerelle is a system user (uid $uid < 1000)" test "$uid" -lt 1000
check "passerelle cannot log in (shell $shell)" test "$shell" = /usr/sbin/nologin
check "passerelle's home is /var/lib/passerelle" test "$home" = /var/lib/passerelle
groups=" $(in_root id -nG passerelle) "
for g in video input render audio; do
    if in_root getent group "$g" >/dev/null; then
        check "passerelle is in group $g" grep -q " $g " <<<"$groups"
    fi
done
check "passerelle is not in group sudo" bash -c "! grep -q ' sudo ' <<<'$groups'"
entry=$(in_root getent passwd passerelle-city || true)
echo "  $entry"
check "user passerelle-city exists" test -n "$entry"
check "/var/lib/passerelle-city is the server's (passerelle-city, 0750)" \
    test "$(in_root stat -c '%a %U %G' /var/lib/passerelle-city)" = "750 passerelle-city passerelle-city"
check "city.conf is readable by the server only (root:passerelle-city 0640)" \
    test "$(in_root stat -c '%a %U %G' /etc/passerelle/city.conf)" = "640 root passerelle-city"

step "units enabled at boot and valid"
check "passerelle-kiosk.service is enabled" test "$(in_root systemctl is-enabled passerelle-kiosk.service)" = enabled
check "it starts with graphical.target" test -L "$root/etc/systemd/system/graphical.target.wants/passerelle-kiosk.service"
check "passerelle-city.service is enabled" test "$(in_root systemctl is-enabled passerelle-city.service)" = enabled
check "it starts with multi-user.target" test -L "$root/etc/systemd/system/multi-user.target.wants/passerelle-city.service"
verify=$(in_root systemd-analyze verify --man=no passerelle-kiosk.service passerelle-city.service 2>&1) ||
    fail "systemd-analyze verify failed: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify reported problems in the units:
$verify"
echo "  ok: systemd-analyze verify: no problem reported"
# The Raspberry Pi image's own units (image/files), against the same Debian 12 system.
cp "$src"/image/files/etc/systemd/system/*.service "$root/etc/systemd/system/"
install -m 0755 "$src"/image/files/usr/local/sbin/* "$root/usr/local/sbin/"
verify=$(in_root systemd-analyze verify --man=no passerelle-site.service passerelle-grow-data.service 2>&1) ||
    fail "systemd-analyze verify failed on the image units: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify reported problems in the image units:
$verify"
echo "  ok: systemd-analyze verify of the image units (passerelle-site, passerelle-grow-data): no problem reported"
in_root systemd-analyze security --offline=yes passerelle-city.service | tail -n1
check "the city server's sandbox exposure is at most 2.0 (systemd-analyze security)" \
    quiet in_root systemd-analyze security --offline=yes --threshold=20 passerelle-city.service
in_root systemd-analyze security --offline=yes passerelle-kiosk.service | tail -n1
check "the kiosk's sandbox exposure is at most 5.0" \
    quiet in_root systemd-analyze security --offline=yes --threshold=50 passerelle-kiosk.service

step "reinstall keeps an administrator's choice"
in_root systemctl disable passerelle-kiosk.service >/dev/null 2>&1
in_root apt-get install -y -o Dpkg::Use-Pty=0 --reinstall "$kdeb" >"$root/apt.log" 2>&1 || { cat "$root/apt.log" >&2; fail "reinstall failed"; }
check "a disabled kiosk stays disabled after a reinstall" test "$(in_root systemctl is-enabled passerelle-kiosk.service)" = disabled
in_root systemctl enable passerelle-kiosk.service >/dev/null 2>&1

step "remove and purge keep the data"
mkdir -p "$root/var/lib/passerelle"
echo "sealed record" >"$root/var/lib/passerelle/outbox-marker"
in_root apt-get purge -y -o Dpkg::Use-Pty=0 passerelle-kiosk passerelle-city >"$root/apt.log" 2>&1 || { cat "$root/apt.log" >&2; fail "purge failed"; }
check "the kiosk unit is gone" test ! -e "$root/lib/systemd/system/passerelle-kiosk.service"
check "it is no longer wanted at boot" test ! -e "$root/etc/systemd/system/graphical.target.wants/passerelle-kiosk.service"
check "the kiosk data is kept" test -f "$root/var/lib/passerelle/outbox-marker"
check "the city data folder is kept" test -d "$root/var/lib/passerelle-city"
check "the conffiles are gone after purge" test ! -e "$root/etc/passerelle/city.conf"
in_root apt-get install -y -o Dpkg::Use-Pty=0 "$kdeb" >"$root/apt.log" 2>&1 || { cat "$root/apt.log" >&2; fail "install after purge failed"; }
check "installing again after a purge enables the kiosk again" test "$(in_root systemctl is-enabled passerelle-kiosk.service)" = enabled

echo "rootfs install test passed in $(($(date +%s) - t0)) s"
