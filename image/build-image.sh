#!/usr/bin/env bash
# Builds a Raspberry Pi (3B+, 4, 400; arm64) SD-card image of Debian 12 with the Passerelle kiosk
# preinstalled. Run as root on Debian 12, on an arm64 machine or on amd64 with qemu-user-static.
#
#   sudo image/build-image.sh --kiosk-deb ./passerelle-kiosk_0.1.0-1_arm64.deb [--out DIR]
#        [--mirror URL] [--size-root MiB] [--size-data MiB] [--timezone Europe/Paris]
#
# Result: DIR/passerelle-kiosk-rpi-arm64.img.xz (+ .sha256). Write it with
#   xz -dc passerelle-kiosk-rpi-arm64.img.xz | sudo dd of=/dev/sdX bs=4M conv=fsync status=progress
#
# Card layout (MBR, which every Pi model boots):
#   1 RASPIFIRM  FAT32  512 MiB  /boot/firmware  firmware, kernel, passerelle.conf (staff edit this)
#   2 RASPIROOT  ext4            /               read-only, RAM overlay (overlayroot)
#   3 PASSDATA   ext4            /var/lib/passerelle  the kiosk's data; grown to fill the card at first boot
# The partitions are put together by assemble-image.sh (no mount or loop device needed).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
suite=bookworm
mirror=http://deb.debian.org/debian
security=http://deb.debian.org/debian-security
out="$PWD/image-out"
kiosk_deb=""
size_data=256
size_root=""
timezone=Etc/UTC

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "build-image: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
    --kiosk-deb) kiosk_deb="$(realpath "$2")"; shift 2 ;;
    --out) out="$(realpath -m "$2")"; shift 2 ;;
    --mirror) mirror="$2"; shift 2 ;;
    --size-root) size_root="$2"; shift 2 ;;
    --size-data) size_data="$2"; shift 2 ;;
    --timezone) timezone="$2"; shift 2 ;;
    -h | --help) usage 0 ;;
    *) echo "unknown option $1" >&2; usage 2 ;;
    esac
done

[ "$(id -u)" -eq 0 ] || die "run as root (sudo): the root filesystem is built with chroot"
[ -n "$kiosk_deb" ] || die "--kiosk-deb is required (build it on arm64: cmake --build build --target package)"
[ -f "$kiosk_deb" ] || die "$kiosk_deb does not exist"
deb_arch=$(dpkg-deb -f "$kiosk_deb" Architecture)
[ "$deb_arch" = arm64 ] || die "$kiosk_deb is for $deb_arch; the Raspberry Pi image needs the arm64 package"
for tool in mmdebstrap mkfs.ext4 mkfs.vfat mcopy sfdisk xz; do
    command -v "$tool" >/dev/null || die "$tool is missing: apt install mmdebstrap e2fsprogs dosfstools mtools fdisk xz-utils qemu-user-static binfmt-support arch-test"
done
if [ "$(dpkg --print-architecture)" != arm64 ]; then
    command -v arch-test >/dev/null && arch-test arm64 >/dev/null ||
        die "this machine cannot run arm64 programs: apt install qemu-user-static binfmt-support arch-test"
fi
[ -f /usr/share/zoneinfo/"$timezone" ] || die "unknown time zone $timezone"

