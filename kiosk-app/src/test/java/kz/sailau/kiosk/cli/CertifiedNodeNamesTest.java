package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code authority certify-node} certifies a machine name for one key per precinct (decision 0480, session H62's
 * second {@code kiosk-2}): a renewal of the same key is allowed, another machine under a taken name is refused with
 * nothing written, the same name in another precinct and a new name are certified; a damaged list is refused.
 */
class CertifiedNodeNamesTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        err.reset();
        CliEnvironment environment = new CliEnvironment(Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"),
                ZoneOffset.UTC), new SecureRandom(), Main.migrations(), SourceAfisMatcher::new,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return KioskCommandLine.create(environment).execute(args);
    }

    private static final String[] FAST = {"--argon2-memory-kib", "8192", "--argon2-iterations", "1"};

    private Path node(String directory, String name, String precinct) {
        Path node = dir.resolve(directory);
        assertEquals(0, run(concat(new String[] {"node", "init", "--dir", node.toString(), "--name", name,
                "--role", "kiosk", "--precinct", precinct, "--passphrase-file", passphrase().toString()})), err::toString);
        return node.resolve("node.csr.pem");
    }

    private int certify(Path request, String precinct, String outName) {
        return run("authority", "certify-node", "--authority", dir.resolve("auth").toString(), "--request",
                request.toString(), "--precinct", precinct, "--out", dir.resolve(outName).toString(),
                "--passphrase-file", passphrase().toString());
    }

    private Path passphrase() {
        return dir.resolve("pass.txt");
    }

    private static String[] concat(String[] args) {
        String[] all = new String[args.length + FAST.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(FAST, 0, all, args.length, FAST.length);
        return all;
    }

    @Test
    void aMachineNameIsCertifiedForOneKeyPerPrecinct() throws Exception {
        Files.writeString(passphrase(), "DEMO passphrase for tests only\n");
        assertEquals(0, run(concat(new String[] {"authority", "init", "--out", dir.resolve("auth").toString(),
                "--passphrase-file", passphrase().toString()})), err::toString);
        Path first = node("first", "kiosk-2", "4711");
        Path second = node("second", "kiosk-2", "4711");

        assertEquals(0, certify(first, "4711", "first.crt.pem"), err::toString);
        assertEquals(0, certify(first, "4711", "first-renewed.crt.pem"), "the same key again: a renewal");
        Path list = dir.resolve("auth").resolve(CertifiedNodeNames.FILE);
        assertEquals(2, Files.readAllLines(list).size(), "the name is listed once");

        assertEquals(1, certify(second, "4711", "second.crt.pem"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error [node.error.nameTaken]: precinct 4711 already has a machine named kiosk-2")
                && said.strip().lines().count() == 1, said);
        assertFalse(Files.exists(dir.resolve("second.crt.pem")), "no certificate written");
        assertEquals(2, Files.readAllLines(list).size(), "the list unchanged");

        assertEquals(0, certify(node("other", "kiosk-3", "4711"), "4711", "other.crt.pem"), "a new name");
        assertEquals(0, certify(node("elsewhere", "kiosk-2", "4712"), "4712", "elsewhere.crt.pem"),
                "the same name in another precinct");
        assertEquals(4, Files.readAllLines(list).size());

        Files.writeString(list, Files.readString(list) + "4711\tkiosk-9\tnot-a-digest\n");
        assertEquals(1, certify(node("third", "kiosk-4", "4711"), "4711", "third.crt.pem"));
        said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error [node.error.certifiedNames]: ") && said.contains("line 5"), said);
        assertFalse(Files.exists(dir.resolve("third.crt.pem")), "no certificate written");
    }
}
