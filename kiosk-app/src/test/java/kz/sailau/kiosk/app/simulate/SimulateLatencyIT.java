package kz.sailau.kiosk.app.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.cli.InProcessRunner;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.cli.KioskCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code simulate --realtime --register-size N} (docs/check-in.md, "Measuring the wait") true with the real jar:
 * the register is grown with synthetic voters whose templates the kiosk's matcher extracts, the scanner emulator is
 * paced at the chosen baud rate, the phase table is printed and the run ends with the latency line, whose wire time is
 * the image's at that rate. Bad options are refused with one line and leave no directory. No duration is asserted
 * beyond the wire time, which the driver computes from the baud rate. The first bad option goes through the real jar,
 * the others through the same command line in this JVM.
 */
class SimulateLatencyIT {

    private static final Pattern LATENCY = Pattern.compile(
            "latency voters=(\\d+) wire=([0-9.]+) p50=([0-9.]+) p95=([0-9.]+) ratio=([0-9.]+)");

    private static final List<List<String>> BAD = List.of(List.of("--baud", "12345"), List.of("--baud", "0"),
            List.of("--register-size", "-1"), List.of("--register-size", "20001"));

    @TempDir
    Path dir;

    @Test
    void aPacedRunOverAGrownRegisterEndsWithTheLatencyLine() throws Exception {
        JarRunner.Result result = JarRunner.run(10, dir, "simulate", "--realtime", "--register-size", "30",
                "--voters", "5", "--seed", "1", "--baud", "115200");
        String out = result.out();
        assertEquals(0, result.exitCode(), () -> "out: " + out + "\nerr: " + result.err());
        assertTrue(out.contains("simulate: register of 30 voters loaded"), out);
        assertTrue(out.contains("simulate: 1:N gallery of 30 voters prepared"), out);
        assertTrue(out.contains("scanner paced at 115200 baud"), out);
        assertTrue(out.contains("check-ins = tokens issued - voided: OK"), out);
        assertTrue(out.contains("timeline (this run; counts per phase, p50 and p95):"), out);
        for (String phase : List.of("capture_wire", "extraction", "verify", "durable_commit", "token_signing",
                "finger_to_token")) {
            assertTrue(Pattern.compile("(?m)^  " + phase + " +\\d+ +[0-9.]+ +[0-9.]+$").matcher(out).find(),
                    phase + " missing in\n" + out);
        }
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        Matcher latency = LATENCY.matcher(lines.get(lines.size() - 1));
        assertTrue(latency.matches(), "the last line is the latency line:\n" + out);
        assertEquals(30, Integer.parseInt(latency.group(1)));
        // 40,044 bytes (acknowledgement, 36,864 image bytes, 11 framing bytes per 128-byte packet) × 10 bits.
        assertEquals(40_044 * 10 / 115_200.0, Double.parseDouble(latency.group(2)), 0.0015);
        double p50 = Double.parseDouble(latency.group(3));
        double p95 = Double.parseDouble(latency.group(4));
        assertTrue(p50 <= p95, out);
        assertEquals(p95 / Double.parseDouble(latency.group(2)), Double.parseDouble(latency.group(5)), 0.002);
    }

    @Test
    void badOptionsAreRefusedWithOneLineAndNoDirectory() throws Exception {
        for (List<String> bad : BAD) {
            List<String> args = new ArrayList<>(List.of("simulate", "--realtime", "--data",
                    dir.resolve("never").toString()));
            args.addAll(bad);
            // The first through the real jar (its process's exit code and streams), the others in process.
            JarRunner.Result result = bad.equals(BAD.get(0)) ? JarRunner.run(dir, args.toArray(String[]::new))
                    : InProcessRunner.run(args.toArray(String[]::new));
            assertEquals(KioskCommandLine.FAILED, result.exitCode(), bad + ": " + result.err());
            assertEquals(1, result.err().lines().filter(l -> !l.isBlank()).count(), bad + ": " + result.err());
            assertTrue(result.err().contains("cli.error.usage"), result.err());
            assertFalse(result.err().contains("Exception"), result.err());
            assertFalse(Files.exists(dir.resolve("never")), bad + " left a directory");
        }
    }
}
