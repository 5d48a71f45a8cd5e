#!/usr/bin/env bash
# Puts the kiosk deployment files in place after 'apt install ./sailau-kiosk_*.deb' (docs/admin-guide.md).
#
#   sudo /opt/sailau-kiosk/lib/app/deploy/install-kiosk.sh            install on this machine
#   install-kiosk.sh --root DIR                                        only copy the files under DIR (a test)
#   install-kiosk.sh --precinct-network CIDR --precinct-interface IFACE
#                    this kiosk is a node of a precinct network (docs/admin-guide.md, section 10): a drop-in
#                    lets the kiosk's unit use that interface and that private IPv4 network only, nothing else
#   install-kiosk.sh --standalone                                      remove that drop-in again (the default)
#   install-kiosk.sh --role desk|clerk --precinct-network CIDR --precinct-interface IFACE
#                    this machine is the ballot desk (sailau-ballot-desk.service: 'token desk' on tty1) or the
#                    clerk station (sailau-clerk-station.service: its screen in the kiosk session), with the same
#                    lock-down and the precinct drop-in; the default role is kiosk (sailau-kiosk.service)
#
# Creates the system user 'sailau' (home /var/lib/sailau), installs the systemd unit, the lock-down settings
# (no SysRq, no login prompt on other virtual terminals, Ctrl+Alt+Del masked) and, if none exist yet, the udev
# rules and the sample /etc/sailau/kiosk.json (so that running it again after an update keeps both); enables seatd (the seat of the kiosk session);
# makes the start's class-data-sharing archive (class-archive.sh; run it again after every package update). It does not
# enable the kiosk: the administrator does that after the key ceremony, the register load and 'clerk add'
# ('systemctl enable --now sailau-kiosk'). For a desk or a clerk station it installs that role's unit instead of the
# kiosk's (and no kiosk.json or udev rules; a desk gets the sample /etc/sailau/ballot-desk.conf, kept on an update). Target: Debian 12 (docs/decisions/0160-kiosk-session-on-debian-12.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root=/
precinct_network=""
precinct_interface=""
standalone=no
role=kiosk
refuse() { echo "install-kiosk.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || refuse "--root needs a directory"; root="$2"; shift ;;
    --precinct-network) [ $# -ge 2 ] || refuse "--precinct-network needs an IPv4 network, e.g. 10.77.0.0/24"
      precinct_network="$2"; shift ;;
    --precinct-interface) [ $# -ge 2 ] || refuse "--precinct-interface needs an interface name, e.g. enp2s0"
      precinct_interface="$2"; shift ;;
    --standalone) standalone=yes ;;
    --role) [ $# -ge 2 ] || refuse "--role needs kiosk, desk or clerk"; role="$2"; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "install-kiosk.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
root="${root%/}"

# Every option is checked before anything is written.
case "$role" in
  kiosk) unit=sailau-kiosk ;;
  desk) unit=sailau-ballot-desk ;;
  clerk) unit=sailau-clerk-station ;;
  *) refuse "--role '$role' is not kiosk, desk or clerk" ;;
esac
if [ "$role" != kiosk ]; then
  # The desk and the clerk station are nodes of a precinct network by nature: without it they are of no use.
  [ "$standalone" = no ] || refuse "--role $role is a node of a precinct network: --standalone is for a kiosk"
  [ -n "$precinct_network$precinct_interface" ] \
    || refuse "--role $role needs --precinct-network and --precinct-interface (it is a node of a precinct network)"
