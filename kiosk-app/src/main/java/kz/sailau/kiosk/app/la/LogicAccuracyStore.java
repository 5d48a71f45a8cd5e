package kz.sailau.kiosk.app.la;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.app.assembly.ElectionDayKiosk;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.DayCounts;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.RegisterVoterDirectory;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.store.StoreOptions;

/**
 * The separate store of one logic-and-accuracy test, in the kiosk data directory but in files of its own:
 * {@value #DATABASE_FILE} (a kiosk database with the same schema: the test register, the test check-in marks,
 * the test tokens' issued ids and counters, the test's own audit chain) and, from versions before the issued ids
 * moved into the database, {@value #TOKENS_FILE}, which {@link #wipe} still removes if an old test left it.
 * The kiosk's real database, register, counters and issued-ids table are never opened here. {@link #wipe}
 * overwrites every file of the test with zeros and deletes it.
 */
final class LogicAccuracyStore implements AutoCloseable {

    /** The test database in the kiosk data directory. */
    static final String DATABASE_FILE = "la-test.db";
    /** The test tokens' separate issued-ids file of earlier versions (only wiped, never written). */
    static final String TOKENS_FILE = "la-test-tokens.db";
    /** Blind-index domain of the test check-in marks (never equal to the real marks' {@code iin} domain). */
    static final String TEST_INDEX_DOMAIN = "la-test-iin";
    private static final List<String> SUFFIXES = List.of("", "-wal", "-shm", "-journal");

    /**
     * The tally of a test: what the administrator sees and what {@code LA_TEST_ENDED} records.
     *
     * @param checkIns     test check-ins, every method
     * @param refusals     refused test check-ins
     * @param overrides    test check-ins by clerk override
     * @param tokensIssued test tokens issued, voided ones included
     */
    record Tally(long checkIns, long refusals, long overrides, long tokensIssued) {
        static final Tally ZERO = new Tally(0, 0, 0, 0);
    }

    private final KioskDatabase database;
    private final SqliteCheckInLedger ledger;
    private final RegisterStore register;

    private LogicAccuracyStore(KioskDatabase database, SqliteCheckInLedger ledger, RegisterStore register) {
        this.database = database;
        this.ledger = ledger;
        this.register = register;
    }

    /** Every file a test may leave in {@code dataDirectory}, present or not. */
    static List<Path> files(Path dataDirectory) {
        return Stream.of(DATABASE_FILE, TOKENS_FILE)
                .flatMap(name -> SUFFIXES.stream().map(suffix -> dataDirectory.resolve(name + suffix))).toList();
    }

    /** Whether a test store (of a running or an interrupted test) is in {@code dataDirectory}. */
    static boolean present(Path dataDirectory) {
        return files(dataDirectory).stream().anyMatch(Files::exists);
    }

    /**
     * Opens (creating if absent) the test store in {@code dataDirectory}.
     *
     * @param migrations every migration of the kiosk database (the test database has the same schema)
     */
    static LogicAccuracyStore open(Path dataDirectory, List<Migration> migrations, KioskCredentials credentials,
                                   Clock clock, SecureRandom random) {
        KioskDatabase database = KioskDatabase.open(dataDirectory.resolve(DATABASE_FILE), migrations,
                StoreOptions.DEFAULT, clock);
        try {
            // The test's audit entries form the test database's own chain, unsigned: it is wiped at the end.
            SqliteCheckInLedger ledger = new SqliteCheckInLedger(database,
                    credentials.storeKeys().blindIndex(TEST_INDEX_DOMAIN), clock, AuditRecorder.unsigned())
                    .withSpecialList(credentials.storeKeys().fieldCipher(random));
            return new LogicAccuracyStore(database, ledger,
                    new RegisterStore(database, credentials.storeKeys(), random));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Loads a test register package into this store with every check of a real load, refusing a real package.
     *
     * @see RegisterLoader#forLogicAccuracyTest
     */
    LoadedRegister load(Path packageFile, KioskDataDirectory.KioskProfile profile, ElectionId election,
                        X509Certificate authority, KioskCredentials credentials, String extractorVersion, Clock clock,
                        LoadProgress progress) {
        return RegisterLoader.forLogicAccuracyTest(register, profile, election, authority, credentials,
                extractorVersion, clock, RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES).load(packageFile, progress);
    }

    /** The loaded test register, if any. */
    Optional<LoadedRegister> loaded() {
        return register.current();
    }

    /**
     * A check-in engine over this store only, from the election day's own assembly: the test register, the test
     * ledger and a token issuer for the test election whose ids the test ledger records; it drives the
     * kiosk's devices while the test runs.
     */
    CheckInEngine engine(ElectionDayKiosk electionDay, ElectionId testElection) {
        ElectionDayAssembly assembly = electionDay.assembly();
        return assembly.engine(new RegisterVoterDirectory(register, assembly.matcher()), ledger,
                assembly.tokenIssuer(testElection), electionDay.deviceEffects());
    }

    /** The test ledger's counters. */
    Counters counters() {
        return ledger.counters();
    }

    /** What has happened in this test so far, from the test ledger, the test audit chain and the test tokens. */
    Tally tally() {
        Counters counters = ledger.counters();
        DayCounts day = database.read(c -> DayCounts.of(AuditLog.readAll(c)));
        long issued = day.tokensIssued();
        long refusals = day.refusalsByReason().values().stream().mapToLong(Long::longValue).sum();
        return new Tally(counters.checkIns(), refusals, counters.overrides(), issued);
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * Overwrites every test file in {@code dataDirectory} with zeros, forces it to disk and deletes it. The
     * store must be closed first.
     *
     * @throws IOException when a file cannot be overwritten or deleted
     */
    static void wipe(Path dataDirectory) throws IOException {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        for (Path file : files(dataDirectory)) {
            if (!Files.exists(file)) {
                continue;
            }
            long size = Files.size(file);
            byte[] zeros = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.DSYNC)) {
                for (long written = 0; written < size; written += zeros.length) {
                    out.write(zeros, 0, (int) Math.min(zeros.length, size - written));
                }
            }
            Files.delete(file);
        }
    }
}
