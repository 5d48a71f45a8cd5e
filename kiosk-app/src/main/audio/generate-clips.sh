#!/bin/sh
# Regenerates the kiosk's audio guidance clips from clips.tsv (decision 0211), offline: eSpeak NG (GPL-3.0-or-later
# program; its output is not covered by its licence) speaks each text, Python's standard library brings it to
# 11,025 Hz 8-bit mono PCM WAV (what javax.sound plays everywhere, about 11 KB a second).
# Needs: espeak-ng 1.51 (Debian 12: apt-get install espeak-ng), python3. Run from this directory.
set -eu
out=../resources/kz/sailau/kiosk/ui/audio
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' clips.tsv | while IFS="$(printf '\t')" read -r clip language text; do
    mkdir -p "$out/$language"
    espeak-ng -v "$language" -s 145 -w "$tmp/raw.wav" "$text"
    python3 - "$tmp/raw.wav" "$out/$language/$clip.wav" <<'PY'
import sys, wave, struct
src, dst = sys.argv[1], sys.argv[2]
with wave.open(src, 'rb') as w:
    rate, width, frames = w.getframerate(), w.getsampwidth(), w.readframes(w.getnframes())
assert width == 2 and rate == 22050, (width, rate)
samples = struct.unpack('<%dh' % (len(frames) // 2), frames)
# 22,050 -> 11,025 Hz: the mean of each pair (a simple low-pass before dropping every second sample).
half = [(samples[i] + samples[i + 1]) // 2 for i in range(0, len(samples) - 1, 2)]
out = bytes(min(255, max(0, (s >> 8) + 128)) for s in half)
with wave.open(dst, 'wb') as w:
    w.setnchannels(1); w.setsampwidth(1); w.setframerate(11025); w.writeframes(out)
PY
done
echo "clips written to $out"