fi
if [ -n "$precinct_network$precinct_interface" ]; then
  [ "$standalone" = no ] || refuse "--standalone and --precinct-network exclude each other"
  [ -n "$precinct_network" ] || refuse "--precinct-interface needs --precinct-network too"
  [ -n "$precinct_interface" ] || refuse "--precinct-network needs --precinct-interface too"
  # A private IPv4 network (RFC 1918) with its prefix: the precinct's closed network, never a public one.
  [[ "$precinct_network" =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})/([0-9]{1,2})$ ]] \
    || refuse "--precinct-network '$precinct_network' is not an IPv4 network such as 10.77.0.0/24"
  octets=("${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" "${BASH_REMATCH[4]}")
  prefix="${BASH_REMATCH[5]}"
  for octet in "${octets[@]}"; do
    [ $((10#$octet)) -le 255 ] \
      || refuse "--precinct-network '$precinct_network' is not an IPv4 network such as 10.77.0.0/24"
  done
  [ $((10#$prefix)) -ge 16 ] && [ $((10#$prefix)) -le 30 ] \
    || refuse "--precinct-network '$precinct_network': the prefix must be /16 to /30 (one precinct's machines)"
  a=$((10#${octets[0]})); b=$((10#${octets[1]}))
  if ! { [ "$a" -eq 10 ] || { [ "$a" -eq 172 ] && [ "$b" -ge 16 ] && [ "$b" -le 31 ]; } \
      || { [ "$a" -eq 192 ] && [ "$b" -eq 168 ]; }; }; then
    refuse "--precinct-network '$precinct_network' is not a private network (10/8, 172.16/12, 192.168/16)"
  fi
  [[ "$precinct_interface" =~ ^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$ ]] && [ "$precinct_interface" != lo ] \
    || refuse "--precinct-interface '$precinct_interface' is not a network interface name"
fi

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
install -m 0644 "$here/$unit.service" "$root/etc/systemd/system/$unit.service"
# The udev rules and kiosk.json are the administrator's once edited: an update (install-kiosk.sh run again) keeps them.
if [ "$role" = kiosk ] && [ ! -e "$root/etc/udev/rules.d/60-sailau-serial.rules" ]; then
  install -m 0644 "$here/60-sailau-serial.rules" "$root/etc/udev/rules.d/60-sailau-serial.rules"
fi
install -m 0644 "$here/60-sailau-kiosk-sysctl.conf" "$root/etc/sysctl.d/60-sailau-kiosk.conf"
install -m 0644 "$here/60-sailau-kiosk-logind.conf" "$root/etc/systemd/logind.conf.d/60-sailau-kiosk.conf"
# Ctrl+Alt+Del would reboot the kiosk from its keyboard (while the console is in text mode, between restarts).
ln -sfn /dev/null "$root/etc/systemd/system/ctrl-alt-del.target"
if [ "$role" = kiosk ] && [ ! -e "$root/etc/sailau/kiosk.json" ]; then
  install -m 0644 "$here/kiosk.json" "$root/etc/sailau/kiosk.json"
fi
if [ "$role" = desk ] && [ ! -e "$root/etc/sailau/ballot-desk.conf" ]; then
  install -m 0644 "$here/ballot-desk.conf" "$root/etc/sailau/ballot-desk.conf"
fi
# A kiosk of a precinct network: the unit's own network namespace and its deny-all IP rule give way to the
# precinct's interface and network only (the rest of the lock-down stays). Kept on an update unless --standalone.
dropin="$root/etc/systemd/system/$unit.service.d/60-precinct-network.conf"
if [ -n "$precinct_network" ]; then
  install -d -m 0755 "$(dirname "$dropin")"
  {
    echo "# Written by install-kiosk.sh --role $role --precinct-network $precinct_network --precinct-interface $precinct_interface:"
    echo "# this $role is a node of the precinct network (docs/admin-guide.md, section 10). Only that interface and"
    echo "# that network: no other interface, no address outside it (not even loopback); IPv6 sockets only for"
    echo "# Java's dual stack. Remove with install-kiosk.sh --standalone."
    echo "[Service]"
    echo "PrivateNetwork=no"
    echo "RestrictAddressFamilies=AF_UNIX AF_NETLINK AF_INET AF_INET6"
    echo "IPAddressDeny=any"
    echo "IPAddressAllow=$precinct_network"
    echo "RestrictNetworkInterfaces=$precinct_interface"
  } > "$dropin.new"
  chmod 0644 "$dropin.new"
  mv -f "$dropin.new" "$dropin"
elif [ "$standalone" = yes ]; then
  rm -f "$dropin"
  rmdir "$(dirname "$dropin")" 2>/dev/null || true
fi
install -d -m 0700 "$root/var/lib/sailau" "$root/var/lib/sailau/data"
if [ -z "$root" ]; then
  chown -R sailau:sailau /var/lib/sailau
  # The Devices pane of the administrator screen replaces kiosk.json atomically (a temporary file beside it,
  # then a rename), so the kiosk user writes the directory and the file; others still only read.
  if [ "$role" = kiosk ]; then
    chgrp sailau /etc/sailau /etc/sailau/kiosk.json
    chmod 0775 /etc/sailau
    chmod 0664 /etc/sailau/kiosk.json
  fi
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
if [ "$role" = kiosk ]; then
  echo "install-kiosk.sh: installed under ${root:-/}. Next: edit /etc/sailau/kiosk.json and the udev rules, then"
  echo "  the key ceremony, the kiosk certificate, register load and clerk add (docs/admin-guide.md), then:"
  echo "  systemctl enable sailau-kiosk && reboot"
else
  desk_options=""
  [ "$role" = desk ] && desk_options=", the desk's options in /etc/sailau/ballot-desk.conf"
  echo "install-kiosk.sh: installed $unit under ${root:-/}. Next: node init, authority certify-node, node install"
  echo "  and precinct.json in /var/lib/sailau/node (docs/admin-guide.md, section 10)$desk_options, then:"
  echo "  systemctl enable $unit && reboot"
fi
