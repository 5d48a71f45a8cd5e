package kz.sailau.kiosk.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.sailau.kiosk.cli.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code demo --precinct} true: the real jar makes the DEMO precinct of three nodes on loopback (two of them
 * their own JVMs), waits for the majority, and checks one voter end to end through the replicated ledger; the node
 * directories and logs stay under the demo directory.
 */
class DemoPrecinctIT {

    @TempDir
    Path dir;

    @Test
    void theDemoKioskChecksAVoterInAsANodeOfADemoPrecinct() throws Exception {
        JarRunner.Result result = JarRunner.run(3, dir, "demo", "--check", "--precinct");
        assertEquals(0, result.exitCode(), () -> "out: " + result.out() + "\nerr: " + result.err());
        assertTrue(result.out().contains("precinct network of 3 nodes on loopback; this kiosk is kiosk-1, kiosk-1 "
                + "leader="), result.out());
        assertTrue(result.out().contains(" majority"), result.out());
        assertTrue(result.out().contains("demo check OK"), result.out());
        for (String node : new String[] {"kiosk-1", "kiosk-2", "desk-1"}) {
            assertTrue(Files.isRegularFile(dir.resolve("demo-data/precinct").resolve(node).resolve("node.crt.pem")),
                    node + " was certified by the DEMO precinct authority");
        }
    }
}
