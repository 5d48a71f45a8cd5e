#!/usr/bin/env bash
# One real, timed 'register build' at precinct scale (issue 18; docs/benchmarks.md, "Register build at scale"):
# VOTERS synthetic voters from sample-prints (two index fingers, two enrolment impressions each: 4 images a voter),
# DEMO keys made on the spot, then the build with its duplicate search, under /usr/bin/time for the wall time and the
# peak resident memory. The build's own progress is read through a pseudo-terminal and time-stamped, so that the
# extraction and the duplicate search are timed apart. Nothing is kept unless WORKDIR is given.
#
#   bench/register-build-at-scale.sh [VOTERS (3000)] [WORKDIR]
#
# Needs the jars: mvn -B -q -DskipTests package (kiosk-app/target/sailau-kiosk.jar, sample-prints/target/sample-prints.jar).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
voters="${1:-3000}"
work="${2:-}"
if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
kiosk="$root/kiosk-app/target/sailau-kiosk.jar"
prints="$root/sample-prints/target/sample-prints.jar"
for jar in "$kiosk" "$prints"; do
  [ -f "$jar" ] || { echo "register-build-at-scale.sh: no $jar: run 'mvn -B -q -DskipTests package' first" >&2; exit 1; }
done
# Copies, so that a build of the source tree during the run does not change the jars under it.
cp "$kiosk" "$work/sailau-kiosk.jar" && kiosk="$work/sailau-kiosk.jar"
cp "$prints" "$work/sample-prints.jar" && prints="$work/sample-prints.jar"
stamp() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GB"
echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -f "$work/set/voters.csv" ]; then
  start=$(stamp)
  java -jar "$prints" voters --count "$voters" --precinct 101 --seed 18 --enrol-impressions 2 --out "$work/set" >/dev/null
  echo "prints: $voters voters × 2 fingers × 2 enrolment impressions generated in $(seconds "$start" "$(stamp)") s"
fi
printf 'DEMO register build at scale\n' > "$work/passphrase.txt"
if [ ! -f "$work/kiosk.crt.pem" ]; then
  rm -rf "$work/auth" "$work/kiosk"
  java -jar "$kiosk" authority init --out "$work/auth" --name "Bench authority (DEMO)" \
    --passphrase-file "$work/passphrase.txt" --argon2-memory-kib 8192 --argon2-iterations 1 >/dev/null
  java -jar "$kiosk" kiosk init --data "$work/kiosk" --precinct 101 --election KZ-2026-PARL \
    --authority-cert "$work/auth/authority.crt.pem" --passphrase-file "$work/passphrase.txt" \
    --argon2-memory-kib 8192 --argon2-iterations 1 >/dev/null
  java -jar "$kiosk" authority certify-kiosk --authority "$work/auth" --request "$work/kiosk/kiosk.csr.pem" \
    --out "$work/kiosk.crt.pem" --passphrase-file "$work/passphrase.txt" >/dev/null
fi

rm -f "$work/register.srp"
build="java -jar $kiosk register build --voters $work/set/voters.csv --prints $work/set/prints --authority $work/auth \
  --kiosk-cert $work/kiosk.crt.pem --election KZ-2026-PARL --precinct 101 --version 1 --out $work/register.srp \
  --passphrase-file $work/passphrase.txt --report $work/problems.tsv"
start=$(stamp)
# A pseudo-terminal makes the progress bar draw; each redraw is stamped with the seconds since the start.
script -qefc "/usr/bin/time -v -o $work/time.txt $build" /dev/null | stdbuf -o0 tr '\r' '\n' \
  | while IFS= read -r line; do printf '%s %s\n' "$(seconds "$start" "$(stamp)")" "$line"; done > "$work/build.log"
echo "build: exit $(grep -m1 'Exit status' "$work/time.txt" | awk '{print $NF}'), wall $(grep 'Elapsed (wall' "$work/time.txt" | awk '{print $NF}'), peak resident $(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}') KB, CPU $(grep 'Percent of CPU' "$work/time.txt" | awk '{print $NF}')"
search_start=$(grep -m1 '% duplicates 0/' "$work/build.log" | cut -d' ' -f1 || true)
search_end=$(grep -m1 '100% duplicates' "$work/build.log" | cut -d' ' -f1 || true)
last_line=$(grep -E 'package written|build blocked' "$work/build.log" | tail -1 || true)
echo "extraction (and reading the images) until ${search_start:-?} s; duplicate search from ${search_start:-?} s to ${search_end:-?} s"
echo "$(echo "$last_line" | cut -d' ' -f2-)"
grep -E 'duplicate	|build blocked' "$work/build.log" | cut -d' ' -f2- | head -20 || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
