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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authority's redirection table and prior votes (decision 0210): built from the authority's files, carried in
 * the package, loaded into the store and asked by IIN; hostile tables and inputs refused with their key.
 */
class RedirectionTest {

    static final String STATIONS = RedirectionInput.STATIONS_HEADER + "\n"
            + "101,\"№14 мектеп, Абай көшесі 5\",\"Школа №14, ул. Абая 5\",\"School 14, Abai Street 5\"\n"
            + "102,\"№7 гимназия, Сәтпаев көшесі 12\",\"Гимназия №7, ул. Сатпаева 12\",\"Gymnasium 7, Satpayev Street 12\"\n"
            + "215,Ауыл клубы,Сельский клуб,Village club\n";

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
        KioskDataDirectory dir = KioskDataDirectory.at(kioskDir);
        KioskCredentials credentials = dir.unlock(PASSPHRASE);
        database = KioskDatabase.open(dir.databaseFile(), RegisterStore.MIGRATIONS, StoreOptions.DEFAULT, CLOCK);
        store = new RegisterStore(database, credentials.storeKeys(), RANDOM);
        loader = new RegisterLoader(store, dir.profile(), dir.pinnedAuthority(), credentials, EXTRACTOR, CLOCK,
                RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** IIN number {@code i} of the synthetic country. */
    static Iin citizen(int i) {
        return RegisterFixtures.iin(LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28), i % 2 == 0, 100 + i);
    }

    private Path file(String name, String text) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A country of 300 citizens over precincts 101, 102, 215 (i mod 3), plus the register's own voters in 101. */
    private Redirection country(RegisterContents register) throws Exception {
        StringBuilder lines = new StringBuilder(RedirectionInput.REDIRECT_HEADER + "\n");
        int[] precincts = {101, 102, 215};
        for (int i = 0; i < 300; i++) {
            lines.append(citizen(i).digits()).append(',').append(precincts[i % 3]).append('\n');
        }
        for (RegisterRecord record : register.records()) {
            lines.append(record.voter().iin().digits()).append(",101\n");
        }
        return RedirectionInput.build(file("redirect.csv", lines.toString()),
                RedirectionInput.readStations(file("stations.csv", STATIONS)), RANDOM);
    }

    @Test
    void everyCitizenIsFoundAtTheirPollingStationAndNobodyElse() throws Exception {
        Redirection table = country(RegisterFixtures.contents(0, 1, 7));
        assertEquals(300, table.table().entryCount());
        assertEquals(List.of(101, 102, 215), table.table().stations().stream().map(s -> s.precinct().number()).toList());
        int[] precincts = {101, 102, 215};
        for (int i = 0; i < 300; i++) {
            assertEquals(precincts[i % 3], table.pollingStationOf(citizen(i)).orElseThrow().precinct().number());
        }
        PollingStation school = table.pollingStationOf(citizen(0)).orElseThrow();
        assertEquals("School 14, Abai Street 5", school.address("en"));
        assertEquals("Школа №14, ул. Абая 5", school.address("ru"));
        assertEquals("№14 мектеп, Абай көшесі 5", school.address("kk"));
        assertEquals(Optional.empty(), table.pollingStationOf(citizen(5000)));
        // No IIN is in the table's bytes, in any form the builder read.
        String bytes = new String(table.table().bytes(), StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 300; i++) {
            assertFalse(bytes.contains(citizen(i).digits()));
        }
    }

    @Test
    void thePackageCarriesTheTableAndPriorVotesIntoTheStore() throws Exception {
        RegisterContents plain = RegisterFixtures.contents(12, 1, 7);
        Iin early = plain.records().get(2).voter().iin();
        Iin absentee = plain.records().get(5).voter().iin();
        Path votes = file("prior.csv", RedirectionInput.PRIOR_VOTES_HEADER + "\n" + early.digits() + ",EARLY\n"
                + absentee.digits() + ",ABSENTEE\n" + citizen(1).digits() + ",EARLY\n");
        Set<Iin> iins = plain.records().stream().map(r -> r.voter().iin()).collect(Collectors.toSet());
        Map<Iin, PriorVote> marked = RedirectionInput.readPriorVotes(votes, iins);
        assertEquals(Map.of(early, PriorVote.EARLY, absentee, PriorVote.ABSENTEE_CERTIFICATE), marked);
        RegisterContents contents = plain.withPriorVotes(marked).withRedirection(country(plain));
        byte[] packageBytes = RegisterPackages.write(contents, RegisterFixtures.authority(), kioskCert);
        PackageManifest manifest = RegisterPackages.readUnverifiedManifest(packageBytes);
        assertEquals(312, manifest.redirectEntries());
        assertEquals(3, manifest.redirectStations());
        assertEquals(2, packageBytes[PackageFile.MAGIC.length + 1], "container version 2 with a table");
        Path file = temp.resolve("v1.srp");
        Files.write(file, packageBytes);
        loader.load(file, LoadProgress.NONE);

        assertEquals(Optional.of(PriorVote.EARLY), store.findByIin(early).orElseThrow().priorVote());
        assertEquals(Optional.of(PriorVote.ABSENTEE_CERTIFICATE), store.findByIin(absentee).orElseThrow().priorVote());
        assertEquals(Optional.empty(), store.findByIin(plain.records().get(0).voter().iin()).orElseThrow().priorVote());
        assertEquals(102, store.pollingStationOf(citizen(1)).orElseThrow().precinct().number());
        assertEquals(Optional.empty(), store.pollingStationOf(citizen(4000)));

        // The key is kept encrypted: the raw database does not hold it.
        byte[] key = contents.redirection().orElseThrow().key();
        byte[] raw = Files.readAllBytes(KioskDataDirectory.at(kioskDir).databaseFile());
        assertFalse(indexOf(raw, key) >= 0, "the redirection key is stored in plaintext");

        // A next version without a table removes it.
        loader.load(write("v2.srp", RegisterFixtures.contents(12, 2, 7)), LoadProgress.NONE);
        assertEquals(Optional.empty(), store.pollingStationOf(citizen(1)));
        assertEquals(Optional.empty(), store.findByIin(early).orElseThrow().priorVote());
    }

