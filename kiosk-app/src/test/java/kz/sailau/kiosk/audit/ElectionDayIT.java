package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.DayClosedException;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.crypto.AuthorityEnvelope;
import kz.sailau.kiosk.register.EnrolledFinger;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated election day end to end on real files: check-ins through the real SQLite ledger with the
 * signed audit log, then {@code day close}, {@code bundle verify} (with the ballot desk's count),
 * {@code audit sample}, the encrypted marked-register backup, {@code wipe}, {@code audit verify} of the wiped
 * kiosk, and a byte scan of the raw database, WAL, shared-memory and journal files and of the bundle for every
 * voter's IIN, names, templates and even the encrypted fields: none may remain.
 */
class ElectionDayIT {

    private static final int VOTERS = 40;
    private static final int CHECK_INS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static int run(DayFixture.Console console, String... args) {
        return KioskCommandLine.create(console.environment).execute(args);
    }

    @Test
    void closeVerifySampleBackupWipeAndScan() throws Exception {
        Path data = temp.resolve("kiosk");
        Path passphrase = temp.resolve("passphrase.txt");
        Files.writeString(passphrase, new String(RegisterFixtures.PASSPHRASE) + "\n");
        Path authority = RegisterFixtures.writeCertificate(temp.resolve("authority.crt.pem"),
                RegisterFixtures.authority().certificate());
        List<byte[]> secrets = new ArrayList<>();
        List<RegisterRecord> voters;
        long voided;
        try (DayFixture day = DayFixture.open(data, VOTERS)) {
            day.simulate(CHECK_INS);
            voided = day.voided;
            voters = day.register.records();
            secrets.addAll(personalData(voters));
            secrets.addAll(encryptedFields(data.resolve("kiosk.db")));
        }
        assertTrue(secrets.size() > VOTERS * 8, "the scan must look for every voter's data");

        // Close the day from the command line.
        Path out = temp.resolve("usb/day.json");
        Files.createDirectories(out.getParent());
        DayFixture.Console close = DayFixture.console();
        assertEquals(KioskCommandLine.OK, run(close, "day", "close", "--data", data.toString(), "--out", out.toString(),
                "--passphrase-file", passphrase.toString()), close.out() + close.err());
        assertTrue(close.out().contains("check-ins " + CHECK_INS + ", tokens issued " + (CHECK_INS + voided)
                + ", voided " + voided + ", reconciliation balanced"), close.out());

        // After close the ledger refuses every check-in, and nothing changes.
        try (var reopened = kz.sailau.kiosk.store.KioskDatabase.open(data.resolve("kiosk.db"), DayFixture.migrations())) {
            var ledger = new kz.sailau.kiosk.ledger.SqliteCheckInLedger(reopened,
                    kz.sailau.kiosk.register.KioskDataDirectory.at(data).unlock(RegisterFixtures.PASSPHRASE)
                            .storeKeys().blindIndex("iin"), DayFixture.CLOCK);
            RegisterRecord late = voters.get(VOTERS - 1);
            assertThrows(DayClosedException.class, () -> ledger.record(new CheckInRecord(late.voter().iin(),
                    CheckInMethod.FINGERPRINT, Optional.empty(), Optional.empty()), Optional.empty()));
            assertEquals(CHECK_INS, ledger.counters().checkIns());
        }

        // The bundle: counts, reconciliation, ballot desk.
        JsonNode bundle = JSON.readTree(out.toFile());
        assertEquals(CHECK_INS, bundle.path("counts").path("checkIns").asLong());
        assertEquals(3, bundle.path("counts").path("byOverride").asLong());
        assertEquals(3, bundle.path("counts").path("inFallback").asLong());
        assertEquals(24, bundle.path("counts").path("byFingerprint").asLong());
        assertTrue(bundle.path("reconciliation").path("balanced").asBoolean());
        assertEquals("KZ-2026-TEST", bundle.path("election").asText());
        assertEquals(64, bundle.path("register").path("sha256").asText().length());
        DayFixture.Console verify = DayFixture.console();
        assertEquals(KioskCommandLine.OK, run(verify, "bundle", "verify", out.toString(), "--authority-cert",
                authority.toString(), "--redeemed", "25"), verify.out() + verify.err());
        assertTrue(verify.out().contains("ok\tballot desk\ttokens valid 30 = redeemed 25 + unused 5"), verify.out());
        DayFixture.Console overRedeemed = DayFixture.console();
        assertEquals(KioskCommandLine.FAILED, run(overRedeemed, "bundle", "verify", out.toString(), "--authority-cert",
                authority.toString(), "--redeemed", "31"));
        assertTrue(overRedeemed.out().contains("FAILED\tballot desk"), overRedeemed.out());

        // The sample: same bundle and seed, same sample; another seed, another sample.
        String first = sample(out, "2026-11-20 lottery 7 12 31", 8);
        assertEquals(first, sample(out, "2026-11-20 lottery 7 12 31", 8));
        assertNotEquals(first, sample(out, "2026-11-20 lottery 7 12 32", 8));
        List<String> drawn = first.lines().skip(1).filter(l -> !l.startsWith("paper forms to fetch: ")).toList();
        assertEquals(8, drawn.size());
        assertTrue(first.lines().reduce((a, b) -> b).orElseThrow().startsWith("paper forms to fetch: "), first);
        assertTrue(drawn.stream().allMatch(l -> l.contains("\tCHECK_IN_")), first);

        // The backup: only the authority can read it, and it holds exactly the checked-in voters.
        Path backup = out.resolveSibling("day.json" + MarkedRegisterBackup.FILE_SUFFIX);
        byte[] envelope = Files.readAllBytes(backup);
        JsonNode marked = JSON.readTree(AuthorityEnvelope.decrypt(envelope, RegisterFixtures.authority()));
        Set<String> iins = new HashSet<>();
        marked.path("checkedIn").forEach(n -> iins.add(n.path("iin").asText()));
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < CHECK_INS; i++) {
            expected.add(voters.get(i).voter().iin().digits());
        }
        assertEquals(expected, iins);

        // Positive control: before the wipe the raw file does hold the encrypted fields the scan looks for.
        byte[] beforeWipe = Files.readAllBytes(data.resolve("kiosk.db"));
        assertTrue(secrets.stream().anyMatch(secret -> contains(beforeWipe, secret)),
                "the scan must be able to find stored data");

        // Wipe, then the log still verifies and ends with the signed wipe record.
        DayFixture.Console wipe = DayFixture.console();
        assertEquals(KioskCommandLine.OK, run(wipe, "wipe", "--data", data.toString(), "--passphrase-file",
                passphrase.toString()), wipe.out() + wipe.err());
        assertTrue(wipe.out().contains("wiped: " + VOTERS + " voters, " + 2 * VOTERS + " templates, " + CHECK_INS),
                wipe.out());
        DayFixture.Console audit = DayFixture.console();
        assertEquals(KioskCommandLine.OK, run(audit, "audit", "verify", "--data", data.toString()),
                audit.out() + audit.err());
        assertTrue(audit.out().contains("election day: WIPED"), audit.out());
        DayFixture.Console again = DayFixture.console();
        assertEquals(KioskCommandLine.FAILED, run(again, "wipe", "--data", data.toString(), "--passphrase-file",
                passphrase.toString()));
        assertTrue(again.err().contains("audit.error.alreadyWiped"), again.err());

        // The raw files: no IIN, no name, no template, not even their ciphertexts.
        List<Path> scanned = new ArrayList<>();
        for (String name : List.of("kiosk.db", "kiosk.db-wal", "kiosk.db-shm", "kiosk.db-journal")) {
            Path file = data.resolve(name);
            if (Files.exists(file)) {
                scanned.add(file);
            }
        }
        scanned.add(out);
        scanned.add(out.resolveSibling("day.json.p7s"));
        scanned.add(backup);
        for (Path file : scanned) {
            byte[] raw = Files.readAllBytes(file);
            for (byte[] secret : secrets) {
                assertFalse(contains(raw, secret), "personal or biometric data left in " + file.getFileName());
            }
        }
        Path wal = data.resolve("kiosk.db-wal");
        assertTrue(!Files.exists(wal) || Files.size(wal) == 0, "the WAL is truncated");
    }

    @Test
    void wipeIsRefusedBeforeClose() throws Exception {
        Path data = temp.resolve("kiosk");
        try (DayFixture day = DayFixture.open(data, 5)) {
            day.simulate(3);
        }
        Path passphrase = temp.resolve("passphrase.txt");
        Files.writeString(passphrase, new String(RegisterFixtures.PASSPHRASE) + "\n");
        DayFixture.Console wipe = DayFixture.console();
        assertEquals(KioskCommandLine.FAILED, run(wipe, "wipe", "--data", data.toString(), "--passphrase-file",
                passphrase.toString()));
        assertTrue(wipe.err().contains("audit.error.dayNotClosed"), wipe.err());
        DayFixture.Console audit = DayFixture.console();
        assertEquals(KioskCommandLine.OK, run(audit, "audit", "verify", "--data", data.toString()),
                audit.out() + audit.err());
        assertTrue(audit.out().contains("election day: OPEN"), audit.out());
        assertTrue(audit.out().contains("signed heads checked with the key of " + data.resolve("kiosk.csr.pem")
                + ", a file of the directory checked"), audit.out());
    }

    private String sample(Path bundle, String seed, int size) {
        DayFixture.Console console = DayFixture.console();
        assertEquals(KioskCommandLine.OK, run(console, "audit", "sample", "--bundle", bundle.toString(), "--seed", seed,
                "--size", Integer.toString(size)), console.err());
        return console.out();
    }

    private static List<byte[]> personalData(List<RegisterRecord> voters) {
        List<byte[]> data = new ArrayList<>();
        for (RegisterRecord record : voters) {
            data.add(record.voter().iin().digits().getBytes(StandardCharsets.US_ASCII));
            for (String name : List.of(record.voter().surname(), record.voter().givenName(),
                    record.voter().patronymic())) {
                if (!name.isEmpty()) {
                    data.add(name.getBytes(StandardCharsets.UTF_8));
                }
            }
            data.add(record.voter().birthDate().toString().getBytes(StandardCharsets.US_ASCII));
            for (EnrolledFinger finger : record.fingers()) {
                byte[] template = finger.template().bytes();
                data.add(template);
                data.add(java.util.Arrays.copyOfRange(template, template.length / 2, template.length / 2 + 24));
            }
        }
        return data;
    }

    /** The encrypted personal fields and templates as stored, read before the wipe. */
    private static List<byte[]> encryptedFields(Path database) throws Exception {
        List<byte[]> fields = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT iin_enc, surname_enc, given_name_enc, birth_date_enc FROM voter")) {
                while (r.next()) {
                    for (int i = 1; i <= 4; i++) {
                        fields.add(r.getBytes(i));
                    }
                }
            }
            try (ResultSet r = s.executeQuery("SELECT template_enc FROM voter_finger")) {
                while (r.next()) {
                    fields.add(r.getBytes(1));
                }
            }
        }
        return fields;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
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
}
