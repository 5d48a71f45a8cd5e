#!/usr/bin/env bash
# Puts the kiosk deployment files in place after 'apt install ./sailau-kiosk_*.deb' (docs/admin-guide.md).
#
#   sudo /opt/sailau-kiosk/lib/app/deploy/install-kiosk.sh            install on this machine
#   install-kiosk.sh --root DIR                                        only copy the files under DIR (a test)
#
# Creates the system user 'sailau' (home /var/lib/sailau), installs the systemd unit, the udev rules and,
# if none exists yet, the sample /etc/sailau/kiosk.json. It does not enable the unit: the administrator
# does that after the key ceremony, the register load and 'clerk add' ('systemctl enable --now sailau-kiosk').
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root=/
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="$2"; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install-kiosk.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
root="${root%/}"

if [ -z "$root" ]; then
  [ "$(id -u)" -eq 0 ] || { echo "install-kiosk.sh: run as root (sudo)" >&2; exit 1; }
  if ! id sailau >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/sailau --create-home --shell /usr/sbin/nologin sailau
  fi
  # cage needs the seat's display and input devices; logind grants them to the tty1 session, the groups
  # are a fallback for systems without seat ACLs.
  for group in video input render; do
    getent group "$group" >/dev/null && usermod -a -G "$group" sailau
  done
fi

install -d -m 0755 "$root/etc/systemd/system" "$root/etc/udev/rules.d" "$root/etc/sailau"
install -m 0644 "$here/sailau-kiosk.service" "$root/etc/systemd/system/sailau-kiosk.service"
install -m 0644 "$here/60-sailau-serial.rules" "$root/etc/udev/rules.d/60-sailau-serial.rules"
if [ ! -e "$root/etc/sailau/kiosk.json" ]; then
  install -m 0644 "$here/kiosk.json" "$root/etc/sailau/kiosk.json"
fi
install -d -m 0700 "$root/var/lib/sailau" "$root/var/lib/sailau/data"
if [ -z "$root" ]; then
  chown -R sailau:sailau /var/lib/sailau
  # The Devices pane of the administrator screen replaces kiosk.json atomically (a temporary file beside it,
  # then a rename), so the kiosk user writes the directory and the file; others still only read.
  chgrp sailau /etc/sailau /etc/sailau/kiosk.json
  chmod 0775 /etc/sailau
  chmod 0664 /etc/sailau/kiosk.json
  systemctl daemon-reload
  udevadm control --reload
  udevadm trigger --subsystem-match=tty
fi
echo "install-kiosk.sh: installed under ${root:-/}. Next: edit /etc/sailau/kiosk.json and the udev rules, then"
echo "  the key ceremony, register load and clerk add (docs/admin-guide.md), then: systemctl enable --now sailau-kiosk"
