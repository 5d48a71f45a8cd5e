package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.cli.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short CI run of {@code simulate --kiosks 2 --cluster-faults} through the real jar: three node JVMs (two
 * kiosks and the ballot desk) with mutual TLS on loopback, nodes killed with SIGKILL and links cut while voters
 * check in; the history check must hold, and the raw bytes of every node's files after the day (and after the
 * crashes) must not order the check-ins. Three JVMs, not four, so that it stays reliable on a loaded two-core build
 * machine; the long run (3 kiosks, 500+ visits) is recorded in docs/benchmarks.md.
 */
class PrecinctSimulationIT {

    private static final int VISITS = 30;
    private static final long SEED = 7;

    @Test
    void aShortSimulatedDayWithClusterFaultsEndsWithNoDoubleAndNoLostCheckIn(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        Path out = root.resolve("out.txt");
        Process process = new ProcessBuilder(JarRunner.command("simulate", "--kiosks", "2", "--voters",
                Integer.toString(VISITS), "--seed", Long.toString(SEED), "--cluster-faults", "--data", data.toString()))
                .directory(root.toFile()).redirectOutput(out.toFile())
                .redirectError(root.resolve("err.txt").toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("simulate did not finish in 5 minutes");
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        System.out.print(output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("\ndouble check-ins: 0\n"), output);
        assertTrue(output.contains("\nlost acknowledged check-ins: 0\n"), output);
        Matcher faults = Pattern.compile("; (\\d+) faults \\(").matcher(output);
        assertTrue(faults.find() && Integer.parseInt(faults.group(1)) > 0, "no fault was injected: " + output);
        Matcher reconciliation = Pattern.compile("reconciliation: check-ins (\\d+) = tokens issued (\\d+) - voided "
                + "(\\d+); redeemed (\\d+) of (\\d+) valid").matcher(output);
        assertTrue(reconciliation.find(), output);
        long checkIns = Long.parseLong(reconciliation.group(1));
        assertTrue(checkIns > 0);
        assertEquals(checkIns, Long.parseLong(reconciliation.group(2)) - Long.parseLong(reconciliation.group(3)));
        assertEquals(checkIns, Long.parseLong(reconciliation.group(4)));

        List<Path> ledgers = new ArrayList<>();
        for (String node : List.of("kiosk-1", "kiosk-2", "desk-1")) {
            ledgers.add(data.resolve(node).resolve("ledger"));
        }
        RawBytes.assertNoOrderAndNoLink(ledgers, voterPool(), List.of());
    }

    /** The voters the simulation drew: its first random draws, as in PrecinctSimulation. */
    private static List<byte[]> voterPool() {
        Random random = new Random(SEED);
        List<byte[]> pool = new ArrayList<>();
        for (int i = 0; i < Math.max(2, VISITS * 4 / 5); i++) {
            byte[] voter = new byte[32];
            random.nextBytes(voter);
            pool.add(voter);
        }
        return pool;
    }
}
