#!/usr/bin/env bash
# Puts a Raspberry Pi SD-card image together from two folders: the root filesystem and the
# firmware (boot) files. Used by build-image.sh; also run on its own by the deployment tests.
#
#   assemble-image.sh ROOTFS_DIR FIRMWARE_DIR OUTPUT.img [--size-root MiB] [--size-data MiB]
#                     [--data-owner UID] [--size-firmware MiB]
#
# Card layout (MBR, which every Pi model boots):
#   1 RASPIFIRM  FAT32  /boot/firmware      (default 512 MiB: room for kernel and initrd updates)
#   2 RASPIROOT  ext4            /                   (default size: content + 30 % + 256 MiB)
#   3 PASSDATA   ext4            /var/lib/passerelle (default 256 MiB; grown at first boot),
#                                its top folder owned by --data-owner with mode 0700
# Nothing is mounted or loop-attached: mkfs.ext4 -d and mtools fill the filesystems from the
# folders, then they are copied into the image at their partition offsets. Run as root so that
# file owners are kept.
set -euo pipefail
die() { echo "assemble-image: $*" >&2; exit 1; }

[ $# -ge 3 ] || die "usage: assemble-image.sh ROOTFS_DIR FIRMWARE_DIR OUTPUT.img [--size-root MiB] [--size-data MiB] [--data-owner UID]"
rootfs="$1"
firmware="$2"
image="$3"
shift 3
size_root=""
size_data=256
data_owner=0
size_fw=512
while [ $# -gt 0 ]; do
    case "$1" in
    --size-root) size_root="$2"; shift 2 ;;
    --size-data) size_data="$2"; shift 2 ;;
    --data-owner) data_owner="$2"; shift 2 ;;
    --size-firmware) size_fw="$2"; shift 2 ;;
    *) die "unknown option $1" ;;
    esac
done
[ -d "$rootfs" ] || die "$rootfs is not a folder"
[ -d "$firmware" ] || die "$firmware is not a folder"
for tool in mkfs.ext4 mkfs.vfat mcopy sfdisk; do
    command -v "$tool" >/dev/null || die "$tool is missing: apt install e2fsprogs dosfstools mtools fdisk"
done

work=$(mktemp -d "${TMPDIR:-/var/tmp}/passerelle-assemble.XXXXXX")
trap 'rm -rf "$work"' EXIT

mib() { echo $((($1 + 1048575) / 1048576)); }
if [ -z "$size_root" ]; then
    used=$(mib "$(du -sb "$rootfs" | cut -f1)")
    size_root=$((used * 13 / 10 + 256))
fi

mkfs.ext4 -q -L RASPIROOT -d "$rootfs" "$work/root.img" "${size_root}M"
# The data partition's top folder is /var/lib/passerelle: the kiosk user's, private.
mkfs.ext4 -q -L PASSDATA -E "root_owner=$data_owner:$data_owner" "$work/data.img" "${size_data}M"
debugfs -w -R "set_inode_field / mode 040700" "$work/data.img" >/dev/null 2>&1 ||
    die "could not set the data partition's mode (debugfs)"
mkfs.vfat -F 32 -n RASPIFIRM -C "$work/firmware.img" $((size_fw * 1024)) >/dev/null
if [ -n "$(ls -A "$firmware")" ]; then
    mcopy -s -p -m -i "$work/firmware.img" "$firmware"/* ::/
fi

start_fw=4
start_root=$((start_fw + size_fw))
start_data=$((start_root + size_root))
total=$((start_data + size_data))
rm -f "$image"
truncate -s "${total}M" "$image"
sfdisk --quiet "$image" <<TABLE
label: dos
start=${start_fw}MiB, size=${size_fw}MiB, type=c, bootable
start=${start_root}MiB, size=${size_root}MiB, type=83
start=${start_data}MiB, size=${size_data}MiB, type=83
TABLE
dd if="$work/firmware.img" of="$image" bs=1M seek="$start_fw" conv=notrunc,sparse status=none
dd if="$work/root.img" of="$image" bs=1M seek="$start_root" conv=notrunc,sparse status=none
dd if="$work/data.img" of="$image" bs=1M seek="$start_data" conv=notrunc,sparse status=none
echo "assemble-image: $image (firmware ${size_fw} MiB, root ${size_root} MiB, data ${size_data} MiB)"