work=$(mktemp -d "${TMPDIR:-/var/tmp}/passerelle-image.XXXXXX")
cleanup() {
    mountpoint -q "$work/rootfs/boot/firmware" 2>/dev/null && umount "$work/rootfs/boot/firmware"
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out" "$work/firmware"

echo "== 1/3 root filesystem (mmdebstrap, Debian 12 arm64)"
# The Pi firmware and kernel hooks (raspi-firmware) write to /boot/firmware, which must be a mount
# point: a tmpfs during the build, copied out to the FAT partition at the end.
mmdebstrap --architectures=arm64 --variant=minbase --format=directory \
    --components="main contrib non-free-firmware" \
    --include="systemd-sysv,udev,dbus,kmod,initramfs-tools,linux-image-arm64,raspi-firmware" \
    --include="firmware-brcm80211,wireless-regdb,wpasupplicant,iproute2,netbase,systemd-resolved" \
    --include="systemd-timesyncd,libnss-myhostname,ca-certificates,overlayroot,cloud-guest-utils" \
    --include="e2fsprogs,dosfstools,fdisk,jq,tzdata,less" \
    --include="$kiosk_deb" \
    --setup-hook='mkdir -p "$1/boot/firmware" && mount -t tmpfs -o mode=0755 passerelle-firmware "$1/boot/firmware"' \
    --essential-hook='mkdir -p "$1/etc/default"
        printf "quiet loglevel=3 vt.global_cursor_default=0 fsck.repair=yes\n" >"$1/etc/default/raspi-extra-cmdline"
        printf "disable_overscan=1\n" >"$1/etc/default/raspi-firmware-custom"' \
    --customize-hook='printf "\n# Passerelle image\nROOTPART=LABEL=RASPIROOT\nKERNEL_ARCH=arm64\nCONSOLES=\"tty1\"\n" >>"$1/etc/default/raspi-firmware"' \
    --customize-hook="tar -C '$here/files' --owner=0 --group=0 -cf - . | tar -C \"\$1\" --no-overwrite-dir -xf -" \
    --customize-hook='chroot "$1" systemctl enable passerelle-site.service passerelle-grow-data.service systemd-networkd.service systemd-resolved.service systemd-timesyncd.service' \
    --customize-hook='chroot "$1" systemctl set-default graphical.target' \
    --customize-hook="ln -sf /usr/share/zoneinfo/$timezone \"\$1/etc/localtime\"; echo $timezone >\"\$1/etc/timezone\"" \
    --customize-hook='echo passerelle-kiosk >"$1/etc/hostname"; printf "127.0.0.1\tlocalhost\n127.0.1.1\tpasserelle-kiosk\n" >"$1/etc/hosts"' \
    --customize-hook='sed -i "s/^hosts:.*/hosts:          files myhostname resolve [!UNAVAIL=return] dns/" "$1/etc/nsswitch.conf"' \
    --customize-hook='printf "PASSERELLE_KIOSK_OPTS=\"--gles\"\n" >"$1/etc/default/passerelle-kiosk"' \
    --customize-hook='rm -f "$1/etc/machine-id" "$1/var/lib/dbus/machine-id"; : >"$1/etc/machine-id"; chroot "$1" passwd --lock root' \
    --customize-hook='chroot "$1" update-initramfs -u -k all' \
    --customize-hook="cp -a \"\$1/boot/firmware/.\" '$work/firmware/'; umount \"\$1/boot/firmware\"" \
    --customize-hook='rm -rf "$1/var/lib/passerelle"/* "$1/var/cache/apt"/*.bin "$1/var/lib/apt/lists"/*' \
    "$suite" "$work/rootfs" \
    "deb $mirror $suite main contrib non-free-firmware" \
    "deb $mirror $suite-updates main contrib non-free-firmware" \
    "deb $security $suite-security main contrib non-free-firmware"

[ -f "$work/firmware/cmdline.txt" ] && [ -f "$work/firmware/config.txt" ] ||
    die "raspi-firmware did not write cmdline.txt/config.txt into /boot/firmware"
# Defence in depth: never ship a remote shell or a secret key in the image.
[ ! -e "$work/rootfs/usr/sbin/sshd" ] || die "sshd ended up in the image; it must not be installed"
secrets=$(find "$work/rootfs/usr/share/passerelle" "$work/rootfs/etc" -name '*.secret' 2>/dev/null || true)
[ -z "$secrets" ] || die "secret key files in the image: $secrets"
cp "$here/passerelle.conf" "$work/firmware/passerelle.conf"

echo "== 2/3 filesystems and disk image"
image="$out/passerelle-kiosk-rpi-arm64.img"
passerelle_uid=$(chroot "$work/rootfs" id -u passerelle)
"$here/assemble-image.sh" "$work/rootfs" "$work/firmware" "$image" --size-data "$size_data" \
    --data-owner "$passerelle_uid" ${size_root:+--size-root "$size_root"}

echo "== 3/3 compress"
rm -f "$image.xz"
xz -T0 -6 "$image"
(cd "$out" && sha256sum "$(basename "$image").xz" >"$(basename "$image").xz.sha256")
echo "image: $image.xz ($(du -h "$image.xz" | cut -f1))"
