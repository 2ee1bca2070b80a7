#!/usr/bin/env bash
# Checks the two .deb packages without installing them: control metadata (name, architecture,
# dependencies, conffiles, maintainer scripts), the file lists, and that no secret key is inside.
# usage: check_packages.sh DEB_DIR SOURCE_DIR
# env:   PASSERELLE_KIOSK_BINARIES, PASSERELLE_CITY_BINARIES: executables each package must ship
#        PASSERELLE_EXPECT_DEMO_PACK=1 when the tree builds the demo content pack
source "$(dirname "$0")/lib.sh"
debs="$1"
src="$2"
need_debs "$debs"
kiosk=$(kiosk_deb "$debs")
city=$(city_deb "$debs")
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() { dpkg-deb -f "$1" "$2"; }
has_dep() { # deb, package name: Depends names the package (alone or as the first alternative)
    field "$1" Depends | tr ',' '\n' | sed -E 's/^ *//; s/[ (|].*//' | grep -qx "$2"
}
lists() { dpkg-deb -c "$1" | awk '{print $6}' | sed 's|^\./|/|'; }
in_list() { grep -qx "$2" "$1"; }
control_file() { # deb, name: prints a control-area file
    dpkg-deb --ctrl-tarfile "$1" | tar -xO "./$2" 2>/dev/null
}

step "passerelle-kiosk: metadata"
dpkg-deb -f "$kiosk" | sed 's/^/    /'
check "name is passerelle-kiosk" test "$(field "$kiosk" Package)" = passerelle-kiosk
check "architecture is $arch" test "$(field "$kiosk" Architecture)" = "$arch"
for dep in cage fonts-noto-core libgl1-mesa-dri libpam-systemd adduser libc6 libstdc++6 libsdl2-2.0-0; do
    check "Depends on $dep" has_dep "$kiosk" "$dep"
done
# Opened at run time (sync, read-aloud), so dpkg-shlibdeps cannot find them in the binary.
for dep in libcurl4 libespeak-ng1; do
    check "Depends on $dep (opened when first needed)" has_dep "$kiosk" "$dep"
done
control_file "$kiosk" conffiles >"$work/kiosk.conffiles" || true
lists "$kiosk" >"$work/kiosk.files"
for conf in /etc/default/passerelle-kiosk /etc/pam.d/passerelle-kiosk; do
    check "$conf is a conffile" in_list "$work/kiosk.conffiles" "$conf"
    check "$conf is shipped" in_list "$work/kiosk.files" "$conf"
done
check "postinst creates the passerelle user" sh -c "dpkg-deb --ctrl-tarfile '$kiosk' | tar -xO ./postinst | grep -q 'adduser .*--system'"
check "postinst, prerm, postrm are executable" sh -c \
    "dpkg-deb --ctrl-tarfile '$kiosk' | tar -tv | grep -E ' \./(postinst|prerm|postrm)$' | grep -c '^-rwxr-xr-x' | grep -qx 3"

# Every shared library a packaged binary links directly (ELF NEEDED) must come from a package
# named in Depends: that is what CPACK_DEBIAN_PACKAGE_SHLIBDEPS (dpkg-shlibdeps) is for.
declare -A library_owner # soname -> Debian package, looked up once
library_packages_declared() { # deb
    local tree="$work/shlibs" ok=0 elf so path owner
    rm -rf "$tree"
    mkdir -p "$tree"
    dpkg-deb -x "$1" "$tree"
    while IFS= read -r -d '' elf; do
        head -c4 "$elf" | grep -q ELF || continue
        for so in $(objdump -p "$elf" | awk '$1 == "NEEDED" {print $2}'); do
            path=$(ldd "$elf" | awk -v so="$so" '$1 == so && $2 == "=>" {print $3}')
            owner="${library_owner[$so]:-}"
            if [ -z "$owner" ]; then
                for candidate in "$path" "${path#/usr}" "$(realpath -m "$path")"; do
                    owner=$(dpkg -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1) && [ -n "$owner" ] && break
                done
                library_owner[$so]="$owner"
            fi
            if [ -z "$owner" ]; then
                echo "    ${elf#"$tree"} needs $so, which no Debian package provides here ($path)" >&2
                ok=1
            elif ! has_dep "$1" "$owner"; then
                echo "    ${elf#"$tree"} needs $so from $owner, which is not in Depends" >&2
                ok=1
            fi
        done
    done < <(find "$tree" -type f -perm -u+x -print0)
    return $ok
}
check "every library the binaries link comes from a package in Depends" library_packages_declared "$kiosk"

