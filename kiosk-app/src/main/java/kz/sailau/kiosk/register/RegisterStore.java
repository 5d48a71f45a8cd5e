package kz.sailau.kiosk.register;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.FieldCipher;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.StoreKeys;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.IcaoTransliteration;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;

/**
 * The precinct register inside the kiosk database. Every personal field and every template is encrypted
 * on its own with AES-256-GCM, bound to its column and to the voter's blind index; the IIN is findable only
 * through its keyed blind index (HMAC-SHA256). Nothing personal is stored in plaintext.
 *
 * <p>Voter row ids are stable across register versions for the same IIN, so that later tables (check-ins)
 * can refer to {@code voter(id)}. A new register replaces the old one in one transaction
 * ({@link #replace}); on any failure the old one stays as it was.
 *
 * <p><b>No list order and no lengths at rest</b> (decision 0460): a register's new voters are inserted in the order
 * of their blind index, not the package's (the authority's list, which the printed voter list follows), and every
 * personal field and the prior-vote code are padded to one length per column before they are encrypted, so that
 * neither a row's id nor the size of its fields tells someone who holds the file without the key which person of
 * the list the row is; a check-in mark names the same blind index as the voter's row.
 */
public final class RegisterStore {

    /** The register's schema migrations; the application lists them among all migrations of the kiosk. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration("register-1",
            "register metadata, encrypted voters and templates, blind IIN index", List.of(
            "CREATE TABLE register_meta (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), "
                    + "election TEXT NOT NULL, precinct INTEGER NOT NULL, register_version INTEGER NOT NULL, "
                    + "package_sha256 TEXT NOT NULL, created TEXT NOT NULL, loaded_at TEXT NOT NULL, "
                    + "voter_count INTEGER NOT NULL, extractor_version TEXT NOT NULL)",
            "CREATE TABLE voter (id INTEGER PRIMARY KEY, iin_index BLOB NOT NULL UNIQUE, "
                    + "precinct INTEGER NOT NULL, register_version INTEGER NOT NULL, iin_enc BLOB NOT NULL, "
                    + "surname_enc BLOB NOT NULL, given_name_enc BLOB NOT NULL, patronymic_enc BLOB NOT NULL, "
                    + "birth_date_enc BLOB NOT NULL, sex_enc BLOB NOT NULL)",
            "CREATE TABLE voter_finger (voter_id INTEGER NOT NULL REFERENCES voter(id), position TEXT NOT NULL, "
                    + "extractor_version TEXT NOT NULL, template_enc BLOB NOT NULL, "
                    + "PRIMARY KEY (voter_id, position))")),
            new Migration("register-2", "prior votes (early, absentee certificate) and the redirection table", List.of(
                    "ALTER TABLE voter ADD COLUMN prior_vote_enc BLOB",
                    "CREATE TABLE redirect_table (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), "
                            + "register_version INTEGER NOT NULL, table_sha256 TEXT NOT NULL, "
                            + "entries INTEGER NOT NULL, key_enc BLOB NOT NULL, table_bytes BLOB NOT NULL)")));

    private static final String[] PERSONAL_COLUMNS =
            {"iin_enc", "surname_enc", "given_name_enc", "patronymic_enc", "birth_date_enc", "sex_enc"};
    /**
     * The padded size of each of {@link #PERSONAL_COLUMNS} and of the prior vote: more than the longest valid value
     * (a name of {@code VoterRowValidator.MAX_NAME} UTF-16 units takes at most 300 bytes of UTF-8; an IIN 12, a
     * date 10, the sex 1, a prior-vote code 8), so that all values of a column have one length.
     */
    private static final int[] PADDED_SIZES = {16, 304, 304, 304, 16, 16};
    private static final int PRIOR_VOTE_PADDED_SIZE = 16;
    private static final int PROGRESS_STEP = 50;
    /** Every voter row gets this column encrypted, so that the rows of voters who voted early do not stand out. */
    private static final String PRIOR_VOTE_COLUMN = "prior_vote_enc";
    private static final String NO_PRIOR_VOTE = "NONE";
    private static final byte[] REDIRECT_KEY_CONTEXT = "redirect_table.key_enc\0".getBytes(StandardCharsets.UTF_8);

    private final KioskDatabase database;
    private final FieldCipher cipher;
    private final BlindIndex iinIndex;
    /** The redirection table last read from the store, with the hash it was read under. */
    private volatile Optional<CachedRedirection> redirection = Optional.empty();

    private record CachedRedirection(String sha256, Redirection redirection) {
    }

