package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.testing.FakeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clerk-station --dir DIR} checks the node directory before it asks for a passphrase or joins anything: a
 * kiosk's certificate, a directory without settings or without a certificate are refused with one line and their
 * key, and nothing is created (no ledger directory); a clerk station's directory passes {@code --check-only}.
 */
class ClerkStationCommandTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void onlyACertifiedClerkStationsDirectoryIsAccepted() throws IOException {
        try (LoopbackPrecinct precinct = new LoopbackPrecinct(temp.resolve("network"), new PrecinctId(4713),
                AuthorityCredentials.generate("Test-only authority", Clock.systemUTC(), Duration.ofDays(2), RANDOM),
                "test-only node passphrase".toCharArray(), 90, RANDOM, Clock.systemUTC())) {
            var kiosk = precinct.add("kiosk-1", NodeRole.KIOSK);
            var station = precinct.add("station-1", NodeRole.CLERK_STATION);
            precinct.writeSettings(List.copyOf(precinct.machines().keySet()));

            refused("node.error.role", "--dir", kiosk.directory().toString());
            assertFalse(Files.exists(kiosk.directory().resolve(PrecinctKiosk.LEDGER_DIRECTORY)), "nothing created");
            Path empty = Files.createDirectory(temp.resolve("empty"));
            refused("node.error.noSettings", "--dir", empty.toString());
            Path uncertified = Files.createDirectory(temp.resolve("uncertified"));
            Files.copy(station.directory().resolve("precinct.json"), uncertified.resolve("precinct.json"));
            refused("node.error.notInitialised", "--dir", uncertified.toString());
            Files.writeString(uncertified.resolve("precinct.json"), "{\"name\": \"station-1\"");
            refused("node.error.settings", "--dir", uncertified.toString());
            try (var files = Files.list(uncertified)) {
                assertEquals(List.of("precinct.json"), files.map(f -> f.getFileName().toString()).toList());
            }

            Path garbledAuthority = Files.createDirectory(temp.resolve("garbled-authority"));
            try (var files = Files.list(station.directory())) {
                for (Path file : files.toList()) {
                    Files.copy(file, garbledAuthority.resolve(file.getFileName()));
                }
            }
            Files.writeString(garbledAuthority.resolve("authority.crt.pem"), "garbage\n");
            refused("crypto.error.certificateFormat", "--dir", garbledAuthority.toString(), "--check-only");
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("the pinned authority certificate "
                    + "authority.crt.pem cannot be used"), "names the authority's file, not the node's: " + err);

            Path wrong = Files.writeString(temp.resolve("wrong.txt"), "not the node passphrase\n");
            refused("crypto.error.wrongPassphrase", "--dir", station.directory().toString(), "--passphrase-file",
                    wrong.toString());
            assertFalse(Files.exists(station.directory().resolve(PrecinctKiosk.LEDGER_DIRECTORY)),
                    "a wrong passphrase leaves nothing behind");
            assertEquals(0, run("--dir", station.directory().toString(), "--check-only"), err.toString());
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("clerk station station-1 is ready"), out.toString());
            assertFalse(Files.exists(station.directory().resolve(PrecinctKiosk.LEDGER_DIRECTORY)));
        }
    }

    private void refused(String key, String... args) {
        err.reset();
        assertEquals(1, run(args), "exit code");
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, said.lines().count(), "one line: " + said);
        assertTrue(said.contains("[" + key + "]"), said);
    }

    private int run(String... args) {
        CliEnvironment environment = new CliEnvironment(Clock.systemUTC(), RANDOM, Main.migrations(),
                FakeMatcher::imageEncoded, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] all = new String[args.length + 1];
        all[0] = "clerk-station";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.commandLine(environment).execute(all);
    }
}
