package kz.sailau.kiosk.register;

import static kz.sailau.kiosk.register.RegisterFixtures.CLOCK;
import static kz.sailau.kiosk.register.RegisterFixtures.EXTRACTOR;
import static kz.sailau.kiosk.register.RegisterFixtures.PASSPHRASE;
import static kz.sailau.kiosk.register.RegisterFixtures.PRECINCT;
import static kz.sailau.kiosk.register.RegisterFixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreException;
import kz.sailau.kiosk.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterLoadTest {

    @TempDir
    Path temp;
    Path kioskDir;
    X509Certificate kioskCert;
    KioskDatabase database;
    RegisterStore store;
    RegisterLoader loader;

    @BeforeEach
    void setUp() throws Exception {
        kioskDir = temp.resolve("kiosk");
        kioskCert = RegisterFixtures.initKiosk(kioskDir, PRECINCT);
        open(StoreOptions.DEFAULT);
    }

    private void open(StoreOptions options) throws Exception {
        KioskDataDirectory dir = KioskDataDirectory.at(kioskDir);
        KioskCredentials credentials = dir.unlock(PASSPHRASE);
        database = KioskDatabase.open(dir.databaseFile(), RegisterStore.MIGRATIONS, options, CLOCK);
        store = new RegisterStore(database, credentials.storeKeys(), RANDOM);
        loader = new RegisterLoader(store, dir.profile(), dir.pinnedAuthority(), credentials, EXTRACTOR, CLOCK,
                RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private Path write(String name, RegisterContents contents) throws Exception {
        return write(name, contents, RegisterFixtures.authority(), kioskCert);
    }

    private Path write(String name, RegisterContents contents, AuthorityCredentials authority, X509Certificate cert)
            throws Exception {
        Path file = temp.resolve(name);
        Files.write(file, RegisterPackages.write(contents, authority, cert));
        return file;
    }

    @Test
    void loadsAndFindsEveryVoterByIinWithBothTemplates() throws Exception {
        RegisterContents contents = RegisterFixtures.contents(30, 1, 7);
        List<String> stages = new ArrayList<>();
        LoadedRegister loaded = loader.load(write("v1.srp", contents), (stage, done, total) -> {
            assertTrue(done <= total && total >= 1);
            stages.add(stage.name());
        });
        assertEquals(1, loaded.version());
        assertEquals(30, loaded.voterCount());
        assertEquals(List.of("READING", "VERIFYING", "WRITING", "DONE"), stages.stream().distinct().toList());
        for (RegisterRecord record : contents.records()) {
            RegisteredVoter found = store.findByIin(record.voter().iin()).orElseThrow();
            assertEquals(record.voter(), found.voter());
            assertEquals(record.sex(), found.sex());
            assertEquals(2, found.templates().size());
            for (EnrolledFinger finger : record.fingers()) {
                assertEquals(finger.template(), found.templates().get(finger.position()).get(0));
            }
        }
        Map<Long, List<FingerTemplate>> gallery = store.allTemplates();
        assertEquals(30, gallery.size());
        assertTrue(gallery.values().stream().allMatch(t -> t.size() == 2));
        assertEquals(Optional.empty(), store.findByIin(RegisterFixtures.record(999, PRECINCT, 1).voter().iin()));
    }

    @Test
    void newerVersionReplacesAndKeepsRowIdsOfContinuingVoters() throws Exception {
        loader.load(write("v1.srp", RegisterFixtures.contents(10, 1, 7)), LoadProgress.NONE);
        RegisterContents v1 = RegisterFixtures.contents(10, 1, 7);
        long rowId = store.findByIin(v1.records().get(3).voter().iin()).orElseThrow().rowId();
        // Version 2: voters 0..5 of the same seed stay, 5 new ones from another seed come in.
        List<RegisterRecord> records = new ArrayList<>(v1.records().subList(0, 6));
        records.addAll(RegisterFixtures.contents(5, 2, 99).records());
        RegisterContents v2 = new RegisterContents(v1.election(), PRECINCT, 2, CLOCK.instant(), EXTRACTOR, records,
                List.of());
        loader.load(write("v2.srp", v2), LoadProgress.NONE);
        assertEquals(11, store.voterCount());
        assertEquals(rowId, store.findByIin(v1.records().get(3).voter().iin()).orElseThrow().rowId());
        assertTrue(store.findByIin(v1.records().get(8).voter().iin()).isEmpty());
        assertEquals(2, store.current().orElseThrow().version());
    }

    /** Loads version 1 and checks afterwards that it is still fully there. */
    private RegisterContents loadVersionOne() throws Exception {
        RegisterContents v1 = RegisterFixtures.contents(12, 1, 7);
        loader.load(write("v1.srp", v1), LoadProgress.NONE);
        return v1;
    }

    private void assertStillVersionOne(RegisterContents v1) {
        LoadedRegister current = store.current().orElseThrow();
        assertEquals(1, current.version());
        assertEquals(v1.records().size(), store.voterCount());
        for (RegisterRecord record : v1.records()) {
            RegisteredVoter found = store.findByIin(record.voter().iin()).orElseThrow();
            assertEquals(record.voter(), found.voter());
            assertEquals(record.fingers().get(0).template(), found.templates().get(record.fingers().get(0).position()).get(0));
        }
    }

    private void assertRefused(String key, Path file, RegisterContents v1) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> loader.load(file, LoadProgress.NONE));
        String actual = e instanceof RegisterException r ? r.messageKey()
                : e instanceof KioskCryptoException c ? c.messageKey()
                : e instanceof StoreException s ? s.messageKey() : e.toString();
        assertEquals(key, actual, e.getMessage());
        assertFalse(e.getMessage().isBlank());
        assertStillVersionOne(v1);
    }

    @Test
    void refusesRollbackAndSameVersion() throws Exception {
        RegisterContents v1 = loadVersionOne();
        assertRefused("register.error.rollback", write("again.srp", RegisterFixtures.contents(3, 1, 8)), v1);
    }

    @Test
    void refusesPackageSignedByAnotherAuthority() throws Exception {
        RegisterContents v1 = loadVersionOne();
        AuthorityCredentials rogue = AuthorityCredentials.generate("Rogue (DEMO)", CLOCK, Duration.ofDays(1), RANDOM);
        KioskCredentials credentials = KioskDataDirectory.at(kioskDir).unlock(PASSPHRASE);
        X509Certificate rogueKioskCert = rogue.certifyKiosk(credentials.certificationRequest(PRECINCT), CLOCK,
                Duration.ofDays(1), RANDOM);
        assertRefused("register.error.signature",
                write("rogue.srp", RegisterFixtures.contents(3, 2, 8), rogue, rogueKioskCert), v1);
    }

    @Test
    void refusesPackageForAnotherKiosk() throws Exception {
        RegisterContents v1 = loadVersionOne();
        X509Certificate otherKiosk = RegisterFixtures.initFreshKiosk(temp.resolve("other"), PRECINCT);
        assertRefused("register.error.wrongKiosk",
                write("other.srp", RegisterFixtures.contents(3, 2, 8), RegisterFixtures.authority(), otherKiosk), v1);
    }

    @Test
    void refusesWrongPrecinctAndWrongElection() throws Exception {
        RegisterContents v1 = loadVersionOne();
        assertRefused("register.error.wrongPrecinct", write("p.srp",
                RegisterFixtures.contents(3, 2, 8, new PrecinctId(102), RegisterFixtures.ELECTION)), v1);
        assertRefused("register.error.wrongElection", write("e.srp",
                RegisterFixtures.contents(3, 2, 8, PRECINCT, new ElectionId("KZ-2030-OTHER"))), v1);
    }

    @Test
    void refusesTruncatedTamperedOversizedAndForeignFiles() throws Exception {
        RegisterContents v1 = loadVersionOne();
        byte[] good = Files.readAllBytes(write("v2.srp", RegisterFixtures.contents(5, 2, 8)));
        Path truncated = temp.resolve("truncated.srp");
        Files.write(truncated, Arrays.copyOf(good, good.length - 100));
        assertRefused("register.error.truncated", truncated, v1);

        Path trailing = temp.resolve("trailing.srp");
        Files.write(trailing, Arrays.copyOf(good, good.length + 10));
        assertRefused("register.error.malformed", trailing, v1);

        Path tampered = temp.resolve("tampered.srp");
        byte[] bad = good.clone();
        bad[bad.length - 500] ^= 0x40;
        Files.write(tampered, bad);
        assertRefused("register.error.damaged", tampered, v1);

        Path foreign = temp.resolve("foreign.srp");
        Files.writeString(foreign, "voter_key,iin\n");
        assertRefused("register.error.notAPackage", foreign, v1);

        KioskDataDirectory dir = KioskDataDirectory.at(kioskDir);
        KioskCredentials credentials = dir.unlock(PASSPHRASE);
        loader = new RegisterLoader(store, dir.profile(), dir.pinnedAuthority(), credentials, EXTRACTOR, CLOCK,
                good.length / 2);
        assertRefused("register.error.oversized", write("big.srp", RegisterFixtures.contents(5, 2, 8)), v1);
    }

    @Test
    void refusesTemplatesOfAnotherExtractor() throws Exception {
        RegisterContents v1 = loadVersionOne();
        RegisterContents other = RegisterFixtures.contents(3, 2, 8);
        RegisterContents foreign = new RegisterContents(other.election(), PRECINCT, 2, CLOCK.instant(),
                "sourceafis-0.1", other.records(), List.of());
        assertRefused("register.error.extractorVersion", write("x.srp", foreign), v1);
    }

    @Test
    void diskFullLeavesTheOldRegister() throws Exception {
        RegisterContents v1 = loadVersionOne();
        database.close();
        long pages = Files.size(KioskDataDirectory.at(kioskDir).databaseFile()) / 4096;
        open(new StoreOptions(pages + 2, 5000));
        assertRefused("store.error.full", write("v2.srp", RegisterFixtures.contents(400, 2, 8)), v1);
    }

    @Test
    void wrongPassphraseDoesNotUnlock() {
        assertEquals("crypto.error.wrongPassphrase", assertThrows(KioskCryptoException.class,
                () -> KioskDataDirectory.at(kioskDir).unlock("not the passphrase".toCharArray())).messageKey());
    }

    @Test
    void databaseFileWalAndJournalHoldNoPlaintextPersonalData() throws Exception {
        RegisterContents v1 = RegisterFixtures.contents(40, 1, 7);
        loader.load(write("v1.srp", v1), LoadProgress.NONE);
        RegisterContents v2 = RegisterFixtures.contents(40, 2, 11);
        loader.load(write("v2.srp", v2), LoadProgress.NONE);
        // Scan while open (WAL holds the latest pages) and again after close (checkpointed main file).
        assertNoPlaintext(List.of(v1, v2));
        database.close();
        assertNoPlaintext(List.of(v1, v2));
        open(StoreOptions.DEFAULT);
    }

    private void assertNoPlaintext(List<RegisterContents> registers) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int files = 0;
        try (var stream = Files.list(kioskDir)) {
            for (Path file : stream.filter(p -> p.getFileName().toString().startsWith("kiosk.db")).toList()) {
                raw.write(Files.readAllBytes(file));
                files++;
            }
        }
        assertTrue(files >= 1, "database file missing");
        byte[] haystack = raw.toByteArray();
        assertTrue(haystack.length > 10_000, "database suspiciously small: " + haystack.length);
        int needles = 0;
        for (RegisterContents contents : registers) {
            for (RegisterRecord record : contents.records()) {
                List<byte[]> secrets = new ArrayList<>();
                secrets.add(record.voter().iin().digits().getBytes(StandardCharsets.UTF_8));
                secrets.add(record.voter().iin().digits().getBytes(StandardCharsets.UTF_16LE));
                secrets.add(record.voter().surname().getBytes(StandardCharsets.UTF_8));
                secrets.add(record.voter().givenName().getBytes(StandardCharsets.UTF_8));
                if (!record.voter().patronymic().isEmpty()) {
                    secrets.add(record.voter().patronymic().getBytes(StandardCharsets.UTF_8));
                }
                secrets.add(record.voter().birthDate().toString().getBytes(StandardCharsets.UTF_8));
                for (EnrolledFinger finger : record.fingers()) {
                    secrets.add(Arrays.copyOf(finger.template().bytes(), 16));
                }
                for (byte[] secret : secrets) {
                    needles++;
                    assertEquals(-1, indexOf(haystack, secret), "plaintext personal data found in the database files");
                }
            }
        }
        assertTrue(needles > 500);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void templatesInTheStoreMatchWhatWasLoaded() throws Exception {
        RegisterContents v1 = loadVersionOne();
        RegisteredVoter voter = store.findByIin(v1.records().get(0).voter().iin()).orElseThrow();
        assertArrayEquals(v1.records().get(0).fingers().get(1).template().bytes(),
                voter.templates().get(FingerPosition.LEFT_INDEX).get(0).bytes());
        assertEquals("RegisteredVoter[row " + voter.rowId() + ", 2 fingers, 2 templates]", voter.toString());
    }
}
