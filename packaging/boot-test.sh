#!/usr/bin/env bash
# The boot test of the kiosk package (docs/reliability.md, "The packaged kiosk, booted"): builds a minimal
# Debian 12 root from the package archive, installs the .deb (which brings the kiosk session: cage, XWayland,
# seatd), boots it as a virtual machine with its own kernel and systemd, follows the administrator's guide on
# it (install-kiosk.sh, key ceremony, kiosk certificate, register, clerk, start --check-only, verify-offline.sh,
# enable, reboot) and then checks the running kiosk: window on the screen, no escape by keyboard (VT switch,
# SysRq, Ctrl+Alt+Del, compositor and JavaFX shortcuts), kill -9 restarted, a refusal retried up to the start
# limit and reported, the logs under the unit, no network for any process of the session, a clean stop.
# Run before every release; not part of 'mvn verify' (it takes minutes and downloads Debian).
#
#   packaging/boot-test.sh [--deb FILE] [--work DIR] [--mirror URL] [--fresh]
#
#   --deb FILE    the package to test (default: packaging/target/deb/sailau-kiosk_*.deb; build-deb.sh makes it)
#   --work DIR    where the Debian root, the disk image, screenshots and the report go
#                 (default: packaging/target/boot-test; nothing of it belongs in git)
#   --mirror URL  the Debian archive (default: the first 'deb' URI of this machine's apt sources)
#   --fresh       build the Debian base root again instead of reusing WORK/base-root.tar
#
# Needs root, debootstrap, qemu-system-x86_64 (with /dev/kvm it takes minutes; without, much longer),
# mkfs.ext4 (e2fsprogs), python3, and the built jars kiosk-app/target/sailau-kiosk.jar and
# sample-prints/target/sample-prints.jar (the authority's side of the key ceremony runs on this machine).
# Output: WORK/report.txt (every check PASS/FAIL and the measured times), WORK/shots/*.png; exit 1 on a FAIL.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
deb=""
work="$here/target/boot-test"
mirror=""
fresh=no
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) deb="$2"; shift ;;
    --work) work="$2"; shift ;;
    --mirror) mirror="$2"; shift ;;
    --fresh) fresh=yes ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "boot-test.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "boot-test.sh: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap, chroot and the disk image need it)"
for tool in debootstrap qemu-system-x86_64 mkfs.ext4 python3 java; do
  command -v "$tool" >/dev/null || fail "'$tool' not found (apt install debootstrap qemu-system-x86 e2fsprogs python3)"
done
[ -n "$deb" ] || deb="$(ls "$here"/target/deb/sailau-kiosk_*.deb 2>/dev/null | head -n 1 || true)"
[ -f "$deb" ] || fail "no package: build it with packaging/build-deb.sh or give --deb FILE"
for jar in "$root/kiosk-app/target/sailau-kiosk.jar" "$root/sample-prints/target/sample-prints.jar"; do
  [ -f "$jar" ] || fail "no $jar: run 'mvn -B -q -DskipTests package' first"
done
if [ -z "$mirror" ]; then
  # The archive this machine already uses (deb822 .sources or one-line sources.list).
  mirror="$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n 1 || true)"
  [ -n "$mirror" ] || mirror="$(grep -hsE '^deb ' /etc/apt/sources.list | awk '{print $2}' | head -n 1 || true)"
  [ -n "$mirror" ] || fail "no Debian archive found in /etc/apt: give --mirror URL"
fi
mkdir -p "$work"
work="$(cd "$work" && pwd)"
suite=bookworm
log="$work/build.log"
: > "$log"
echo "boot-test.sh: package $(sha256sum "$deb")"

# 1. A minimal Debian 12 root with a kernel and systemd (cached: the archive changes slowly, the kiosk does not).
base_packages="systemd-sysv,udev,dbus,kmod,linux-image-amd64,procps,iproute2,ca-certificates,sudo"
if [ "$fresh" = yes ] || [ ! -f "$work/base-root.tar" ]; then
  echo "boot-test.sh: debootstrap $suite ($base_packages) from $mirror"
  rm -rf "$work/base-root"
  debootstrap --variant=minbase --include="$base_packages" "$suite" "$work/base-root" "$mirror" >>"$log" 2>&1 \
    || fail "debootstrap failed (see $log)"
  tar -C "$work/base-root" -cf "$work/base-root.tar" .
  rm -rf "$work/base-root"
