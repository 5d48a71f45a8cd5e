#!/usr/bin/env bash
# Checks a built Debian package without installing it on this machine (docs/decisions/0070-packaging.md):
# unpacks it into a throw-away root with 'dpkg -x', runs the installed launcher '--help', puts the deployment
# files in place under that root with install-kiosk.sh --root, and runs 'demo --check' from the installed
# launcher: inside an empty network namespace ('unshare -n') when run as root, as the kiosk service would.
#
#   packaging/check-deb.sh [packaging/target/deb/sailau-kiosk_0.1.0-1_amd64.deb]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
deb="${1:-$(ls "$here"/target/deb/sailau-kiosk_*.deb 2>/dev/null | head -n 1)}"
[ -f "$deb" ] || { echo "check-deb.sh: no package (build it with packaging/build-deb.sh)" >&2; exit 1; }
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT

echo "check-deb.sh: $(sha256sum "$deb")"
dpkg-deb -f "$deb" Package Version Depends
dpkg -x "$deb" "$root"
launcher="$root/opt/sailau-kiosk/bin/sailau-kiosk"
"$launcher" --help >/dev/null
echo "check-deb.sh: launcher --help OK"
"$root/opt/sailau-kiosk/lib/app/deploy/install-kiosk.sh" --root "$root" >/dev/null
for file in etc/systemd/system/sailau-kiosk.service etc/udev/rules.d/60-sailau-serial.rules etc/sailau/kiosk.json; do
  [ -f "$root/$file" ] || { echo "check-deb.sh: install-kiosk.sh did not install /$file" >&2; exit 1; }
done
echo "check-deb.sh: deployment files install OK"
isolate=()
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null; then isolate=(unshare -n); fi
(cd "$root" && "${isolate[@]}" "$launcher" demo --check --data "$root/demo-data" 2>/dev/null | grep '^demo check OK')
echo "check-deb.sh: demo --check OK${isolate:+ (in an empty network namespace)}"
