#!/usr/bin/env bash
# The SD-card layout of the Raspberry Pi image (image/assemble-image.sh), on small stand-in
# folders: the partition table the Pi firmware needs, the labels /etc/fstab and cmdline.txt use,
# the files and their owners inside each filesystem, and the kiosk's private data partition.
# usage: image_assemble.sh SOURCE_DIR
source "$(dirname "$0")/lib.sh"
assemble="$1/image/assemble-image.sh"
[ "$(id -u)" -eq 0 ] || fail "this test needs root (file owners in the filesystems); CI runs as root"
for tool in mkfs.vfat mcopy mdir sfdisk debugfs blkid; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/install-deps.sh"
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "stand-in root filesystem and firmware folders"
mkdir -p "$work/rootfs/etc" "$work/rootfs/usr/bin" "$work/rootfs/var/lib/passerelle" "$work/firmware/overlays"
cp "$1/image/files/etc/fstab" "$work/rootfs/etc/fstab"
printf '#!/bin/sh\n' >"$work/rootfs/usr/bin/passerelle-kiosk"
chmod 755 "$work/rootfs/usr/bin/passerelle-kiosk"
echo secret-ish >"$work/rootfs/etc/owned-by-102"
chown 102:103 "$work/rootfs/etc/owned-by-102"
ln -s /proc/self/mounts "$work/rootfs/etc/mtab"
echo 'console=tty1 root=LABEL=RASPIROOT rootwait' >"$work/firmware/cmdline.txt"
echo '[all]' >"$work/firmware/config.txt"
echo 'dtb' >"$work/firmware/overlays/a.dtbo"
cp "$1/image/passerelle.conf" "$work/firmware/passerelle.conf"

step "assemble"
check "assemble-image.sh succeeds" "$assemble" "$work/rootfs" "$work/firmware" "$work/card.img" \
    --size-root 64 --size-data 32 --size-firmware 64 --data-owner 102
sfdisk -d "$work/card.img" | sed 's/^/    /'
table=$(sfdisk --json "$work/card.img")
part() { jq -r ".partitiontable.partitions[$1].$2" <<<"$table"; }
check "an MBR (dos) partition table, which every Pi model boots" test "$(jq -r .partitiontable.label <<<"$table")" = dos
check "three partitions" test "$(jq '.partitiontable.partitions | length' <<<"$table")" = 3
check "partition 1 is FAT32 (type c) and bootable" test "$(part 0 type)/$(part 0 bootable)" = "c/true"
check "partition 1 starts at 4 MiB" test "$(part 0 start)" = 8192
check "partitions 2 and 3 are Linux (type 83)" test "$(part 1 type)/$(part 2 type)" = "83/83"
check "the data partition is last (it grows to the end of the card)" test "$(part 2 start)" -gt "$(part 1 start)"

extract() { # index (0-based), output
    dd if="$work/card.img" of="$2" bs=1M iflag=skip_bytes,count_bytes conv=sparse status=none \
        skip=$(($(part "$1" start) * 512)) count=$(($(part "$1" size) * 512))
}
extract 0 "$work/p1"
extract 1 "$work/p2"
extract 2 "$work/p3"
label() { blkid -p -o value -s LABEL "$1"; }
fstype() { blkid -p -o value -s TYPE "$1"; }
check "partition 1: vfat labelled RASPIFIRM" test "$(fstype "$work/p1") $(label "$work/p1")" = "vfat RASPIFIRM"
check "partition 2: ext4 labelled RASPIROOT" test "$(fstype "$work/p2") $(label "$work/p2")" = "ext4 RASPIROOT"
check "partition 3: ext4 labelled PASSDATA" test "$(fstype "$work/p3") $(label "$work/p3")" = "ext4 PASSDATA"
for label in RASPIFIRM RASPIROOT PASSDATA; do
    check "/etc/fstab mounts LABEL=$label" grep -q "^LABEL=$label " "$work/rootfs/etc/fstab"
done

step "contents"
check "firmware: cmdline.txt, config.txt, passerelle.conf" sh -c \
    "mdir -b -i '$work/p1' :: | grep -qi cmdline.txt && mdir -b -i '$work/p1' :: | grep -qi config.txt && mdir -b -i '$work/p1' :: | grep -qi passerelle.conf"
check "firmware: subfolders copied (overlays/a.dtbo)" sh -c "mdir -b -i '$work/p1' ::/overlays | grep -qi a.dtbo"
check "firmware: passerelle.conf is the template, byte for byte" \
    cmp <(mtype -i "$work/p1" ::/passerelle.conf) "$1/image/passerelle.conf"
stat_of() { debugfs -R "stat $2" "$1" 2>/dev/null; }
check "root: /usr/bin/passerelle-kiosk is executable (0755)" sh -c \
    "debugfs -R 'stat /usr/bin/passerelle-kiosk' '$work/p2' 2>/dev/null | grep -q 'Mode:  0755'"
check "root: file owners are kept (uid 102)" sh -c "debugfs -R 'stat /etc/owned-by-102' '$work/p2' 2>/dev/null | grep -qE 'User: +102 +Group: +103'"
check "root: symbolic links are kept" sh -c "debugfs -R 'stat /etc/mtab' '$work/p2' 2>/dev/null | grep -q 'Type: symlink'"
check "data: its top folder belongs to the kiosk user, mode 0700" sh -c \
    "debugfs -R 'stat /' '$work/p3' 2>/dev/null | grep -qE 'Mode: +0700' && debugfs -R 'stat /' '$work/p3' 2>/dev/null | grep -qE 'User: +102 '"
refused=$("$assemble" "$work/nope" "$work/firmware" "$work/x.img" 2>&1) && fail "a missing root folder was accepted"
check "a missing folder is refused with a message" grep -q "is not a folder" <<<"$refused"
echo "image assembly test passed"
