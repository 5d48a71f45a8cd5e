#!/bin/bash
# Boot-test agent, installed only on the boot test's disk image (packaging/boot-test.sh), never by the package:
# runs the driver's commands as root and answers over a virtio serial port (no network).
#   request:  RUN <id> <base64 of a bash script>
#   answer:   OUT <id> <exit status> <base64 of stdout and stderr>
# On start it says HELLO <boot id>, so that the driver notices a reboot.
port=/dev/virtio-ports/sailau.boot.agent
while [ ! -e "$port" ]; do sleep 0.2; done
exec 3<>"$port"
echo "HELLO $(cat /proc/sys/kernel/random/boot_id)" >&3
while read -r verb id payload <&3; do
  [ "$verb" = RUN ] || continue
  output="$(printf '%s' "$payload" | base64 -d | timeout 900 bash 2>&1)"
  status=$?
  printf 'OUT %s %s %s\n' "$id" "$status" "$(printf '%s' "$output" | base64 -w0)" >&3
done
