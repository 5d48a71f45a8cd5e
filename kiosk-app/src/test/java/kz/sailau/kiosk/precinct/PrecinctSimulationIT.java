package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.cli.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short CI runs of {@code simulate --kiosks 2} through the real jar: three node JVMs (two kiosks and the ballot
 * desk) with mutual TLS on loopback. With {@code --cluster-faults}, nodes killed with SIGKILL and links cut while
 * voters check in; with {@code --spare}, a kiosk dies for good and a spare certified by the authority takes its place
 * mid-day. The history check must hold, the day must close on every node with a precinct bundle that the one
 * verifier accepts, and the raw bytes of every closing node's files and of the bundle after the day (and after the
 * crashes) must not order the check-ins. Three JVMs, not four, so that it stays reliable on a loaded two-core build
 * machine; the long run (3 kiosks, 500+ visits) is recorded in docs/benchmarks.md.
 */
class PrecinctSimulationIT {

    private static final int VISITS = 30;
    private static final long SEED = 7;
    private static final Pattern VERDICT = Pattern.compile("\nprecinct bundle verified: (\\d+) nodes; check-ins "
            + "(\\d+) = tokens issued (\\d+) - voided (\\d+)\n");

    @Test
    void aShortSimulatedDayWithClusterFaultsEndsWithNoDoubleAndNoLostCheckIn(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        String output = simulate(root, "--seed", Long.toString(SEED), "--cluster-faults");
        Matcher faults = Pattern.compile("; (\\d+) faults \\(").matcher(output);
        assertTrue(faults.find() && Integer.parseInt(faults.group(1)) > 0, "no fault was injected: " + output);
        Matcher reconciliation = Pattern.compile("reconciliation: check-ins (\\d+) = tokens issued (\\d+) - voided "
                + "(\\d+); redeemed (\\d+) of (\\d+) valid").matcher(output);
        assertTrue(reconciliation.find(), output);
        long checkIns = Long.parseLong(reconciliation.group(1));
        assertTrue(checkIns > 0);
        assertEquals(checkIns, Long.parseLong(reconciliation.group(2)) - Long.parseLong(reconciliation.group(3)));
        assertEquals(checkIns, Long.parseLong(reconciliation.group(4)));
        Matcher verdict = VERDICT.matcher(output);
        assertTrue(verdict.find(), "the precinct bundle did not verify: " + output);
        assertEquals(3, Integer.parseInt(verdict.group(1)));
        assertEquals(checkIns, Long.parseLong(verdict.group(2)), "the bundle's check-ins against the history's");

        assertSecret(data, List.of("kiosk-1", "kiosk-2", "desk-1"), SEED);
    }

    @Test
    void aSpareKioskReplacesADeadOneMidDayAndTheWithdrawnOneIsRefused(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        long seed = 11;
        String output = simulate(root, "--seed", Long.toString(seed), "--spare");
        assertTrue(output.contains("simulate: kiosk-2 died for good after 10 visits"), output);
        assertTrue(Pattern.compile("\nspare: kiosk-3 replaced kiosk-2: withdrawn and admitted [0-9.]+ s after the "
                + "death, started and caught up in [0-9.]+ s \\(\\d+ check-ins to catch up\\)").matcher(output).find(),
                output);
        assertTrue(output.contains("\nspare: the withdrawn kiosk-2, started again, was refused by its peers "
                + "(node.refused.withdrawn="), output);
        Matcher verdict = VERDICT.matcher(output);
        assertTrue(verdict.find(), "the precinct bundle did not verify: " + output);
        assertEquals(3, Integer.parseInt(verdict.group(1)), "kiosk-1, the spare kiosk-3 and desk-1 close the day");
        Path bundles = data.resolve("precinct-bundle");
        assertTrue(Files.exists(bundles.resolve("kiosk-3.bundle")), "the spare closed the day");
        assertFalse(Files.exists(bundles.resolve("kiosk-2.bundle")), "the withdrawn kiosk signs nothing");
        String spareBundle = Files.readString(bundles.resolve("kiosk-3.bundle"), StandardCharsets.UTF_8);
        assertTrue(spareBundle.contains("\nwithdrawn kiosk-2\n"), spareBundle);
        assertTrue(Pattern.compile("\ncount kiosk-3 fingerprint=[1-9]").matcher(spareBundle).find(),
                "the spare took visits: " + spareBundle);
        assertSecret(data, List.of("kiosk-1", "kiosk-3", "desk-1"), seed);
    }

    /** Runs {@code simulate --kiosks 2 --voters 30 ARGS} to its end; returns its output after checking the basics. */
    private static String simulate(Path root, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("simulate", "--kiosks", "2", "--voters",
                Integer.toString(VISITS), "--data", root.resolve("data").toString()));
        command.addAll(List.of(arguments));
        Path out = root.resolve("out.txt");
        Process process = new ProcessBuilder(JarRunner.command(command.toArray(String[]::new)))
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
        return output;
    }

    /**
     * The raw-bytes test over the ledgers of the nodes that closed the day and over the precinct bundle: the voters
     * of the run's pool and the token ids the bundle lists, each only in canonical order, none in a consensus log.
     */
    private static void assertSecret(Path data, List<String> closing, long seed) throws Exception {
        List<Path> directories = new ArrayList<>();
        for (String node : closing) {
            directories.add(data.resolve(node).resolve("ledger"));
        }
        Path bundles = data.resolve("precinct-bundle");
        directories.add(bundles);
        List<byte[]> tokens = new ArrayList<>();
        for (String line : Files.readAllLines(bundles.resolve("desk-1.bundle"), StandardCharsets.UTF_8)) {
            if (line.startsWith("token ")) {
                tokens.add(HexFormat.of().parseHex(line.split(" ")[1]));
            }
        }
        assertFalse(tokens.isEmpty(), "the bundle lists the day's tokens");
        RawBytes.assertNoOrderAndNoLink(directories, voterPool(seed), tokens);
    }

    /** The voters the simulation drew: its first random draws, as in PrecinctSimulation. */
    private static List<byte[]> voterPool(long seed) {
        Random random = new Random(seed);
        List<byte[]> pool = new ArrayList<>();
        for (int i = 0; i < Math.max(2, VISITS * 4 / 5); i++) {
            byte[] voter = new byte[32];
            random.nextBytes(voter);
            pool.add(voter);
        }
        return pool;
    }
}