step "passerelle-kiosk: files"
for bin in ${PASSERELLE_KIOSK_BINARIES:-}; do
    check "/usr/bin/$bin shipped" in_list "$work/kiosk.files" "/usr/bin/$bin"
done
check "systemd unit shipped" in_list "$work/kiosk.files" /lib/systemd/system/passerelle-kiosk.service
n_src_keys=$(ls "$src"/assets/demo-keys/*.public | wc -l)
n_deb_keys=$(grep -c '^/usr/share/passerelle/demo-keys/.*\.public$' "$work/kiosk.files" || true)
check "all $n_src_keys demo public keys shipped (found $n_deb_keys)" test "$n_src_keys" -eq "$n_deb_keys"
n_src_locales=$(find "$src/locales" -name '*.json' -o -name '*.po' | wc -l)
n_deb_locales=$(grep -cE '^/usr/share/passerelle/locales/.*\.(json|po)$' "$work/kiosk.files" || true)
check "all $n_src_locales locale files shipped (found $n_deb_locales)" test "$n_src_locales" -eq "$n_deb_locales"
if [ "${PASSERELLE_EXPECT_DEMO_PACK:-0}" = 1 ]; then
    check "demo content pack shipped" in_list "$work/kiosk.files" /usr/share/passerelle/packs/demo.ppack
else
    echo "  note: this tree does not build the demo pack (no demo_pack target), so it is not checked"
fi

step "passerelle-city: metadata"
dpkg-deb -f "$city" | sed 's/^/    /'
check "name is passerelle-city" test "$(field "$city" Package)" = passerelle-city
check "architecture is $arch" test "$(field "$city" Architecture)" = "$arch"
check "Depends on adduser" has_dep "$city" adduser
control_file "$city" conffiles >"$work/city.conffiles" || true
lists "$city" >"$work/city.files"
check "/etc/passerelle/city.conf is a conffile" in_list "$work/city.conffiles" /etc/passerelle/city.conf
check "/etc/passerelle/city.conf is shipped" in_list "$work/city.files" /etc/passerelle/city.conf
check "postinst creates the passerelle-city user" sh -c "dpkg-deb --ctrl-tarfile '$city' | tar -xO ./postinst | grep -q 'adduser .*--system'"

step "passerelle-city: files"
for bin in ${PASSERELLE_CITY_BINARIES:-}; do
    check "/usr/bin/$bin shipped" in_list "$work/city.files" "/usr/bin/$bin"
done
check "every library the binaries link comes from a package in Depends" library_packages_declared "$city"
check "systemd unit shipped" in_list "$work/city.files" /lib/systemd/system/passerelle-city.service
check "the kiosk package does not ship the server" sh -c "! grep -q passerelle-city '$work/kiosk.files'"

step "no secret or private key in either package"
mkdir -p "$work/kiosk" "$work/city"
dpkg-deb -x "$kiosk" "$work/kiosk"
dpkg-deb -x "$city" "$work/city"
check "passerelle-kiosk holds no secret key" /usr/bin/python3 "$(dirname "$0")/scan_secrets.py" "$work/kiosk" "$src/assets/demo-keys"
check "passerelle-city holds no secret key" /usr/bin/python3 "$(dirname "$0")/scan_secrets.py" "$work/city" "$src/assets/demo-keys"
# The scan itself must be able to fail: plant a demo secret key, inside a file and as a file.
mkdir -p "$work/planted/usr/share/passerelle"
cp "$src"/assets/demo-keys/city-sealing.secret "$work/planted/usr/share/passerelle/"
check "the scan catches a planted secret key file" sh -c \
    "! /usr/bin/python3 '$(dirname "$0")/scan_secrets.py' '$work/planted' '$src/assets/demo-keys' 2>/dev/null"
rm "$work/planted/usr/share/passerelle/city-sealing.secret"
{ printf '\177ELF junk'; grep -v '^#' "$src"/assets/demo-keys/city-signing.secret | awk '{print $2}' | base64 -d; } \
    >"$work/planted/usr/share/passerelle/blob"
check "the scan catches raw secret key bytes inside a binary" sh -c \
    "! /usr/bin/python3 '$(dirname "$0")/scan_secrets.py' '$work/planted' '$src/assets/demo-keys' 2>/dev/null"
echo "all package checks passed"
