package kz.sailau.fingerprint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import kz.sailau.fingerprint.TestImages;
import kz.sailau.fingerprint.emulator.SensorImageFitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar as a user runs it: {@code emulate} in one process, {@code probe}/{@code capture} in others. */
class CommandLineIT {

    private static final Path JAR = Path.of("target", "fingerprint-driver.jar");

    @TempDir
    Path folder;

    private Process emulator;

    @AfterEach
    void stopEmulator() throws InterruptedException {
        if (emulator != null) {
            emulator.destroy();
            assertTrue(emulator.waitFor(10, TimeUnit.SECONDS), "emulator stops on SIGTERM");
        }
    }

    private static List<String> java(String... arguments) {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR.toAbsolutePath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1"); // C1 only: a short command (decision 0533)
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String... arguments) throws IOException, InterruptedException {
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = new ProcessBuilder(java(arguments)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished in time");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String startEmulator(String... extra) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("emulate"));
        arguments.addAll(List.of(extra));
        emulator = new ProcessBuilder(java(arguments.toArray(String[]::new)))
                .redirectError(folder.resolve("emulator.err").toFile()).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine();
        assertTrue(first != null && first.startsWith("port: "), "first line names the port: " + first);
        return first.substring("port: ".length());
    }

    @Test
    void emulateThenProbeAndCaptureWriteTheSourceImage() throws Exception {
        Path images = Files.createDirectories(folder.resolve("images"));
        ImageIO.write(TestImages.ridges(280, 300, 3), "png", images.resolve("finger.png").toFile());
        String port = startEmulator("--images", images.toString(), "--fault", "checksum,no-finger=2",
                "--link", folder.resolve("scanner").toString());
        assertEquals(folder.resolve("scanner").toString(), port);

        Result probe = run("probe", "--port", port);
        assertEquals(0, probe.exitCode(), probe.err());
        assertTrue(probe.out().contains("baud rate: 57600"), probe.out());
        assertTrue(probe.out().contains("packet size: 128"), probe.out());

        Path png = folder.resolve("capture.png");
        Result capture = run("capture", "--port", port, "--out", png.toString(), "--target-baud", "115200");
        assertEquals(0, capture.exitCode(), capture.err());
        assertTrue(capture.out().contains("bytes: 40044"), capture.out());
        assertTrue(capture.out().contains("baud rate: 115200"), capture.out());
        assertTrue(capture.out().contains("wire time: 3476 ms"), capture.out());
        assertTrue(capture.out().contains("total time: "), capture.out());
        assertArrayEquals(SensorImageFitter.fit(TestImages.ridges(280, 300, 3)),
                TestImages.grayPixels(ImageIO.read(png.toFile())));
    }

    @Test
    void probeTellsWhatTheKioskNeedsToKnowAboutANewModel() throws Exception {
        Path images = Files.createDirectories(folder.resolve("r503-images"));
        ImageIO.write(TestImages.ridges(200, 200, 4), "png", images.resolve("finger.png").toFile());
        String port = startEmulator("--images", images.toString(), "--profile", "r503", "--slow");

        Result probe = run("probe", "--port", port, "--profile", "r503", "--finger");
        assertEquals(0, probe.exitCode(), probe.err());
        assertTrue(probe.out().contains("system identifier: 0x0000 (catalogue models with it: r503)"), probe.out());
        assertTrue(probe.out().contains("unknown instruction 0x99: 0xfc (unsupported command)"), probe.out());
        assertTrue(probe.out().contains("sensor image: 192 x 192"), probe.out());
        assertTrue(probe.out().contains("image bytes: 18432 (36864 pixels at 4 bits; catalogue geometries: r503"
                + " 192x192)"), probe.out());
        assertTrue(probe.out().contains("profile allows 200 ms"), probe.out());
    }

    @Test
    void failuresExitWithOneAndNameTheMessageKey() throws Exception {
        Result missing = run("capture", "--port", folder.resolve("nothing").toString(), "--out",
                folder.resolve("x.png").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("scanner.error.disconnected"), missing.err());
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertEquals(2, run("emulate").exitCode(), "neither --images nor --script");
        assertEquals(2, run("capture", "--port", "/dev/null").exitCode(), "--out missing");
        Result unknown = run("probe", "--port", "/dev/null", "--profile", "r999");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("known: zfm-20, r307, r305, r503"), unknown.err());
        assertEquals(2, run("emulate", "--images", folder.toString(), "--profile", "r305", "--baud", "115200")
                .exitCode(), "the R305 batches stop at 57600");
        Result help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("emulate") && help.out().contains("probe") && help.out().contains("capture"));
    }
}
