package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.clerk.PinCheck;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.store.KioskDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clerk add | list | reset | remove} in process on an initialised kiosk directory. */
class ClerkCommandsTest {

    private final CapturedCommandLine cli = new CapturedCommandLine(CapturedCommandLine.NOVEMBER_20);
    final ByteArrayOutputStream out = cli.out;
    final ByteArrayOutputStream err = cli.err;

    @TempDir
    Path dir;

    int run(String... args) {
        out.reset();
        err.reset();
        return cli.run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addListResetRemoveWithSpecificRefusals() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            addListResetRemove();
        } finally {
            root.detachAppender(logs);
        }
        StringBuilder logged = new StringBuilder();
        for (ch.qos.logback.classic.spi.ILoggingEvent event : logs.list) {
            logged.append(event.getFormattedMessage()).append('\n');
            for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.append(t.getMessage()).append('\n');
            }
        }
        for (String secret : new String[] {"470213", "907311", "123456"}) {
            assertFalse(logged.toString().contains(secret), "a PIN in the log");
        }
    }

    private void addListResetRemove() throws Exception {
        Path data = dir.resolve("kiosk");
        RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT);
        Path pass = Files.writeString(dir.resolve("pass.txt"), new String(RegisterFixtures.PASSPHRASE) + "\n");
        Path wrongPass = Files.writeString(dir.resolve("wrong.txt"), "not the passphrase\n");
        Path pin = Files.writeString(dir.resolve("pin.txt"), "470213\n");
        Path newPin = Files.writeString(dir.resolve("new-pin.txt"), "907311\r\n");
        Path weak = Files.writeString(dir.resolve("weak.txt"), "123456\n");
        Path shortPin = Files.writeString(dir.resolve("short.txt"), "1234\n");
        String d = data.toString();

        assertEquals(0, run("clerk", "--help"));
        for (String sub : new String[] {"add", "list", "reset", "remove"}) {
            assertEquals(0, run("clerk", sub, "--help"), sub);
        }
        assertEquals(2, run("clerk", "add", "--data", d), "--id is required");

        assertEquals(1, run("clerk", "add", "--data", d, "--id", "C01", "--pin-file", weak.toString(),
                "--passphrase-file", pass.toString()));
        assertTrue(err().contains("error [clerk.error.pinSequence]"), err());
        assertFalse(err().contains("123456") || out().contains("123456"), "the refused PIN is not echoed");
        assertEquals(1, run("clerk", "add", "--data", d, "--id", "C01", "--pin-file", shortPin.toString(),
                "--passphrase-file", pass.toString()));
        assertTrue(err().contains("error [clerk.error.pinTooShort]"), err());
        assertEquals(1, run("clerk", "add", "--data", d, "--id", "900101300017", "--pin-file", pin.toString(),
                "--passphrase-file", pass.toString()));
        assertTrue(err().contains("error [clerk.error.badLogin]"), err());
        assertEquals(1, run("clerk", "add", "--data", d, "--id", "C01", "--pin-file", pin.toString(),
                "--passphrase-file", wrongPass.toString()));
        assertTrue(err().contains("error [crypto.error.wrongPassphrase]"), err());
        assertEquals(1, run("clerk", "add", "--data", d, "--id", "C01", "--pin-file",
                dir.resolve("missing.txt").toString(), "--passphrase-file", pass.toString()));
        assertTrue(err().contains("error [cli.error.pin]"), err());

        assertEquals(0, run("clerk", "list", "--data", d));
        assertTrue(out().contains("0 clerks, 0 active") && out().contains("will not open for voters"), out());

        assertEquals(0, run("clerk", "add", "--data", d, "--id", "C01", "--pin-file", pin.toString(),
                "--passphrase-file", pass.toString()), err());
        assertTrue(out().contains("clerk C01 added"), out());
        assertEquals(0, run("clerk", "add", "--data", d, "--id", "C02", "--pin-file", pin.toString(),
                "--passphrase-file", pass.toString()), err());
        assertEquals(1, run("clerk", "add", "--data", d, "--id", "c01", "--pin-file", newPin.toString(),
                "--passphrase-file", pass.toString()));
        assertTrue(err().contains("error [clerk.error.duplicate]"), err());
        assertEquals(1, run("clerk", "reset", "--data", d, "--id", "C09", "--pin-file", newPin.toString(),
                "--passphrase-file", pass.toString()));
        assertTrue(err().contains("error [clerk.error.unknown]"), err());

        assertEquals(0, run("clerk", "reset", "--data", d, "--id", "C01", "--pin-file", newPin.toString(),
                "--passphrase-file", pass.toString()), err());
        assertTrue(out().contains("clerk C01: new PIN set, unlocked"), out());
        assertEquals(0, run("clerk", "remove", "--data", d, "--id", "C02", "--passphrase-file", pass.toString()));
        assertEquals(1, run("clerk", "remove", "--data", d, "--id", "C02", "--passphrase-file", pass.toString()));
        assertTrue(err().contains("error [clerk.error.removed]"), err());

        assertEquals(0, run("clerk", "list", "--data", d));
        String list = out();
        assertTrue(list.matches("(?s).*C01\\s+ACTIVE\\s+0\\R.*"), list);
        assertTrue(list.matches("(?s).*C02\\s+REMOVED\\s+0\\R.*"), list);
        assertTrue(list.contains("2 clerks, 1 active"), list);
        for (String secret : new String[] {"470213", "907311"}) {
            assertFalse(list.contains(secret) || err().contains(secret), "no PIN on the console");
        }

        KioskDataDirectory directory = KioskDataDirectory.at(data);
        KioskCredentials credentials = directory.unlock(RegisterFixtures.PASSPHRASE.clone());
        try (KioskDatabase database = KioskDatabase.open(directory.databaseFile(), Main.migrations())) {
            ClerkRoster roster = ClerkRoster.of(database, credentials, new SecureRandom(), Clock.systemUTC());
            assertEquals(PinCheck.ACCEPTED, roster.check(new ClerkId("C01"), "907311".toCharArray()));
            assertEquals(PinCheck.REJECTED, roster.check(new ClerkId("C01"), "470213".toCharArray()));
            assertEquals(PinCheck.UNKNOWN, roster.check(new ClerkId("C02"), "470213".toCharArray()));
            List<AuditEntry> audit = database.read(AuditLog::readAll);
            assertEquals(List.of(AuditEventType.CLERK_ADDED, AuditEventType.CLERK_ADDED, AuditEventType.CLERK_PIN_RESET,
                    AuditEventType.CLERK_REMOVED), audit.stream().map(e -> e.event().type())
                    .filter(t -> t.name().startsWith("CLERK_")).toList());
        }
    }
}