fi

# 2. The kiosk's root: the package with its dependencies, as 'apt install ./sailau-kiosk_*.deb' on the kiosk.
image_root="$work/root"
cleanup() {
  for mount in dev/pts dev proc sys; do mountpoint -q "$image_root/$mount" && umount "$image_root/$mount"; done
  return 0
}
trap cleanup EXIT
cleanup
rm -rf "$image_root"
mkdir -p "$image_root"
tar -C "$image_root" -xf "$work/base-root.tar"
mount -t proc proc "$image_root/proc"
mount -t sysfs sys "$image_root/sys"
mount --bind /dev "$image_root/dev"
mount --bind /dev/pts "$image_root/dev/pts"
cat > "$image_root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
EOF
# No service starts inside the chroot while packages install.
printf '#!/bin/sh\nexit 101\n' > "$image_root/usr/sbin/policy-rc.d"
chmod +x "$image_root/usr/sbin/policy-rc.d"
cp "$deb" "$image_root/tmp/"
# grim takes the compositor's screenshot; it is the only test tool on the image.
echo "boot-test.sh: apt install ./$(basename "$deb") grim"
chroot "$image_root" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
  "apt-get update -q && apt-get install -y -q /tmp/$(basename "$deb") grim && apt-get clean" >>"$log" 2>&1 \
  || fail "apt install of the package failed (see $log)"
rm -f "$image_root/usr/sbin/policy-rc.d"
# The same package again, for the guide's "Update the package" step (its dependencies are installed by then).
mv "$image_root/tmp/$(basename "$deb")" "$image_root/root/"
chroot "$image_root" dpkg-query -W -f '${Package} ${Version}\n' sailau-kiosk cage xwayland seatd libwlroots10 rfkill \
  linux-image-amd64 systemd > "$work/versions.txt"
cleanup

# The test's own parts of the image: a root filesystem entry, a host name, the serial console, and the agent
# through which the driver runs the guide's commands (a virtio serial port: no network is used).
echo "/dev/vda / ext4 defaults 0 1" > "$image_root/etc/fstab"
echo "sailau-boot-test" > "$image_root/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tsailau-boot-test\n' > "$image_root/etc/hosts"   # as the Debian installer writes it
install -m 0755 "$here/boot-test/agent.sh" "$image_root/usr/local/sbin/sailau-boot-agent"
install -m 0644 "$here/boot-test/sailau-boot-agent.service" "$image_root/etc/systemd/system/"
ln -sf /etc/systemd/system/sailau-boot-agent.service \
  "$image_root/etc/systemd/system/multi-user.target.wants/sailau-boot-agent.service"
kernel="$(ls "$image_root"/boot/vmlinuz-* | sort -V | tail -n 1)"
initrd="$(ls "$image_root"/boot/initrd.img-* | sort -V | tail -n 1)"
cp "$kernel" "$work/vmlinuz"
cp "$initrd" "$work/initrd.img"

# 3. The disk image (no loop device needed: mkfs.ext4 -d copies the tree).
rm -f "$work/disk.raw"
truncate -s 6G "$work/disk.raw"
mkfs.ext4 -q -F -L sailau-root -d "$image_root" "$work/disk.raw" >>"$log" 2>&1 || fail "mkfs.ext4 failed (see $log)"
rm -rf "$image_root"

# 4. Boot it and follow the guide, then check the kiosk.
python3 "$here/boot-test/driver.py" --work "$work" --kernel "$work/vmlinuz" --initrd "$work/initrd.img" \
  --disk "$work/disk.raw" --jar "$root/kiosk-app/target/sailau-kiosk.jar" \
  --prints-jar "$root/sample-prints/target/sample-prints.jar" --versions "$work/versions.txt" --deb "$deb"