    private Path write(String name, RegisterContents contents) throws Exception {
        Path file = temp.resolve(name);
        Files.write(file, RegisterPackages.write(contents, RegisterFixtures.authority(), kioskCert));
        return file;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
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
    void aChangedOrSwappedTableIsRefusedAndTheStoreStaysEmpty() throws Exception {
        RegisterContents contents = RegisterFixtures.contents(5, 1, 7);
        contents = contents.withRedirection(country(contents));
        byte[] original = RegisterPackages.write(contents, RegisterFixtures.authority(), kioskCert);
        PackageFile parts = PackageFile.parse(original);
        byte[] changed = parts.redirectTable().clone();
        changed[changed.length - 1] ^= 1;
        assertRefused("register.error.damaged", new PackageFile(parts.manifest(), parts.manifestSignature(),
                parts.envelope(), changed).toBytes());
        // The table dropped (container version 1): the signed manifest still names it.
        assertRefused("register.error.damaged",
                new PackageFile(parts.manifest(), parts.manifestSignature(), parts.envelope()).toBytes());
        // Another package's table with its own manifest hash cannot be slipped in without re-signing.
        RegisterContents other = RegisterFixtures.contents(5, 1, 7);
        other = other.withRedirection(country(other));
        PackageFile foreign = PackageFile.parse(RegisterPackages.write(other, RegisterFixtures.authority(), kioskCert));
        assertRefused("register.error.damaged", new PackageFile(parts.manifest(), parts.manifestSignature(),
                parts.envelope(), foreign.redirectTable()).toBytes());
        assertTrue(store.current().isEmpty());
        assertEquals(Optional.empty(), store.pollingStationOf(citizen(1)));
    }

    private void assertRefused(String key, byte[] bytes) throws Exception {
        Path file = temp.resolve("bad.srp");
        Files.write(file, bytes);
        RuntimeException e = assertThrows(RuntimeException.class, () -> loader.load(file, LoadProgress.NONE));
        String given = e instanceof RegisterException r ? r.messageKey()
                : e instanceof KioskCryptoException c ? c.messageKey() : e.toString();
        assertEquals(key, given);
    }

    @Test
    void hostileTablesAreRefusedWithTheirKey() throws Exception {
        byte[] good = country(RegisterFixtures.contents(0, 1, 7)).table().bytes();
        int entries = good.length - 300 * RedirectTable.ENTRY_BYTES;
        List<byte[]> hostile = new ArrayList<>();
        hostile.add(Arrays.copyOf(good, good.length - 1));                  // truncated
        hostile.add(Arrays.copyOf(good, good.length + 1));                  // a byte after the end
        byte[] magic = good.clone();
        magic[0] = 'X';
        hostile.add(magic);
        byte[] swapped = good.clone();                                      // two entries out of order
        System.arraycopy(good, entries, swapped, entries + RedirectTable.ENTRY_BYTES, RedirectTable.ENTRY_BYTES);
        System.arraycopy(good, entries + RedirectTable.ENTRY_BYTES, swapped, entries, RedirectTable.ENTRY_BYTES);
        hostile.add(swapped);
        byte[] repeated = good.clone();                                     // an entry twice
        System.arraycopy(good, entries, repeated, entries + RedirectTable.ENTRY_BYTES, RedirectTable.ENTRY_BYTES);
        hostile.add(repeated);
        byte[] station = good.clone();                                      // a station the table does not have
        station[entries + 8] = 0x7F;
        hostile.add(station);
        byte[] count = good.clone();                                        // more entries announced than held
        count[entries - 1] += 1;
        hostile.add(count);
        for (byte[] bytes : hostile) {
            RegisterException e = assertThrows(RegisterException.class, () -> RedirectTable.parse(bytes));
            assertEquals("register.error.redirectTable", e.messageKey());
        }
        assertEquals(300, RedirectTable.parse(good).entryCount());
    }

    @Test
    void aFileWithoutLineBreaksIsRefusedWithoutBeingReadIntoMemory() throws Exception {
        // A 2 GB sparse file (NUL characters, no line break) was gathered into one line until the memory ran out.
        Path sparse = temp.resolve("prior-votes.csv");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(2L << 30);
        }
        RegisterException e = assertThrows(RegisterException.class,
                () -> RedirectionInput.readPriorVotes(sparse, Set.of()));
        assertEquals("register.error.redirectInput", e.messageKey());
        assertTrue(e.getMessage().contains("line 1: longer than " + RedirectionInput.MAX_LINE + " characters"),
                e.getMessage());
        String iin = citizen(3).digits();
        Path longLine = file("redirect.csv", RedirectionInput.REDIRECT_HEADER + "\n" + iin + ",101\n"
                + "1".repeat(RedirectionInput.MAX_LINE + 1) + "\n");
        e = assertThrows(RegisterException.class, () -> RedirectionInput.build(longLine,
                RedirectionInput.readStations(file("stations.csv", STATIONS)), RANDOM));
        assertTrue(e.getMessage().contains("line 3: longer than"), e.getMessage());
    }