    /**
     * @param database the kiosk database, opened with {@link #MIGRATIONS} among its migrations
     * @param keys     the store keys unlocked with the administrator's passphrase
     * @param random   nonce source
     */
    public RegisterStore(KioskDatabase database, StoreKeys keys, SecureRandom random) {
        this.database = Objects.requireNonNull(database, "database");
        this.cipher = keys.fieldCipher(random);
        this.iinIndex = keys.blindIndex("iin");
    }

    /** The register currently loaded, if any. */
    public Optional<LoadedRegister> current() {
        return database.read(RegisterStore::current);
    }

    /** The register currently loaded, if any, read on the caller's transaction. */
    public static Optional<LoadedRegister> current(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT election, precinct, register_version, "
                + "package_sha256, created, loaded_at, voter_count, extractor_version FROM register_meta");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new LoadedRegister(new ElectionId(row.getString(1)), new PrecinctId(row.getInt(2)),
                    row.getLong(3), row.getString(4), Instant.parse(row.getString(5)), Instant.parse(row.getString(6)),
                    row.getInt(7), row.getString(8)));
        }
    }

    /** Finds a voter by IIN through the blind index. */
    public Optional<RegisteredVoter> findByIin(Iin iin) {
        Objects.requireNonNull(iin, "iin");
        return database.read(connection -> findByIin(connection, iin));
    }

    /** Finds a voter by IIN on the caller's transaction (e.g. inside a check-in transaction). */
    public Optional<RegisteredVoter> findByIin(Connection connection, Iin iin) throws SQLException {
        byte[] index = iinIndex.of(iin.digits());
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, iin_index, iin_enc, surname_enc, given_name_enc, patronymic_enc, birth_date_enc, sex_enc, "
                        + "precinct, prior_vote_enc FROM voter WHERE iin_index = ?")) {
            select.setBytes(1, index);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(readVoter(connection, row)) : Optional.empty();
            }
        }
    }

    /** Finds a voter by its row id (e.g. after a 1:N search over {@link #allTemplates()}). */
    public Optional<RegisteredVoter> findByRowId(long rowId) {
        return database.read(connection -> findByRowId(connection, rowId));
    }

    /** Finds a voter by its row id on the caller's transaction. */
    public Optional<RegisteredVoter> findByRowId(Connection connection, long rowId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, iin_index, iin_enc, surname_enc, given_name_enc, patronymic_enc, birth_date_enc, "
                        + "sex_enc, precinct, prior_vote_enc FROM voter WHERE id = ?")) {
            select.setLong(1, rowId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(readVoter(connection, row)) : Optional.empty();
            }
        }
    }

    /**
     * Every enrolled template by voter row id, for a 1:N gallery. The rows are read in one query and then
     * decrypted on all cores (the AES-GCM work dominates at precinct size).
     */
    public Map<Long, List<FingerTemplate>> allTemplates() {
        List<EncryptedTemplate> rows = database.read(connection -> {
            List<EncryptedTemplate> read = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT f.voter_id, v.iin_index, f.position, "
                    + "f.extractor_version, f.template_enc FROM voter_finger f JOIN voter v ON v.id = f.voter_id "
                    + "ORDER BY f.voter_id, f.position");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    read.add(new EncryptedTemplate(row.getLong(1), row.getBytes(2), row.getString(3), row.getString(4),
                            row.getBytes(5)));
                }
            }
            return read;
        });
        List<FingerTemplate> decrypted = rows.parallelStream()
                .map(t -> new FingerTemplate(cipher.decrypt(t.encrypted(), context("template_enc:" + t.key(),
                        t.iinIndex())), t.extractorVersion()))
                .toList();
        Map<Long, List<FingerTemplate>> templates = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            templates.computeIfAbsent(rows.get(i).voterId(), k -> new ArrayList<>()).add(decrypted.get(i));
        }
        return templates;
    }

    /**
     * One stored template. {@code key} is {@code voter_finger.position}: the finger ({@code right_index}) for the first
     * enrolment impression, as in {@code register-1}, and {@code right_index#2} … for further ones
     * ({@link EnrolledFinger#key()}), so that the schema, its key {@code (voter_id, position)} and the triggers other
     * features put on the table stay as they are; the key is also bound into the template's associated data.
     */
    private record EncryptedTemplate(long voterId, byte[] iinIndex, String key, String extractorVersion,
                                     byte[] encrypted) {
    }

    /**
     * Whether {@code word} is (case aside) a part of some voter's surname, given name or patronymic, as written or
     * transliterated to Latin letters as on the identity card's MRZ (ICAO 9303 part 3): a clerk login must not be
     * a name from the register. Decrypts the name fields only; answers yes or no, never which voter.
     */
    public boolean holdsName(String word) {
        Objects.requireNonNull(word, "word");
        String wanted = word.toUpperCase(Locale.ROOT);
        String[] columns = {"surname_enc", "given_name_enc", "patronymic_enc"};
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT iin_index, surname_enc, given_name_enc, patronymic_enc FROM voter");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] index = rows.getBytes(1);
                    for (int i = 0; i < columns.length; i++) {
                        String name = cipher.decryptText(rows.getBytes(2 + i), context(columns[i], index));
                        for (String part : name.toUpperCase(Locale.ROOT).split("[\\s-]+")) {
                            if (part.equals(wanted)) {
                                return true;
                            }
                        }
                        for (String part : IcaoTransliteration.toMrz(name).split("<+")) {
                            if (part.equals(wanted)) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        });
    }

    /** Runs {@code guard}'s check on a read transaction of this store's database. */
    void beforeLoad(LoadGuard guard, PackageManifest manifest) {
        database.read(connection -> {
            guard.beforeLoad(connection, manifest);
            return null;
        });
    }

    /** Number of voters in the loaded register. */
    public int voterCount() {
        return database.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM voter");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /**
     * Replaces the loaded register with {@code contents} in one transaction.
     *
     * @param contents      the verified register
     * @param packageSha256 hash of the package file it came from
     * @param clock         load time stamp
     * @param progress      progress callback (stage {@code WRITING})
     * @throws RegisterException                       {@code register.error.rollback} if the version is not newer
     *                                                 than the loaded one, {@code register.error.wrongElection}
     *                                                 if it is for another election than the loaded one
     * @throws kz.sailau.kiosk.store.StoreException    {@code store.error.full} when the disk is full
     */
    public void replace(RegisterContents contents, String packageSha256, Clock clock, LoadProgress progress) {
        replace(contents, packageSha256, clock, progress, LoadGuard.NONE, null);
    }

    /**
     * Replaces the loaded register as {@link #replace(RegisterContents, String, Clock, LoadProgress)} does, and runs
     * {@code guard}'s {@link LoadGuard#commit} at the end of the same transaction (its refusal rolls everything back).
     *
     * @param signer the authority certificate the package was verified with, handed to the guard
     */
    public void replace(RegisterContents contents, String packageSha256, Clock clock, LoadProgress progress,
                        LoadGuard guard, X509Certificate signer) {
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(guard, "guard");
        database.inTransaction(connection -> {
            guard.beforeWrite(connection, contents.version());
            Optional<LoadedRegister> loaded = current(connection);
            if (loaded.isPresent()) {
                checkNewer(loaded.get(), contents);
            }
            int total = contents.records().size();
            progress.update(LoadProgress.Stage.WRITING, 0, Math.max(1, total));
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO voter (iin_index, precinct, "
                    + "register_version, iin_enc, surname_enc, given_name_enc, patronymic_enc, birth_date_enc, sex_enc, "
                    + "prior_vote_enc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (iin_index) DO UPDATE SET "
                    + "precinct = excluded.precinct, register_version = excluded.register_version, "
                    + "iin_enc = excluded.iin_enc, surname_enc = excluded.surname_enc, "
                    + "given_name_enc = excluded.given_name_enc, patronymic_enc = excluded.patronymic_enc, "
                    + "birth_date_enc = excluded.birth_date_enc, sex_enc = excluded.sex_enc, "
                    + "prior_vote_enc = excluded.prior_vote_enc RETURNING id");
                 PreparedStatement deleteFingers = connection.prepareStatement(
                         "DELETE FROM voter_finger WHERE voter_id = ?");
                 PreparedStatement insertFinger = connection.prepareStatement("INSERT INTO voter_finger "
                         + "(voter_id, position, extractor_version, template_enc) VALUES (?, ?, ?, ?)")) {
                int done = 0;
                for (IndexedRecord indexed : inIndexOrder(contents.records())) {
                    RegisterRecord record = indexed.record();
                    Voter voter = record.voter();
                    byte[] index = indexed.index();
                    String[] values = {voter.iin().digits(), voter.surname(), voter.givenName(), voter.patronymic(),
                            voter.birthDate().toString(), record.sex() == Sex.MALE ? "M" : "F"};
                    upsert.setBytes(1, index);
                    upsert.setInt(2, voter.precinct().number());
                    upsert.setLong(3, contents.version());
                    for (int i = 0; i < values.length; i++) {
                        upsert.setBytes(4 + i, cipher.encryptPadded(values[i].getBytes(StandardCharsets.UTF_8),
                                PADDED_SIZES[i], context(PERSONAL_COLUMNS[i], index)));
                    }
                    upsert.setBytes(10, cipher.encryptPadded(record.priorVote().map(PriorVote::code)
                            .orElse(NO_PRIOR_VOTE).getBytes(StandardCharsets.UTF_8), PRIOR_VOTE_PADDED_SIZE,
                            context(PRIOR_VOTE_COLUMN, index)));
                    long id;
                    try (ResultSet returned = upsert.executeQuery()) {
                        returned.next();
                        id = returned.getLong(1);
                    }
                    deleteFingers.setLong(1, id);
                    deleteFingers.executeUpdate();
                    for (EnrolledFinger finger : record.fingers()) {
                        insertFinger.setLong(1, id);
                        String key = finger.key();
                        insertFinger.setString(2, key);
                        insertFinger.setString(3, finger.template().extractorVersion());
                        insertFinger.setBytes(4, cipher.encrypt(finger.template().bytes(),
                                context("template_enc:" + key, index)));
                        insertFinger.executeUpdate();
                    }
                    done++;
                    if (done % PROGRESS_STEP == 0 || done == total) {
                        progress.update(LoadProgress.Stage.WRITING, done, Math.max(1, total));
                    }
                }
            }
            try (PreparedStatement deleteOldFingers = connection.prepareStatement("DELETE FROM voter_finger WHERE "
                    + "voter_id IN (SELECT id FROM voter WHERE register_version <> ?)");
                 PreparedStatement deleteOldVoters = connection.prepareStatement(
                         "DELETE FROM voter WHERE register_version <> ?");
                 PreparedStatement meta = connection.prepareStatement("INSERT OR REPLACE INTO register_meta "
                         + "(singleton, election, precinct, register_version, package_sha256, created, loaded_at, "
                         + "voter_count, extractor_version) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                deleteOldFingers.setLong(1, contents.version());
                deleteOldFingers.executeUpdate();
                deleteOldVoters.setLong(1, contents.version());
                deleteOldVoters.executeUpdate();
                meta.setString(1, contents.election().value());
                meta.setInt(2, contents.precinct().number());
                meta.setLong(3, contents.version());
                meta.setString(4, packageSha256);
                meta.setString(5, contents.created().toString());
                meta.setString(6, clock.instant().toString());
                meta.setInt(7, contents.records().size());
                meta.setString(8, contents.extractorVersion());
                meta.executeUpdate();
            }
            writeRedirection(connection, contents);
            guard.commit(connection, current(connection).orElseThrow(), signer);
            return null;
        });
    }

    /** Replaces the stored redirection table with the package's (or removes it when the package has none). */
    private void writeRedirection(Connection connection, RegisterContents contents) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM redirect_table")) {
            delete.executeUpdate();
        }
        if (contents.redirection().isEmpty()) {
            return;
        }
        Redirection table = contents.redirection().get();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO redirect_table (singleton, "
                + "register_version, table_sha256, entries, key_enc, table_bytes) VALUES (1, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, contents.version());
            insert.setString(2, Digests.sha256Hex(table.table().bytes()));
            insert.setInt(3, table.table().entryCount());
            insert.setBytes(4, cipher.encrypt(table.key(), REDIRECT_KEY_CONTEXT));
            insert.setBytes(5, table.table().bytes());
            insert.executeUpdate();
        }
    }

    /**
     * The polling station where the voter of {@code iin} is registered, from the authority's redirection table
     * (decision 0210); empty when the loaded register has no table or the table does not have the IIN. The table is
     * read from the store once per loaded package and kept; a lookup is a binary search (well under a millisecond
     * at 12 million IINs, docs/benchmarks.md).
     */
    public Optional<PollingStation> pollingStationOf(Iin iin) {
        Objects.requireNonNull(iin, "iin");
        return redirection().flatMap(r -> r.pollingStationOf(iin));
    }

    /** The stored redirection table, if the loaded register has one (read once per package). */
    public Optional<Redirection> redirection() {
        return database.read(connection -> {
            String sha;
            try (PreparedStatement select = connection.prepareStatement("SELECT table_sha256 FROM redirect_table");
                 ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.<Redirection>empty();
                }
                sha = row.getString(1);
            }
            Optional<CachedRedirection> cached = redirection;
            if (cached.isPresent() && cached.get().sha256().equals(sha)) {
                return Optional.of(cached.get().redirection());
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT key_enc, table_bytes FROM redirect_table");
                 ResultSet row = select.executeQuery()) {
                row.next();
                byte[] tableBytes = row.getBytes(2);
                if (!Digests.sha256Hex(tableBytes).equals(sha)) {
                    throw new RegisterException("register.error.damaged",
                            "the stored redirection table does not match its hash", null);
                }
                Redirection read = new Redirection(cipher.decrypt(row.getBytes(1), REDIRECT_KEY_CONTEXT),
                        RedirectTable.parse(tableBytes));
                redirection = Optional.of(new CachedRedirection(sha, read));
                return Optional.of(read);
            }
        });
    }

    /**
     * Checks that {@code contents} may follow the loaded register: same election, strictly newer version.
     *
     * @throws RegisterException {@code register.error.rollback} or {@code register.error.wrongElection}
     */
    static void checkNewer(LoadedRegister loaded, RegisterContents contents) {
        if (!loaded.election().equals(contents.election())) {
            throw new RegisterException("register.error.wrongElection", "package is for election "
                    + contents.election() + " but the kiosk holds election " + loaded.election(), null);
        }
        if (contents.version() <= loaded.version()) {
            throw new RegisterException("register.error.rollback", "package version " + contents.version()
                    + " is not newer than the loaded version " + loaded.version() + "; rollback refused", null);
        }
    }

    /** A register record with its blind index. */
    private record IndexedRecord(byte[] index, RegisterRecord record) {
    }

    /** The records in the order of their blind index, so that new rows get ids in that order, not the list's. */
    private List<IndexedRecord> inIndexOrder(List<RegisterRecord> records) {
        List<IndexedRecord> indexed = new ArrayList<>(records.size());
        for (RegisterRecord record : records) {
            indexed.add(new IndexedRecord(iinIndex.of(record.voter().iin().digits()), record));
        }
        indexed.sort((a, b) -> Arrays.compareUnsigned(a.index(), b.index()));
        return indexed;
    }

    private RegisteredVoter readVoter(Connection connection, ResultSet row) throws SQLException {
        long id = row.getLong(1);
        byte[] index = row.getBytes(2);
        String[] values = new String[PERSONAL_COLUMNS.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = cipher.decryptText(row.getBytes(3 + i), context(PERSONAL_COLUMNS[i], index));
        }
        Voter voter = new Voter(new Iin(values[0]), values[1], values[2], values[3], LocalDate.parse(values[4]),
                new PrecinctId(row.getInt(9)));
        Map<FingerPosition, List<FingerTemplate>> templates = new EnumMap<>(FingerPosition.class);
        Map<FingerPosition, SortedMap<Integer, FingerTemplate>> byImpression =
                new EnumMap<>(FingerPosition.class);
        try (PreparedStatement fingers = connection.prepareStatement(
                "SELECT position, extractor_version, template_enc FROM voter_finger WHERE voter_id = ?")) {
            fingers.setLong(1, id);
            try (ResultSet finger = fingers.executeQuery()) {
                while (finger.next()) {
                    String key = finger.getString(1);
                    int hash = key.indexOf('#');
                    FingerPosition position = FingerPosition.fromFileName(hash < 0 ? key : key.substring(0, hash));
                    int impression = hash < 0 ? 1 : Integer.parseInt(key.substring(hash + 1));
                    byImpression.computeIfAbsent(position, p -> new TreeMap<>()).put(impression,
                            new FingerTemplate(cipher.decrypt(finger.getBytes(3), context("template_enc:" + key, index)),
                                    finger.getString(2)));
                }
            }
        }
        byImpression.forEach((position, impressions) -> templates.put(position, List.copyOf(impressions.values())));
        byte[] priorVote = row.getBytes(10);
        if (priorVote == null) {
            // Every load writes the mark, NONE included: a row without it was edited outside the kiosk, and reading
            // it as NONE would let a voter who voted early vote again (decision 0461).
            throw new KioskCryptoException("store.error.fieldIntegrity", "a voter row lacks its prior-vote mark",
                    null);
        }
        String prior = cipher.decryptText(priorVote, context(PRIOR_VOTE_COLUMN, index));
        return new RegisteredVoter(id, voter, "M".equals(values[5]) ? Sex.MALE : Sex.FEMALE, templates,
                prior.equals(NO_PRIOR_VOTE) ? Optional.empty() : Optional.of(PriorVote.fromCode(prior)));
    }

    private static byte[] context(String column, byte[] index) {
        byte[] name = ("voter." + column + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] context = new byte[name.length + index.length];
        System.arraycopy(name, 0, context, 0, name.length);
        System.arraycopy(index, 0, context, name.length, index.length);
        return context;
    }

    @Override
    public String toString() {
        return "RegisterStore[" + database + "]";
    }
}
