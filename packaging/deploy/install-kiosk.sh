#!/usr/bin/env bash
# Puts the kiosk deployment files in place after 'apt install ./sailau-kiosk_*.deb' (docs/admin-guide.md).
#
#   sudo /opt/sailau-kiosk/lib/app/deploy/install-kiosk.sh            install on this machine
#   install-kiosk.sh --root DIR                                        only copy the files under DIR (a test)
#
# Creates the system user 'sailau' (home /var/lib/sailau), installs the systemd unit, the lock-down settings
# (no SysRq, no login prompt on other virtual terminals, Ctrl+Alt+Del masked) and, if none exist yet, the udev
# rules and the sample /etc/sailau/kiosk.json (so that running it again after an update keeps both); enables seatd (the seat of the kiosk session);
# makes the start's class-data-sharing archive (class-archive.sh; run it again after every package update). It does not
# enable the kiosk: the administrator does that after the key ceremony, the register load and 'clerk add'
# ('systemctl enable --now sailau-kiosk'). Target: Debian 12 (docs/decisions/0160-kiosk-session-on-debian-12.md).
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
  # The session's programs come with the package's dependencies; check before changing anything.
  for program in cage Xwayland seatd; do
    command -v "$program" >/dev/null || { echo "install-kiosk.sh: '$program' is not installed (apt install cage xwayland seatd)" >&2; exit 1; }
  done
  if ! id sailau >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/sailau --create-home --shell /usr/sbin/nologin sailau
  fi
  # cage needs the seat's display and input devices; logind grants them to the tty1 session, the groups
  # are a fallback for systems without seat ACLs.
  for group in video input render; do
    getent group "$group" >/dev/null && usermod -a -G "$group" sailau
  done
fi

install -d -m 0755 "$root/etc/systemd/system" "$root/etc/udev/rules.d" "$root/etc/sailau" "$root/etc/sysctl.d" \
  "$root/etc/systemd/logind.conf.d"
install -m 0644 "$here/sailau-kiosk.service" "$root/etc/systemd/system/sailau-kiosk.service"
# The udev rules and kiosk.json are the administrator's once edited: an update (install-kiosk.sh run again) keeps them.
if [ ! -e "$root/etc/udev/rules.d/60-sailau-serial.rules" ]; then
  install -m 0644 "$here/60-sailau-serial.rules" "$root/etc/udev/rules.d/60-sailau-serial.rules"
fi
install -m 0644 "$here/60-sailau-kiosk-sysctl.conf" "$root/etc/sysctl.d/60-sailau-kiosk.conf"
install -m 0644 "$here/60-sailau-kiosk-logind.conf" "$root/etc/systemd/logind.conf.d/60-sailau-kiosk.conf"
# Ctrl+Alt+Del would reboot the kiosk from its keyboard (while the console is in text mode, between restarts).
ln -sfn /dev/null "$root/etc/systemd/system/ctrl-alt-del.target"
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
  sysctl -q -p /etc/sysctl.d/60-sailau-kiosk.conf
  systemctl daemon-reload
  systemctl enable --now seatd.service
  udevadm control --reload
  udevadm trigger --subsystem-match=tty
  # The class-data-sharing archive the launcher maps at every start (decision 0230); made here because Java 17 maps
  # it only with the installed jar's path and time. Without it the kiosk starts as well, only slower.
  "$here/class-archive.sh" /opt/sailau-kiosk/lib/app/sailau-kiosk.jsa /opt/sailau-kiosk/bin/sailau-kiosk \
    || echo "install-kiosk.sh: no class archive (the kiosk starts without it, about a second slower)" >&2
fi
echo "install-kiosk.sh: installed under ${root:-/}. Next: edit /etc/sailau/kiosk.json and the udev rules, then"
echo "  the key ceremony, the kiosk certificate, register load and clerk add (docs/admin-guide.md), then:"
echo "  systemctl enable sailau-kiosk && reboot"
