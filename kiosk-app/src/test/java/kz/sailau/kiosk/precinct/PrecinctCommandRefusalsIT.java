package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.app.KioskPrecinctNetwork;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or careless starts of the precinct network's commands through the real jar, each answered with one line
 * naming what is wrong: a listen port another program holds ({@code node run}, {@code token desk},
 * {@code clerk-station}: {@code node.error.bind} with the address and port, not "lost the network"); a desk package
 * or a node directory of another authority than {@code --authority-cert} ({@code token.error.deskKeyAuthority},
 * {@code token.error.nodeAuthority}, not the register's signature error); and an over-long line at the node console
 * (one {@code error precinct.console.tooLong} answer, then the console goes on) or a check-in method that is no
 * small number (a bad request in words). No refusal leaves a ledger directory.
 */
class PrecinctCommandRefusalsIT {

    private static final PrecinctId PRECINCT = new PrecinctId(4716);
    private static final ElectionId ELECTION = new ElectionId("KZ-2026-PARL");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path temp;

    @Test
    void aListenPortTakenByAnotherProgramIsNamedByEveryCommandThatListens() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), PRECINCT, 76)) {
            Map<String, NodeRole> machines = new LinkedHashMap<>();
            machines.put("kiosk-1", NodeRole.KIOSK);
            machines.put("desk-1", NodeRole.BALLOT_DESK);
            machines.put("station-1", NodeRole.CLERK_STATION);
            precinct.members(machines);
            DeskFiles desk = desk(precinct.loopback.authority());
            String passphrase = precinct.loopback.passphraseFile().toString();
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("kiosk-1", List.of("node", "run", "--dir", dir(precinct, "kiosk-1"), "--passphrase-file",
                    passphrase));
            commands.put("desk-1", desk.command(dir(precinct, "desk-1"), passphrase));
            commands.put("station-1", List.of("clerk-station", "--dir", dir(precinct, "station-1"),
                    "--passphrase-file", passphrase));
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                LoopbackPrecinct.Machine machine = precinct.machine(command.getKey());
                String where = machine.listen().getAddress().getHostAddress() + ":" + machine.listen().getPort();
                try (ServerSocket taken = new ServerSocket(machine.listen().getPort(), 1, machine.address())) {
                    JarRunner.Result run = JarRunner.run(temp, command.getValue().toArray(String[]::new));
                    assertOneLine(run, "node.error.bind", command.getKey());
                    assertTrue(run.err().contains("cannot listen on " + where), run.err());
                }
                assertFalse(Files.exists(machine.directory().resolve("ledger")), command.getKey() + ": no ledger");
            }
        }
    }

    @Test
    void aDeskPackageOrANodeDirectoryOfAnotherAuthorityIsNamedAsSuch() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), PRECINCT, 108)) {
            precinct.members(Map.of("desk-1", NodeRole.BALLOT_DESK, "kiosk-1", NodeRole.KIOSK));
            AuthorityCredentials other = AuthorityCredentials.generate("Test-only other authority",
                    Clock.systemUTC(), Duration.ofDays(2), RANDOM);
            DeskFiles otherPackage = desk(other);
            String deskDirectory = dir(precinct, "desk-1");
            String passphrase = precinct.loopback.passphraseFile().toString();

            // The desk package of another authority, the precinct's authority given: said so after the passphrase.
            DeskFiles mixed = new DeskFiles(otherPackage.kioskKeys(), otherPackage.deskKey(),
                    desk(precinct.loopback.authority()).authority(), ELECTION, PRECINCT);
            JarRunner.Result run = JarRunner.run(temp, mixed.command(deskDirectory, passphrase)
                    .toArray(String[]::new));
            assertOneLine(run, "token.error.deskKeyAuthority", "desk package of another authority");

            // Another authority given, its own desk package: the node directory pins the precinct's authority, said
            // before any passphrase is read (the passphrase file does not even exist).
            run = JarRunner.run(temp, otherPackage.command(deskDirectory, temp.resolve("no-such-passphrase")
                    .toString()).toArray(String[]::new));
            assertOneLine(run, "token.error.nodeAuthority", "node directory of another authority");
            assertFalse(Files.exists(precinct.machine("desk-1").directory().resolve("ledger")), "no ledger");
        }
    }

    @Test
    void theNodeConsoleRefusesAnOverLongLineWithOneLineAndGoesOn() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), PRECINCT, 114)) {
            precinct.members(Map.of("kiosk-1", NodeRole.KIOSK));
            List<String> command = new ArrayList<>(JarRunner.command("node", "run", "--dir", dir(precinct, "kiosk-1"),
                    "--passphrase-file", precinct.loopback.passphraseFile().toString()));
            Process node = new ProcessBuilder(command).redirectError(temp.resolve("node.log").toFile()).start();
            try (OutputStream in = node.getOutputStream()) {
                in.write(("state " + "x".repeat(2 * 1024 * 1024) + "\ncheckin " + "ab".repeat(32) + " 99999999999\n"
                        + "state\nquit\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the node ended after 'quit'");
            String log = Files.readString(temp.resolve("node.log"));
            assertEquals(0, node.exitValue(), out + log);
            List<String> lines = out.lines().toList();
            assertEquals(5, lines.size(), out);
            assertEquals("ready kiosk-1", lines.get(0));
            assertEquals(PrecinctNodeConsole.TOO_LONG, lines.get(1));
            assertEquals("error precinct.console.badRequest method must be 0..3", lines.get(2),
                    "a number too large for the method is a bad request in words, not the parser's message");
            assertTrue(lines.get(3).startsWith("state "), out);
            assertEquals("bye", lines.get(4));
            assertFalse(log.contains("Exception"), log);

            // The administrator screen's view of a node that has shut down: nothing to show, nothing thrown.
            PrecinctNode stopped = precinct.start(precinct.machine("kiosk-1").name());
            stopped.close();
            assertFalse(stopped.running());
            assertEquals(Optional.empty(), new KioskPrecinctNetwork(() -> Optional.of(stopped), event -> { })
                    .network());
        }
    }

    private static void assertOneLine(JarRunner.Result run, String key, String what) {
        assertEquals(1, run.exitCode(), what + ": " + run.out() + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), what + ": one line: " + run.err());
        assertTrue(lines.get(0).contains("[" + key + "]"), what + ": " + run.err());
        assertFalse((run.out() + run.err()).contains("Exception"), what + ": " + run.err());
    }

    private static String dir(InProcessPrecinct precinct, String machine) {
        return precinct.machine(machine).directory().toString();
    }

    /** What a desk is given: a kiosk's public key, the desk package and the authority certificate (TEST keys). */
    /** A desk's files issued by {@code authority}, sealed under the precinct's TEST passphrase. */
    private DeskFiles desk(AuthorityCredentials authority) throws Exception {
        byte[] kioskKey = new byte[32];
        RANDOM.nextBytes(kioskKey);
        return DeskFiles.write(Files.createTempDirectory(temp, "desk"), authority, ELECTION, PRECINCT,
                List.of(kioskKey), RANDOM);
    }
}
