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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Builds the jlink/jpackage app image with {@code packaging/build-deb.sh --app-image} (what CI builds, see
 * docs/decisions/0070-packaging.md), then runs its launcher: {@code --help}, and {@code demo --check} while
 * watching the process's sockets in {@code /proc}: the kiosk must open no listening network port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppImageIT {

    private static Path launcher;

    @BeforeAll
    static void buildAppImage() throws Exception {
        Path packaging = Path.of(property("sailau.packaging.dir"));
        Path jar = Path.of(property("sailau.kiosk.jar"));
        Path dest = Path.of(property("sailau.packaging.target"), "it");
        assertTrue(Files.isRegularFile(jar), "the executable jar is built first by the reactor: " + jar);
        Result build = run(List.of("bash", packaging.resolve("build-deb.sh").toString(), "--app-image",
                "--jar", jar.toString(), "--dest", dest.toString()), dest.getParent(), 600);
        assertEquals(0, build.exit(), "build-deb.sh --app-image failed:\n" + build.output());
        launcher = dest.resolve("app-image/sailau-kiosk/bin/sailau-kiosk");
        assertTrue(Files.isExecutable(launcher), "the app image has its launcher: " + launcher);
        assertTrue(Files.isExecutable(dest.resolve("app-image/sailau-kiosk/lib/runtime/bin/java")),
                "the app image carries its own jlink runtime");
        String launcherConfig = Files.readString(dest.resolve("app-image/sailau-kiosk/lib/app/sailau-kiosk.cfg"));
        assertTrue(launcherConfig.contains("java-options=-Xmx512m"), "the launcher caps the heap:\n" + launcherConfig);
        assertTrue(launcherConfig.contains("java-options=-Dorg.sqlite.lib.path=$APPDIR/native")
                && launcherConfig.contains("java-options=-Dorg.sqlite.lib.name=libsqlitejdbc.so"),
                "the launcher names SQLite's native library beside the jar:\n" + launcherConfig);
        assertTrue(Files.isRegularFile(dest.resolve("app-image/sailau-kiosk/lib/app/deploy/sailau-kiosk.service")),
                "the deployment files travel in the app image");
    }

    @Test
    @Order(1)
    void launcherPrintsTheCommandList() throws Exception {
        Result help = run(List.of(launcher.toString(), "--help"), launcher.getParent(), 120);
        assertEquals(0, help.exit(), help.output());
        for (String command : List.of("authority", "kiosk", "register", "token", "demo")) {
            assertTrue(help.output().contains("  " + command + " "), "--help lists '" + command + "':\n" + help.output());
        }
    }

    @Test
    @Order(2)
    void startWithoutAConfigurationPointsToTheSampleInsideThePackage(@org.junit.jupiter.api.io.TempDir Path empty)
            throws Exception {
        Result start = run(List.of(launcher.toString(), "start"), empty, 120);
        assertEquals(1, start.exit(), start.output());
        Path sample = launcher.getParent().resolveSibling("lib/app/deploy/kiosk.json");
        assertTrue(start.output().contains("cannot start: configuration kiosk.json cannot be used:"), start.output());
        assertTrue(start.output().contains("file not found") && start.output().contains("[start.error.configuration]"),
                start.output());
        assertTrue(start.output().contains("a sample with every key is " + sample), "points to the package's sample "
                + sample + ":\n" + start.output());
        assertTrue(Files.isRegularFile(sample), sample.toString());
        assertEquals(1, start.output().strip().lines().count(), "one line, no stack trace:\n" + start.output());
    }

    @Test
    @Order(3)
    void demoCheckRunsOnTheBundledRuntimeAndOpensNoListeningPort() throws Exception {
        Path data = Path.of(property("sailau.packaging.target"), "it", "demo-data");
        Process process = new ProcessBuilder(launcher.toString(), "demo", "--check", "--data", data.toString())
                .directory(data.getParent().toFile()).redirectErrorStream(true).start();
        ProcessHandle handle = process.toHandle();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        List<InetSockets.Socket> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean inspectedWhenReady = new AtomicBoolean();
        AtomicReference<String> mappedWhenReady = new AtomicReference<>("");
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    if (line.startsWith("demo: ready")) {
                        // Everything is wired now: freeze the process and look at it at rest.
                        inspectedWhenReady.set(inspectFrozen(handle, seen));
                        mappedWhenReady.set(Files.readString(Path.of("/proc", Long.toString(handle.pid()), "maps")));
                    }
                }
            } catch (IOException e) {
                output.add("reader failed: " + e);
            }
        });
        reader.start();
        int samples = 0;
        while (process.isAlive()) {
            try {
                seen.addAll(InetSockets.of(handle));
                samples++;
            } catch (IOException e) {
                // the process ended while we read /proc/<pid>/fd
            }
            Thread.sleep(20);
        }
        reader.join(10_000);
        String log = String.join("\n", output);
        assertEquals(0, process.exitValue(), "demo --check on the app image failed:\n" + log);
        assertTrue(log.contains("demo check OK"), "the demo check passed:\n" + log);
        assertTrue(inspectedWhenReady.get(), "the sockets were inspected with the kiosk ready and frozen");
        // The launcher names SQLite's native library beside the jar (build-deb.sh took it out of the jar), so the
        // driver does not write it to the temporary directory and read it back at every start (decision 0230).
        Path nativeLibrary = launcher.getParent().resolveSibling("lib/app/native/libsqlitejdbc.so");
        assertTrue(Files.isRegularFile(nativeLibrary), nativeLibrary.toString());
        assertTrue(mappedWhenReady.get().contains(nativeLibrary.toRealPath().toString()),
                "the kiosk maps SQLite's library from " + nativeLibrary + ":\n" + mappedWhenReady.get().lines()
                        .filter(line -> line.contains("sqlite")).toList());
        assertTrue(samples > 10, "the sockets were sampled while the kiosk ran (" + samples + " samples)");
        List<InetSockets.Socket> listening = seen.stream().filter(InetSockets.Socket::listening).distinct().toList();
        assertEquals(List.of(), listening, "the kiosk opens no listening TCP or UDP socket");
        assertEquals(List.of(), seen.stream().distinct().toList(), "the kiosk opens no TCP or UDP socket at all");
    }

    @Test
    @Order(4)
    void theLauncherMapsTheClassArchiveThatClassArchiveShMakes() throws Exception {
        Path appDirectory = launcher.getParent().resolveSibling("lib/app");
        assertTrue(Files.readString(appDirectory.resolve("sailau-kiosk.cfg"))
                        .contains("java-options=-XX:SharedArchiveFile=$APPDIR/sailau-kiosk.jsa"),
                "the launcher names the archive beside its jar");
        Path archive = appDirectory.resolve("sailau-kiosk.jsa");
        Result made = run(List.of("bash", appDirectory.resolve("deploy/class-archive.sh").toString(),
                archive.toString(), launcher.toString()), appDirectory, 600);
        assertEquals(0, made.exit(), "class-archive.sh failed:\n" + made.output());
        assertTrue(Files.size(archive) > 1_000_000, "an archive of the start's classes: " + Files.size(archive));
        // -Xshare:on makes the JVM refuse to start when it cannot map the archive (wrong paths, runtime or jar).
        ProcessBuilder strict = new ProcessBuilder(launcher.toString(), "--help").redirectErrorStream(true);
        strict.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:cds=info");
        Process process = strict.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher ended");
        assertEquals(0, process.exitValue(), "the launcher starts with the archive mapped:\n" + output);
        assertTrue(output.contains(archive.toString()), "the JVM opened the archive:\n" + output);
        assertTrue(output.contains("  demo "), "and ran the program:\n" + output);
        Files.delete(archive);
    }

    private static boolean inspectFrozen(ProcessHandle handle, List<InetSockets.Socket> seen) {
        String pid = Long.toString(handle.pid());
        try {
            if (run(List.of("kill", "-STOP", pid), Path.of("/"), 30).exit() != 0) {
                return false;
            }
            try {
                seen.addAll(InetSockets.of(handle));
                return true;
            } finally {
                run(List.of("kill", "-CONT", pid), Path.of("/"), 30);
            }
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path directory, int timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out after " + timeoutSeconds + " s: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            fail("system property " + name + " is not set: run through 'mvn verify' (failsafe sets it)");
        }
        return value;
    }
}
