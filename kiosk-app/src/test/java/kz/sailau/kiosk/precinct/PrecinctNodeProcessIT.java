package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.precinct.loopback.NodeConsoleProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node as the kiosk runs it, {@code sailau-kiosk.jar node run}, in its own JVM: it listens on its configured
 * precinct address and nowhere else (the sockets of the process, from {@code /proc}), and alone of its four members
 * it says it is cut off and refuses a check-in at once. One JVM, so it stays reliable on a loaded build machine.
 */
class PrecinctNodeProcessIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aNodeListensOnlyOnItsConfiguredAddressAndAloneRefusesCheckIns(@TempDir Path root) throws Exception {
        String jar = JarRunner.jar().toString();
        try (LoopbackPrecinct precinct = new LoopbackPrecinct(root, new PrecinctId(4711),
                AuthorityCredentials.generate("Test-only authority", Clock.systemUTC(), Duration.ofDays(1), RANDOM),
                "test-only node passphrase".toCharArray(), 28, RANDOM, Clock.systemUTC())) {
            for (String name : List.of("kiosk-1", "kiosk-2", "kiosk-3", "desk-1")) {
                precinct.add(name, name.startsWith("desk") ? NodeRole.BALLOT_DESK : NodeRole.KIOSK);
            }
            precinct.writeSettings(List.copyOf(precinct.machines().keySet()));
            LoopbackPrecinct.Machine machine = precinct.machine(new NodeName("kiosk-1"));
            try (NodeConsoleProcess node = precinct.start(Path.of(jar), machine)) {
                String state = node.ask("state");
                assertTrue(state.contains("cut-off"), state);
                byte[] voter = new byte[32];
                RANDOM.nextBytes(voter);
                String answer = node.ask("checkin " + HexFormat.of().formatHex(voter) + " 0");
                assertTrue(answer.startsWith("checkin UNAVAILABLE"), answer);
                assertEquals(List.of(machine.address().getHostAddress() + ":" + machine.listen().getPort()),
                        ListeningSockets.of(node.pid()));
            }
        }
    }
}
