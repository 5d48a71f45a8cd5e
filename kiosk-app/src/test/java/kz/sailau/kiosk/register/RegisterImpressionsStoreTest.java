package kz.sailau.kiosk.register;

import static kz.sailau.kiosk.register.RegisterFixtures.CLOCK;
import static kz.sailau.kiosk.register.RegisterFixtures.EXTRACTOR;
import static kz.sailau.kiosk.register.RegisterFixtures.PASSPHRASE;
import static kz.sailau.kiosk.register.RegisterFixtures.PRECINCT;
import static kz.sailau.kiosk.register.RegisterFixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several enrolment impressions per finger through the package, the kiosk store and its migration. */
class RegisterImpressionsStoreTest {

    @TempDir
    Path temp;

    /** Record 0 of a register with two impressions of each index finger and one of the left middle finger. */
    private static RegisterContents withImpressions() {
        RegisterContents plain = RegisterFixtures.contents(3, 1, 11);
        List<RegisterRecord> records = new ArrayList<>(plain.records());
        RegisterRecord first = records.get(0);
        List<EnrolledFinger> fingers = new ArrayList<>(first.fingers());
        byte seed = 1;
        for (FingerPosition position : FingerPosition.INDEX_FINGERS) {
            fingers.add(new EnrolledFinger(position, 2, template(seed++), "ab".repeat(32)));
        }
        fingers.add(new EnrolledFinger(FingerPosition.LEFT_MIDDLE, 1, template(seed), ""));
        records.set(0, new RegisterRecord(first.voter(), first.sex(), fingers));
        return new RegisterContents(plain.election(), plain.precinct(), plain.version(), plain.created(),
                plain.extractorVersion(), records, plain.acceptedDuplicates());
    }

    private static FingerTemplate template(byte seed) {
        byte[] bytes = new byte[300];
        java.util.Arrays.fill(bytes, seed);
        return new FingerTemplate(bytes, EXTRACTOR);
    }

    @Test
    void impressionsTravelThroughThePackageAndTheStore() throws Exception {
        Path kioskDir = temp.resolve("kiosk");
        X509Certificate certificate = RegisterFixtures.initKiosk(kioskDir, PRECINCT);
        KioskDataDirectory dir = KioskDataDirectory.at(kioskDir);
        KioskCredentials credentials = dir.unlock(PASSPHRASE);
        RegisterContents contents = withImpressions();
        Path file = temp.resolve("v1.srp");
        Files.write(file, RegisterPackages.write(contents, RegisterFixtures.authority(), certificate));
        PackageManifest manifest = RegisterPackages.inspect(Files.readAllBytes(file),
                RegisterFixtures.authority().certificate());
        assertEquals(new java.util.TreeMap<>(java.util.Map.of("2", 2, "5", 1)), manifest.templatesPerVoter());
        assertEquals(9, manifest.fingerCount());
        try (KioskDatabase database = KioskDatabase.open(dir.databaseFile(), RegisterStore.MIGRATIONS,
                StoreOptions.DEFAULT, CLOCK)) {
            RegisterStore store = new RegisterStore(database, credentials.storeKeys(), RANDOM);
            new RegisterLoader(store, dir.profile(), dir.pinnedAuthority(), credentials, EXTRACTOR, CLOCK,
                    RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES).load(file, (stage, done, total) -> { });
            RegisterRecord record = contents.records().get(0);
            RegisteredVoter found = store.findByIin(record.voter().iin()).orElseThrow();
            assertEquals(List.of(FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX, FingerPosition.LEFT_MIDDLE),
                    List.copyOf(found.templates().keySet()));
            assertEquals(List.of(record.fingers().get(0).template(), record.fingers().get(2).template()),
                    found.templates().get(FingerPosition.RIGHT_INDEX), "impression 1, then 2");
            assertEquals(5, found.templateCount());
            long rowId = found.rowId();
            assertEquals(5, store.allTemplates().get(rowId).size());
            assertEquals("RegisteredVoter[row " + rowId + ", 3 fingers, 5 templates]", found.toString());
        }
    }

    @Test
    void aPackageWithOneImpressionPerFingerReadsAsBefore() {
        RegisterContents plain = RegisterFixtures.contents(2, 1, 5);
        String json = new String(RecordsCodec.encode(plain), StandardCharsets.UTF_8);
        assertFalse(json.contains("impression"), "no impression field when every finger has one");
        assertEquals(plain.records(), RecordsCodec.decode(RecordsCodec.encode(plain)).records());
        RegisterContents several = withImpressions();
        String withField = new String(RecordsCodec.encode(several), StandardCharsets.UTF_8);
        assertTrue(withField.contains("\"impression\":2"), withField.substring(0, 200));
        assertEquals(several.records(), RecordsCodec.decode(RecordsCodec.encode(several)).records());
        RegisterException bad = assertThrows(RegisterException.class, () -> RecordsCodec.decode(
                withField.replace("\"impression\":2", "\"impression\":5").getBytes(StandardCharsets.UTF_8)));
        assertEquals("register.error.malformed", bad.messageKey());
        assertThrows(IllegalArgumentException.class, () -> new RegisterRecord(several.records().get(0).voter(),
                several.records().get(0).sex(), List.of(several.records().get(0).fingers().get(0),
                several.records().get(0).fingers().get(0))));
    }

    @Test
    void furtherImpressionsAreStoredUnderTheirOwnKeyInTheSameTable() throws Exception {
        Path kioskDir = temp.resolve("kiosk2");
        X509Certificate certificate = RegisterFixtures.initKiosk(kioskDir, PRECINCT);
        KioskDataDirectory dir = KioskDataDirectory.at(kioskDir);
        KioskCredentials credentials = dir.unlock(PASSPHRASE);
        Path file = temp.resolve("v1.srp");
        Files.write(file, RegisterPackages.write(withImpressions(), RegisterFixtures.authority(), certificate));
        try (KioskDatabase database = KioskDatabase.open(dir.databaseFile(), RegisterStore.MIGRATIONS,
                StoreOptions.DEFAULT, CLOCK)) {
            RegisterStore store = new RegisterStore(database, credentials.storeKeys(), RANDOM);
            new RegisterLoader(store, dir.profile(), dir.pinnedAuthority(), credentials, EXTRACTOR, CLOCK,
                    RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES).load(file, (stage, done, total) -> { });
            // Voter rows are written in blind-index order (decision 0460), so the voters' order depends on the
            // kiosk's key: each voter's keys are compared, in a fixed order of voters.
            List<String> keys = database.read(connection -> {
                Map<Long, List<String>> byVoter = new TreeMap<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT voter_id, position FROM voter_finger ORDER BY voter_id, position");
                     ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        byVoter.computeIfAbsent(row.getLong(1), v -> new ArrayList<>()).add(row.getString(2));
                    }
                }
                List<String> read = new ArrayList<>();
                for (List<String> positions : byVoter.values()) {
                    read.add(String.join(" ", positions));
                }
                read.sort(null);
                return read;
            });
            assertEquals(List.of("left_index left_index#2 left_middle right_index right_index#2",
                    "left_index right_index", "left_index right_index"), keys);
        }
        // No migration for impressions: register-1 holds them; register-2 (prior votes, redirection, decision 0210)
        // leaves voter_finger alone.
        assertEquals(List.of("register-1", "register-2"), RegisterStore.MIGRATIONS.stream().map(m -> m.id()).toList());
        assertTrue(RegisterStore.MIGRATIONS.get(1).statements().stream().noneMatch(s -> s.contains("voter_finger")),
                "no migration: the schema of register-1 holds several impressions");
    }
}
