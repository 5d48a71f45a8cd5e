package kz.sailau.kiosk.app.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.app.demo.DemoData;
import kz.sailau.kiosk.cli.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code simulate} (docs/check-in.md) true: the real jar sets up the demo kiosk, runs voter visits through
 * the real engine with the MRZ reader, scanner and printer emulated on pseudo-terminals, and its counts by reason
 * are those of the seed and reconcile; a small soak run shows no leaked threads or file descriptors.
 */
class SimulateIT {

    @TempDir
    Path dir;

    @Test
    void twentyVisitsOfSeedOneGiveTheirCountsAndReconcile() throws Exception {
        JarRunner.Result result = JarRunner.run(dir, "simulate", "--voters", "20", "--seed", "1");
        String out = result.out();
        assertEquals(0, result.exitCode(), () -> "out: " + out + "\nerr: " + result.err());
        assertTrue(out.contains("check-ins = tokens issued - voided: OK"), out);
        assertEquals(20, count(out, "visits"));
        // The 12 register voters each come once: V0006 is under 18, V0003 and V0010 hold expired cards.
        assertTrue(out.contains("checked in: 9 (fingerprint 8, clerk override 1, fallback 0, card-less 0)"), out);
        assertEquals(1, count(out, "  refused UNDER_AGE"));
        assertEquals(2, count(out, "  refused DOCUMENT_EXPIRED"));
        assertEquals(1, count(out, "  refused NOT_IN_REGISTER"));
        assertEquals(5, count(out, "  refused ALREADY_CHECKED_IN"));
        assertEquals(2, count(out, "  refused NOT_IDENTIFIED"));
        assertEquals(11, count(out, "refused"));
        assertEquals(0, count(out, "cancelled by the clerk"));
        assertTrue(out.contains("overrides: 1 (wrong-finger visits 1)"), out);
        assertTrue(out.contains("tokens issued: 9; voided: 0; ledger check-ins: 9"), out);
        assertTrue(out.contains("receipts printed and checked: 9"), out);
        assertTrue(Files.exists(dir.resolve("simulate-data").resolve(DemoData.MARKER)));
    }

    @Test
    void aSmallSoakWithFaultsVoidsReprintsRetriesAndLeaksNothing() throws Exception {
        Path report = dir.resolve("soak.txt");
        JarRunner.Result result = JarRunner.run(dir, "simulate", "--voters", "30", "--seed", "3", "--faults",
                "--soak-report", report.toString());
        String out = result.out();
        assertEquals(0, result.exitCode(), () -> "out: " + out + "\nerr: " + result.err());
        assertTrue(out.contains("check-ins = tokens issued - voided: OK"), out);
        assertTrue(out.contains("tokens issued: 10; voided: 1; ledger check-ins: 9"), out);
        assertTrue(out.contains("printer out of paper: 1;"), out);
        assertTrue(out.contains("fallback 2"), out);
        Matcher retried = Pattern.compile("scanner unplugged and retried: (\\d+)").matcher(out);
        assertTrue(retried.find() && Integer.parseInt(retried.group(1)) >= 1, out);

        String soak = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(soak.contains("soak: reconciled OK"), soak);
        assertTrue(soak.contains("soak: resources FLAT"), soak);
        long[] before = resources(soak, "before");
        long[] after = resources(soak, "after");
        assertTrue(before[1] > 0 && before[2] > 0, "threads and descriptors were measured: " + soak);
        assertTrue(after[1] <= before[1] + SimulateResources.THREAD_TOLERANCE, "threads leaked: " + soak);
        assertTrue(after[2] <= before[2] + SimulateResources.FD_TOLERANCE, "file descriptors leaked: " + soak);
    }

    private static int count(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + ": (\\d+)").matcher(out);
        assertTrue(m.find(), () -> "no line '" + label + ": N' in\n" + out);
        return Integer.parseInt(m.group(1));
    }

    /** heap MiB (truncated), threads, fds of the soak report's line. */
    private static long[] resources(String soak, String which) {
        Matcher m = Pattern.compile("soak: " + which + " +heap after GC ([0-9.]+) MiB, threads (\\d+), open fds (\\d+)")
                .matcher(soak);
        assertTrue(m.find(), soak);
        return new long[] {(long) Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3))};
    }
}
