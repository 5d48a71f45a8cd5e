#!/usr/bin/env bash
# Builds the Sailau Kiosk Debian package with its own jlink runtime (docs/decisions/0070-packaging.md).
#
#   packaging/build-deb.sh                 app image + .deb   (needs fakeroot and dpkg-deb)
#   packaging/build-deb.sh --app-image     app image only     (what CI builds, packaging/src/test/.../AppImageIT)
#
# Input : kiosk-app/target/sailau-kiosk.jar   (mvn -B -q -DskipTests package)
# Output: packaging/target/app-image/sailau-kiosk/bin/sailau-kiosk   the launcher of the app image; it maps the class
#         archive lib/app/sailau-kiosk.jsa when there is one (deploy/class-archive.sh makes it; install-kiosk.sh does)
#         and loads SQLite's native library from lib/app/native/libsqlitejdbc.so (taken out of the jar here)
#         packaging/target/deb/sailau-kiosk_<version>_<arch>.deb       installs into /opt/sailau-kiosk
# Options: --jar FILE (another shaded jar), --dest DIR (instead of packaging/target), --version X.Y.Z
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$root/kiosk-app/target/sailau-kiosk.jar"
dest="$here/target"
version="0.1.0"
deb=yes

while [ $# -gt 0 ]; do
  case "$1" in
    --app-image) deb=no ;;
    --jar) jar="$2"; shift ;;
    --dest) dest="$2"; shift ;;
    --version) version="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build-deb.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "build-deb.sh: $*" >&2; exit 1; }
[ -f "$jar" ] || fail "no executable jar at $jar: run 'mvn -B -q -DskipTests package' first"
for tool in jar jlink jpackage; do
  command -v "$tool" >/dev/null || fail "'$tool' not found: install a full JDK 17 (Debian: openjdk-17-jdk)"
done
if [ "$deb" = yes ]; then
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || fail "'$tool' not found: apt-get install fakeroot dpkg-dev"
  done
fi

# The modules the shaded jar needs. From 'jdeps --multi-release 17 --ignore-missing-deps --print-module-deps'
# (java.base, java.naming, java.sql, jdk.jfr, jdk.unsupported, jdk.unsupported.desktop) plus what is reached
# only by reflection or service lookup: java.desktop (JavaFX Swing bridge, ImageIO for the QR code),
# java.logging and java.management (Logback), java.xml, jdk.crypto.ec (EC keys via the JDK providers) and
# jdk.localedata (Kazakh and Russian dates and numbers).
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.unsupported,jdk.unsupported.desktop"

work="$dest/work"
rm -rf "$work" "$dest/app-image" "$dest/deb"
mkdir -p "$work/input" "$dest/app-image"
cp "$jar" "$work/input/sailau-kiosk.jar"
# The deployment files travel inside the package (lib/app/deploy); install-kiosk.sh puts them in place.
cp -r "$here/deploy" "$work/input/deploy"
# SQLite's native library, taken out of the jar once here (lib/app/native) and named to sqlite-jdbc by the launcher
# (org.sqlite.lib.path/name): otherwise the driver writes it to the temporary directory and reads it back byte by byte
# at every start, before the passphrase prompt (decision 0230). Without the file the driver does as before.
case "$(uname -m)" in
  x86_64|amd64) sqlite_arch=x86_64 ;;
  aarch64|arm64) sqlite_arch=aarch64 ;;
  *) fail "no SQLite native library for $(uname -m) in sqlite-jdbc's Linux folders" ;;
esac
mkdir -p "$work/input/native" "$work/sqlite"
(cd "$work/sqlite" && jar xf "$work/input/sailau-kiosk.jar" "org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so")
[ -f "$work/sqlite/org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so" ] \
  || fail "the jar holds no org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so"
mv "$work/sqlite/org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so" "$work/input/native/libsqlitejdbc.so"

echo "build-deb.sh: jlink runtime ($modules)"
jlink --add-modules "$modules" --include-locales=en,kk,ru \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$work/runtime"

echo "build-deb.sh: app image"
jpackage --type app-image --name sailau-kiosk --app-version "$version" \
  --vendor "Sailau" --description "Sailau Kiosk: offline biometric voter check-in" \
  --input "$work/input" --main-jar sailau-kiosk.jar --main-class kz.sailau.kiosk.app.Main \
  --runtime-image "$work/runtime" --java-options "-Dfile.encoding=UTF-8" --java-options "-Xmx512m" \
  --java-options "-XX:SharedArchiveFile=\$APPDIR/sailau-kiosk.jsa" \
  --java-options "-Dorg.sqlite.lib.path=\$APPDIR/native" --java-options "-Dorg.sqlite.lib.name=libsqlitejdbc.so" \
  --dest "$dest/app-image"
echo "build-deb.sh: app image at $dest/app-image/sailau-kiosk (launcher bin/sailau-kiosk)"

if [ "$deb" = yes ]; then
  echo "build-deb.sh: Debian package"
  # Depends beyond what jpackage finds: JavaFX's glass toolkit (GTK 3, inside the jar where jpackage cannot see
  # it), the kiosk session (cage, XWayland, seatd; decision 0160) and rfkill for verify-offline.sh.
  mkdir -p "$dest/deb"
  jpackage --type deb --name sailau-kiosk --app-version "$version" \
    --vendor "Sailau" --description "Sailau Kiosk: offline biometric voter check-in" \
    --app-image "$dest/app-image/sailau-kiosk" \
    --linux-package-name sailau-kiosk --linux-deb-maintainer "sailau@example.invalid" \
    --linux-app-category misc --install-dir /opt --linux-package-deps "libgtk-3-0, cage, xwayland, seatd, rfkill" \
    --dest "$dest/deb"
  ls -l "$dest"/deb/*.deb
fi
rm -rf "$work"
