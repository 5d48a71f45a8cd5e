package kz.sailau.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code packaging/deploy/sailau-session}, the unit's ExecStart, with a stand-in compositor that behaves as
 * Debian 12's cage 0.1.4 (runs the program after {@code --}, then exits 0 whatever it returned) and a stand-in
 * kiosk launcher: the kiosk's exit status, including death by SIGKILL, reaches systemd; a compositor that never
 * ran the kiosk is a failure; SIGTERM ends the kiosk first and the session exits 0. The real session is booted
 * by packaging/boot-test.sh (docs/reliability.md).
 */
class SessionWrapperIT {

    private static final Path SESSION = Path.of(System.getProperty("sailau.packaging.dir", "."), "deploy",
            "sailau-session");

    @TempDir
    Path dir;
    Path runtime;

    @BeforeEach
    void standIns() throws IOException {
        runtime = Files.createDirectories(dir.resolve("run"));
        // As cage 0.1.4: runs its application and always exits 0.
        script("cage", """
                #!/bin/sh
                [ "$1" = "--" ] || { echo "cage: expected --" >&2; exit 2; }
                shift
                [ "${FAKE_CAGE:-}" = broken ] && exit 0
                "$@"
                exit 0
                """);
        script("sailau-kiosk", """
                #!/bin/sh
                echo "kiosk $*"
                case "$FAKE_KIOSK" in
                  exit:*) exit "${FAKE_KIOSK#exit:}" ;;
                  kill9) kill -9 $$ ;;
                  until-term)
                    trap 'kill $!; echo term > "$MARK"; exit 143' TERM
                    sleep 600 &
                    echo ready
                    wait ;;
                esac
                """);
    }

    @Test
    void theKiosksExitStatusReachesSystemdThroughACompositorThatAlwaysExitsZero() throws Exception {
        Result refused = session(Map.of("FAKE_KIOSK", "exit:1"));
        assertEquals(1, refused.exit(), "a refusal at start (exit 1) is a failure for systemd: " + refused.output());
        assertTrue(refused.output().contains("kiosk start --config /etc/sailau/kiosk.json"),
                "the session's arguments go to 'start': " + refused.output());
        assertTrue(refused.output().contains("sailau-session: the kiosk exited with status 1"), refused.output());

        Result killed = session(Map.of("FAKE_KIOSK", "kill9"));
        assertEquals(137, killed.exit(), "kill -9 of the kiosk: 128 + 9 " + killed.output());

        // The clerk station's unit runs another command of the program in the same session.
        Result station = session(Map.of("FAKE_KIOSK", "exit:0", "SAILAU_COMMAND", "clerk-station"));
        assertEquals(0, station.exit(), station.output());
        assertTrue(station.output().contains("kiosk clerk-station --config /etc/sailau/kiosk.json"),
                "SAILAU_COMMAND replaces 'start': " + station.output());

        Result exited = session(Map.of("FAKE_KIOSK", "exit:0"));
        assertEquals(0, exited.exit(), "the administrator's 'Exit the kiosk' stays a success: " + exited.output());
        assertEquals("", exited.output().lines().filter(l -> l.startsWith("sailau-session")).findAny().orElse(""));
    }

    @Test
    void aCompositorThatEndsWithoutRunningTheKioskIsAFailedSession() throws Exception {
        Result broken = session(Map.of("FAKE_KIOSK", "exit:0", "FAKE_CAGE", "broken"));
        assertEquals(70, broken.exit(), broken.output());
        assertTrue(broken.output().contains("ended (status 0) before the kiosk reported an exit status"),
                broken.output());
    }

    @Test
    void stopEndsTheKioskFirstAndIsASuccess() throws Exception {
        Path mark = dir.resolve("mark");
        Process process = start(Map.of("FAKE_KIOSK", "until-term", "MARK", mark.toString()));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.equals("ready"));
        assertEquals("ready", line, "the stand-in kiosk runs");
        process.destroy(); // SIGTERM to sailau-session only, as KillMode=mixed does
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("sailau-session did not end after SIGTERM");
        }
        assertEquals(0, process.exitValue(), "a stop is a clean end for systemd");
        assertEquals("term", Files.readString(mark).strip(), "the kiosk itself was asked to end (SIGTERM)");
    }

    private record Result(int exit, String output) {
    }

    private Result session(Map<String, String> environment) throws IOException, InterruptedException {
        Process process = start(environment);
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("sailau-session did not end");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private Process start(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(SESSION.toString(), "--config", "/etc/sailau/kiosk.json"))
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("RUNTIME_DIRECTORY", runtime.toString());
        builder.environment().put("SAILAU_COMPOSITOR", dir.resolve("cage").toString());
        builder.environment().put("SAILAU_LAUNCHER", dir.resolve("sailau-kiosk").toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private void script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
