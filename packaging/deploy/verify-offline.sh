#!/usr/bin/env bash
# Checks that this kiosk is offline and that nothing listens on a network port (docs/admin-guide.md,
# "Verify the network is off"). Prints one line per check, PASS or FAIL; exits 1 if any check fails.
# Run as root so that 'ss -p' can name the owning process of every socket.
set -uo pipefail
failed=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failed=1; }

for tool in ss ip systemctl; do
  command -v "$tool" >/dev/null || { echo "FAIL  '$tool' not found: cannot verify (apt install iproute2 systemd)"; exit 1; }
done

# 1. No listening TCP/UDP socket at all (a kiosk needs none; sshd, avahi, cups... must be removed).
listening="$(ss -H -tulpn 2>/dev/null)"
if [ -z "$listening" ]; then pass "no listening TCP/UDP socket (ss -tulpn is empty)"; else
  fail "listening sockets found (ss -tulpn):"; echo "$listening" | sed 's/^/        /'; fi
kiosk_sockets="$(ss -H -tuapn 2>/dev/null | grep -E 'sailau-kiosk|java' || true)"
if [ -z "$kiosk_sockets" ]; then pass "the kiosk process has no TCP/UDP socket"; else
  fail "the kiosk process has TCP/UDP sockets:"; echo "$kiosk_sockets" | sed 's/^/        /'; fi

# The kiosk service runs in its own network namespace (PrivateNetwork=yes), whose sockets the ss above does
# not see: look inside it, and check the namespace is really separate.
pid="$(systemctl show -p MainPID --value sailau-kiosk.service 2>/dev/null || true)"
if [ -n "$pid" ] && [ "$pid" != 0 ]; then
  if [ "$(readlink "/proc/$pid/ns/net")" != "$(readlink /proc/1/ns/net)" ]; then
    pass "sailau-kiosk runs in its own network namespace (PrivateNetwork)"
  else fail "sailau-kiosk shares the host network namespace (PrivateNetwork missing from the unit?)"; fi
  inside="$(nsenter -t "$pid" -n ss -H -tuapn 2>/dev/null)"
  if [ -z "$inside" ]; then pass "no TCP/UDP socket inside the kiosk's namespace"; else
    fail "sockets inside the kiosk's namespace:"; echo "$inside" | sed 's/^/        /'; fi
else
  echo "NOTE  sailau-kiosk.service is not running: start it and run this again to check its namespace"
fi

# 2. Network managers off and disabled.
for unit in NetworkManager.service systemd-networkd.service wpa_supplicant.service ModemManager.service \
            avahi-daemon.service ssh.service cups.service bluetooth.service; do
  if systemctl is-active --quiet "$unit" 2>/dev/null || systemctl is-enabled --quiet "$unit" 2>/dev/null; then
    fail "$unit is active or enabled (systemctl disable --now $unit; better: apt purge it)"
  else pass "$unit inactive and not enabled"; fi
done

# 3. Radios blocked.
if command -v rfkill >/dev/null; then
  unblocked="$(rfkill -rn -o TYPE,SOFT,HARD 2>/dev/null | awk '$2=="unblocked" && $3=="unblocked"')"
  if [ -z "$unblocked" ]; then pass "every radio is blocked (rfkill)"; else
    fail "radios not blocked (rfkill block all):"; echo "$unblocked" | sed 's/^/        /'; fi
else fail "rfkill not installed (apt install rfkill), radios not checked"; fi

# 4. No interface up except loopback, no address except loopback, no default route.
up="$(ip -o link show up 2>/dev/null | awk -F': ' '{print $2}' | grep -v '^lo$' || true)"
if [ -z "$up" ]; then pass "no network interface up except lo"; else fail "network interfaces up besides lo: $(echo $up) (ip link set DEV down; disable it)"; fi
if [ -z "$(ip route show default 2>/dev/null)" ]; then pass "no default route"; else fail "a default route exists"; fi

exit "$failed"
