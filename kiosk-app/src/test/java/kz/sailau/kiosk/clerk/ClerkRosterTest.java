package kz.sailau.kiosk.clerk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.checkin.ClerkAuthenticator;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.StoreKeys;
import kz.sailau.kiosk.store.KioskDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster on a real SQLite file: add, list, check, lockout, reset, remove, audit, nothing of the PIN at rest. */
class ClerkRosterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC);
    static final SecureRandom RANDOM = new SecureRandom();
    static final ClerkId C01 = new ClerkId("C01");
    static final String PIN = "470213";
    static final String NEW_PIN = "907311";

    @TempDir
    Path dir;
    KioskDatabase database;
    StoreKeys keys;
    ClerkRoster roster;

    @BeforeEach
    void open() {
        byte[] master = new byte[32];
        RANDOM.nextBytes(master);
        keys = new StoreKeys(master);
        database = KioskDatabase.open(dir.resolve("kiosk.db"), Main.migrations());
        roster = roster(database);
    }

    private ClerkRoster roster(KioskDatabase db) {
        return new ClerkRoster(db, keys, RANDOM, Argon2idParameters.TEST_ONLY, AuditRecorder.unsigned(), CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEmptyRosterAcceptsNobody() {
        ClerkAuthenticator clerks = new RosterClerkAuthenticator(roster);
        assertEquals(0, roster.activeClerks());
        assertFalse(clerks.authenticate(new ClerkId("clerk1"), "1234".toCharArray()));
        assertEquals(PinCheck.UNKNOWN, roster.check(C01, PIN.toCharArray()));
    }

    @Test
    void anAddedClerkLogsInWithItsPinOnlyAndLoginsIgnoreCase() {
        assertEquals(new ClerkEntry(C01, ClerkState.ACTIVE, 0), roster.add(C01, PIN.toCharArray()));
        ClerkAuthenticator clerks = new RosterClerkAuthenticator(roster);
        assertTrue(clerks.authenticate(C01, PIN.toCharArray()));
        assertTrue(clerks.authenticate(new ClerkId("c01"), PIN.toCharArray()));
        assertFalse(clerks.authenticate(C01, NEW_PIN.toCharArray()));
        assertFalse(clerks.authenticate(new ClerkId("C02"), PIN.toCharArray()));
        assertEquals(1, roster.activeClerks());
        assertEquals(List.of(new ClerkEntry(C01, ClerkState.ACTIVE, 1)), roster.list());
        assertEquals(PinCheck.ACCEPTED, roster.check(C01, PIN.toCharArray()));
        assertEquals(List.of(new ClerkEntry(C01, ClerkState.ACTIVE, 0)), roster.list(), "a right PIN clears the count");
    }

    @Test
    void refusesDuplicatesBadLoginsAndWeakPinsWithTheirKeys() {
        roster.add(C01, PIN.toCharArray());
        assertEquals("clerk.error.duplicate", assertThrows(ClerkException.class,
                () -> roster.add(new ClerkId("c01"), NEW_PIN.toCharArray())).messageKey());
        for (String login : new String[] {"C", "900101300017", "12"}) {
            assertEquals("clerk.error.badLogin", assertThrows(ClerkException.class,
                    () -> roster.add(new ClerkId(login), NEW_PIN.toCharArray())).messageKey(), login);
        }
        assertEquals("clerk.error.badLogin", assertThrows(ClerkException.class, () -> ClerkRoster.login("C-01"))
                .messageKey());
        assertEquals("clerk.error.pinSequence", assertThrows(ClerkException.class,
                () -> roster.add(new ClerkId("C02"), "123456".toCharArray())).messageKey());
        assertEquals("clerk.error.unknown", assertThrows(ClerkException.class,
                () -> roster.resetPin(new ClerkId("C09"), NEW_PIN.toCharArray())).messageKey());
        assertEquals("clerk.error.unknown", assertThrows(ClerkException.class,
                () -> roster.remove(new ClerkId("C09"))).messageKey());
        assertEquals(1, roster.list().size(), "nothing half-added");
    }

    @Test
    void fiveWrongPinsInARowLockUntilTheAdministratorResets() {
        roster.add(C01, PIN.toCharArray());
        for (int i = 1; i < ClerkRoster.MAX_FAILED_ATTEMPTS; i++) {
            assertEquals(PinCheck.REJECTED, roster.check(C01, NEW_PIN.toCharArray()));
        }
        assertEquals(PinCheck.LOCKED_NOW, roster.check(C01, NEW_PIN.toCharArray()));
        assertEquals(PinCheck.LOCKED, roster.check(C01, PIN.toCharArray()), "locked even with the right PIN");
        assertEquals(List.of(new ClerkEntry(C01, ClerkState.LOCKED, 5)), roster.list());
        assertEquals(0, roster.activeClerks());

        roster.resetPin(C01, NEW_PIN.toCharArray());
        assertEquals(List.of(new ClerkEntry(C01, ClerkState.ACTIVE, 0)), roster.list());
        assertEquals(PinCheck.REJECTED, roster.check(C01, PIN.toCharArray()), "the old PIN is gone");
        assertEquals(PinCheck.ACCEPTED, roster.check(C01, NEW_PIN.toCharArray()));

        assertEquals(List.of(AuditEventType.CLERK_ADDED, AuditEventType.CLERK_LOCKED_OUT,
                AuditEventType.CLERK_PIN_RESET), auditTypes());
        for (AuditEntry entry : audit()) {
            assertEquals("C01", entry.event().field("clerk"));
            assertEquals(1, entry.event().fields().size(), "the login code only");
        }
    }

    @Test
    void wrongPinsThatAreNotInARowDoNotLock() {
        roster.add(C01, PIN.toCharArray());
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i < ClerkRoster.MAX_FAILED_ATTEMPTS; i++) {
                assertEquals(PinCheck.REJECTED, roster.check(C01, NEW_PIN.toCharArray()));
            }
            assertEquals(PinCheck.ACCEPTED, roster.check(C01, PIN.toCharArray()));
        }
    }

    @Test
    void aRemovedClerkCannotLogInAndItsLoginIsNotReused() {
        roster.add(C01, PIN.toCharArray());
        assertEquals(new ClerkEntry(C01, ClerkState.REMOVED, 0), roster.remove(C01));
        assertEquals(PinCheck.UNKNOWN, roster.check(C01, PIN.toCharArray()));
        assertEquals("clerk.error.removed", assertThrows(ClerkException.class,
                () -> roster.add(C01, PIN.toCharArray())).messageKey());
        assertEquals("clerk.error.removed", assertThrows(ClerkException.class,
                () -> roster.resetPin(C01, PIN.toCharArray())).messageKey());
        assertEquals("clerk.error.removed", assertThrows(ClerkException.class, () -> roster.remove(C01)).messageKey());
        assertEquals(List.of(AuditEventType.CLERK_ADDED, AuditEventType.CLERK_REMOVED), auditTypes());
        assertEquals(Integer.valueOf(0), database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM clerk WHERE pin_hash IS NOT NULL");
                 var r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }), "the removed clerk's hash is deleted");
    }

    @Test
    void aHashMovedToAnotherClerksRowOrAnotherStoreKeyIsNeverAccepted() {
        roster.add(C01, PIN.toCharArray());
        roster.add(new ClerkId("C02"), NEW_PIN.toCharArray());
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE clerk SET pin_hash = (SELECT pin_hash FROM clerk WHERE login = 'C02') WHERE login = 'C01'")) {
                return s.executeUpdate();
            }
        });
        assertEquals(PinCheck.REJECTED, roster.check(C01, NEW_PIN.toCharArray()));
        byte[] other = new byte[32];
        RANDOM.nextBytes(other);
        ClerkRoster foreign = new ClerkRoster(database, new StoreKeys(other), RANDOM, Argon2idParameters.TEST_ONLY,
                AuditRecorder.unsigned(), CLOCK);
        assertEquals(PinCheck.REJECTED, foreign.check(new ClerkId("C02"), NEW_PIN.toCharArray()));
    }

    @Test
    void thePinNeverAppearsInTheDatabaseFilesAndTheRosterSurvivesReopening() throws Exception {
        roster.add(C01, PIN.toCharArray());
        roster.add(new ClerkId("C02"), NEW_PIN.toCharArray());
        roster.check(C01, "246810".toCharArray());
        roster.resetPin(new ClerkId("C02"), "135792".toCharArray());
        byte[] walBytes = allFiles();
        database.close();
        byte[] mainBytes = allFiles();
        for (String pin : new String[] {PIN, NEW_PIN, "246810", "135792"}) {
            for (byte[] bytes : new byte[][] {walBytes, mainBytes}) {
                assertFalse(contains(bytes, pin.getBytes(StandardCharsets.US_ASCII)), "PIN in the files");
                assertFalse(contains(bytes, pin.getBytes(StandardCharsets.UTF_16LE)), "PIN in the files");
                assertFalse(contains(bytes, pin.getBytes(StandardCharsets.UTF_16BE)), "PIN in the files");
            }
        }
        assertTrue(contains(mainBytes, "C01".getBytes(StandardCharsets.US_ASCII)), "the scan sees the roster");
        database = KioskDatabase.open(dir.resolve("kiosk.db"), Main.migrations());
        ClerkRoster reopened = roster(database);
        assertEquals(PinCheck.ACCEPTED, reopened.check(C01, PIN.toCharArray()));
        assertEquals(PinCheck.ACCEPTED, reopened.check(new ClerkId("C02"), "135792".toCharArray()));
    }

    @Test
    void theCallersPinArrayIsLeftToTheCallerAndEngineClearsIt() {
        char[] pin = PIN.toCharArray();
        roster.add(C01, pin);
        assertArrayEquals(PIN.toCharArray(), pin, "the roster neither keeps nor changes the array");
    }

    private byte[] allFiles() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private List<AuditEntry> audit() {
        return database.read(AuditLog::readAll);
    }

    private List<AuditEventType> auditTypes() {
        return audit().stream().map(e -> e.event().type()).toList();
    }
}
