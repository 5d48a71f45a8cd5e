#!/usr/bin/env bash
# Makes the kiosk's class-data-sharing archive (AppCDS; docs/decisions/0230-cold-start.md): the classes a kiosk start
# loads, parsed and laid out once, so that every later start maps them from one file instead of loading each again.
#
#   class-archive.sh ARCHIVE LAUNCHER [ARG ...]
#
#   sudo class-archive.sh /opt/sailau-kiosk/lib/app/sailau-kiosk.jsa /opt/sailau-kiosk/bin/sailau-kiosk
#   class-archive.sh /tmp/k.jsa java -Xmx512m -cp kiosk-app/target/sailau-kiosk.jar kz.sailau.kiosk.app.Main
#
# LAUNCHER [ARG ...] starts the kiosk program (the installed launcher, or java with its options, class path and main
# class). It is run twice, the JVM options given through JAVA_TOOL_OPTIONS: 'demo --check' (one voter end to end
# through the real engine, store, crypto and matcher, no window) in an empty temporary directory, listing the classes
# it loads; then -Xshare:dump over that list into ARCHIVE. The launcher that uses the archive must give
# -XX:SharedArchiveFile=ARCHIVE (the package's launcher does: $APPDIR/sailau-kiosk.jsa). Java 17 maps the archive only
# with the same runtime, the same jar paths and jar times it was made with, and otherwise starts without it: that is
# why install-kiosk.sh makes it on the kiosk, after the package is installed, and the cold start benchmark makes its
# own for its own class path. Exit codes: 0 made, 1 a step failed (message on standard error), 2 wrong usage.
set -euo pipefail

if [ $# -lt 2 ] || [ "$1" = -h ] || [ "$1" = --help ]; then
  sed -n '2,17p' "$0" >&2
  exit 2
fi
archive="$1"; shift
case "$archive" in
  /*) ;;
  *) echo "class-archive.sh: ARCHIVE must be an absolute path, got '$archive'" >&2; exit 2 ;;
esac
[ -d "$(dirname "$archive")" ] || { echo "class-archive.sh: no directory for $archive" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
list="$work/classes.lst"

if ! (cd "$work" && JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$list" "$@" demo --check \
      >"$work/training.log" 2>&1); then
  echo "class-archive.sh: the training run 'demo --check' failed:" >&2
  tail -n 5 "$work/training.log" >&2
  exit 1
fi
[ -s "$list" ] || { echo "class-archive.sh: the training run listed no classes" >&2; exit 1; }
# The installed launcher gives its own -XX:SharedArchiveFile (the same path); a failed dump leaves no archive.
if ! (cd "$work" && JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list -XX:SharedArchiveFile=$archive" \
      "$@" >"$work/dump.log" 2>&1); then
  echo "class-archive.sh: the archive dump failed:" >&2
  tail -n 5 "$work/dump.log" >&2
  rm -f "$archive"
  exit 1
fi
[ -s "$archive" ] || { echo "class-archive.sh: the dump wrote no archive at $archive" >&2; exit 1; }
echo "class-archive.sh: $(grep -c . "$list") classes listed, archive $archive ($(du -k "$archive" | cut -f1) KiB)"