    @Test
    void badAuthorityInputsNameTheLineNeverTheIin() throws Exception {
        Path stations = file("stations.csv", STATIONS);
        String iin = citizen(3).digits();
        String wrongControl = iin.substring(0, 11) + (char) ('0' + (iin.charAt(11) - '0' + 1) % 10);
        Map<String, String> inputs = Map.of(
                "iin;precinct\n", "header must be exactly",
                RedirectionInput.REDIRECT_HEADER + "\n" + wrongControl + ",101\n", "line 2: IIN is not 12 digits",
                RedirectionInput.REDIRECT_HEADER + "\n" + iin + ",999\n", "line 2: precinct is not in the polling",
                RedirectionInput.REDIRECT_HEADER + "\n" + iin + ",101\n" + iin + ",102\n", "same keyed hash",
                RedirectionInput.REDIRECT_HEADER + "\n" + iin + ";101\n", "line 2: must be a 12-digit IIN",
                RedirectionInput.REDIRECT_HEADER + "\n", "holds no IIN");
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            Path redirect = file("redirect.csv", input.getKey());
            RegisterException e = assertThrows(RegisterException.class,
                    () -> RedirectionInput.build(redirect, RedirectionInput.readStations(stations), RANDOM));
            assertEquals("register.error.redirectInput", e.messageKey());
            assertTrue(e.getMessage().contains(input.getValue()), e.getMessage());
            assertFalse(e.getMessage().contains(iin.substring(0, 11)), "the message quotes the IIN");
        }
        for (String bad : List.of("precinct,address\n101,a\n", RedirectionInput.STATIONS_HEADER + "\n101,a,b\n",
                RedirectionInput.STATIONS_HEADER + "\n101,a,b,c\n101,d,e,f\n",
                RedirectionInput.STATIONS_HEADER + "\n0,a,b,c\n", RedirectionInput.STATIONS_HEADER + "\n")) {
            RegisterException e = assertThrows(RegisterException.class,
                    () -> RedirectionInput.readStations(file("s.csv", bad)));
            assertEquals("register.error.redirectInput", e.messageKey());
        }
        Path notUtf8 = temp.resolve("latin1.csv");
        Files.write(notUtf8, (RedirectionInput.STATIONS_HEADER + "\n101,\u00e9,b,c\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("register.error.redirectInput", assertThrows(RegisterException.class,
                () -> RedirectionInput.readStations(notUtf8)).messageKey());
        for (String bad : List.of(RedirectionInput.PRIOR_VOTES_HEADER + "\n" + iin + ",LATE\n",
                RedirectionInput.PRIOR_VOTES_HEADER + "\n" + iin + ",EARLY\n" + iin + ",ABSENTEE\n",
                "iin,vote\n")) {
            RegisterException e = assertThrows(RegisterException.class,
                    () -> RedirectionInput.readPriorVotes(file("p.csv", bad), Set.of()));
            assertEquals("register.error.redirectInput", e.messageKey());
            assertFalse(e.getMessage().contains(iin.substring(0, 11)), "the message quotes the IIN");
        }
    }

    @Test
    void aPackageWithoutTableIsByteForByteContainerVersionOne() {
        RegisterContents contents = RegisterFixtures.contents(3, 1, 7);
        byte[] bytes = RegisterPackages.write(contents, RegisterFixtures.authority(), kioskCert);
        assertEquals(1, bytes[PackageFile.MAGIC.length + 1]);
        PackageFile parts = PackageFile.parse(bytes);
        assertArrayEquals(new byte[0], parts.redirectTable());
        assertArrayEquals(bytes, new PackageFile(parts.manifest(), parts.manifestSignature(), parts.envelope()).toBytes());
        assertFalse(new String(parts.manifest(), StandardCharsets.UTF_8).contains("redirect"));
        PrecinctId own = PRECINCT;
        assertEquals(101, own.number());
    }
}
