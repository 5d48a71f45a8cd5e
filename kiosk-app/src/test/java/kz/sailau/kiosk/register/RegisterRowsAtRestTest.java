package kz.sailau.kiosk.register;

import static kz.sailau.kiosk.register.RegisterFixtures.CLOCK;
import static kz.sailau.kiosk.register.RegisterFixtures.EXTRACTOR;
import static kz.sailau.kiosk.register.RegisterFixtures.PASSPHRASE;
import static kz.sailau.kiosk.register.RegisterFixtures.PRECINCT;
import static kz.sailau.kiosk.register.RegisterFixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat (session H60): an insider who copies {@code kiosk.db} but has no passphrase, and holds the printed voter
 * list (the register in the authority's order), finds a voter's row without decrypting anything — by its place in
 * the list ({@code voter.id} followed the package's order) or by the lengths of its encrypted name fields (AES-GCM
 * keeps the plaintext's length) — and so, through {@code checkin.voter_index = voter.iin_index}, who checked in, by
 * which method, and for a rare method the minute in the audit log; the prior-vote column's length told who voted
 * early or by absentee certificate. Now the rows lie in blind-index order and every encrypted column of a voter has
 * one length for all voters (decision 0460).
 */
class RegisterRowsAtRestTest {

    @TempDir
    Path temp;

    @Test
    void voterRowsKeepNeitherTheListsOrderNorTheLengthsOfNamesOrPriorVotes() throws Exception {
        List<RegisterRecord> records = new ArrayList<>(RegisterFixtures.contents(24, 1, 7).records());
        records.set(1, renamed(records.get(1), "Ли", "Ян", ""));
        records.set(2, renamed(records.get(2), "Абдрахмановаұлықызысұлтанбекова", "Гүлнұр-Әлия", "Бекболатқызы"));
        records.set(3, renamed(records.get(3), "ㄱ".repeat(100), "Ä".repeat(100), "𝔸".repeat(50)));
        records.set(4, records.get(4).withPriorVote(PriorVote.EARLY));
        records.set(5, records.get(5).withPriorVote(PriorVote.ABSENTEE_CERTIFICATE));
        RegisterContents contents = new RegisterContents(RegisterFixtures.ELECTION, PRECINCT, 1, CLOCK.instant(),
                EXTRACTOR, records, List.of());
        Path kioskDir = temp.resolve("kiosk");
        Path file = temp.resolve("v1.srp");
        Files.write(file, RegisterPackages.write(contents, RegisterFixtures.authority(),
                RegisterFixtures.initKiosk(kioskDir, PRECINCT)));
        KioskDataDirectory dir = KioskDataDirectory.at(kioskDir);
        List<Long> rowIdsInListOrder = new ArrayList<>();
        KioskCredentials credentials = dir.unlock(PASSPHRASE);
        try (KioskDatabase database = KioskDatabase.open(dir.databaseFile(), RegisterStore.MIGRATIONS,
                StoreOptions.DEFAULT, CLOCK)) {
            RegisterStore store = new RegisterStore(database, credentials.storeKeys(), RANDOM);
            new RegisterLoader(store, dir.profile(), dir.pinnedAuthority(), credentials, EXTRACTOR, CLOCK,
                    RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES).load(file, LoadProgress.NONE);
            for (RegisterRecord record : records) {
                RegisteredVoter found = store.findByIin(record.voter().iin()).orElseThrow();
                assertEquals(record.voter(), found.voter(), "every name reads back as it was loaded");
                assertEquals(record.priorVote(), found.priorVote());
                rowIdsInListOrder.add(found.rowId());
            }
        }

        // The insider's view: the raw rows, read without any key.
        List<String> columns = List.of("iin_enc", "surname_enc", "given_name_enc", "patronymic_enc",
                "birth_date_enc", "sex_enc", "prior_vote_enc");
        Map<String, Set<Integer>> lengths = new TreeMap<>();
        List<String> indexesByRowId = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.databaseFile());
             Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT iin_index, " + String.join(", ", columns)
                     + " FROM voter ORDER BY id")) {
            while (row.next()) {
                indexesByRowId.add(HexFormat.of().formatHex(row.getBytes(1)));
                for (int i = 0; i < columns.size(); i++) {
                    lengths.computeIfAbsent(columns.get(i), k -> new TreeSet<>()).add(row.getBytes(2 + i).length);
                }
            }
        }
        for (String column : columns) {
            assertEquals(1, lengths.get(column).size(), column + " has one length for every voter, not " + lengths);
        }
        List<String> sorted = new ArrayList<>(indexesByRowId);
        sorted.sort(String::compareTo);
        assertEquals(sorted, indexesByRowId, "row ids follow the blind index, which nobody without the key can "
                + "relate to the list");
        assertEquals(records.size(), indexesByRowId.size());
        List<Long> ascending = new ArrayList<>(rowIdsInListOrder);
        ascending.sort(Long::compare);
        assertNotEquals(ascending, rowIdsInListOrder, "the n-th voter of the list is not the n-th row");
    }

    private static RegisterRecord renamed(RegisterRecord record, String surname, String given, String patronymic) {
        Voter v = record.voter();
        return new RegisterRecord(new Voter(v.iin(), surname, given, patronymic, v.birthDate(), v.precinct()),
                record.sex(), record.fingers(), record.priorVote());
    }
}
