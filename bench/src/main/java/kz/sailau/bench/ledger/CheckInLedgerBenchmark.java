package kz.sailau.bench.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.token.TokenId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one check-in costs in the kiosk database since it became one atomic, order-free step (decision 0121): the
 * check-in mark, its ballot token's id, the counters and the CHECK_IN and TOKEN_ISSUED audit events in one durable
 * transaction (rollback journal, {@code synchronous=FULL}, the chain head signed every 50 entries), with the marks
 * and the token ids rewritten in key order before the commit. {@code checkedIn} is how many voters are already
 * checked in: the rewrite grows with it. Each iteration starts from a copy of the same day so far; the few
 * check-ins an iteration adds (≤ 5 %) are within the noise. {@code sealed}: whether the transaction also re-signs
 * the kiosk's seal over every mark, token id and special-list entry (decision 0396), as the kiosk does since then;
 * {@code false} measures the step without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckInLedgerBenchmark {

    /** Test blind-index key, labelled as such. */
    private static final byte[] TEST_INDEX_KEY = "TEST-ONLY bench index key 32 b!!".getBytes(StandardCharsets.US_ASCII);

    @Param({"0", "1500", "3000"})
    int checkedIn;

    @Param({"true", "false"})
    boolean sealed;

    private Path directory;
    private Path template;
    private KioskDatabase database;
    private SqliteCheckInLedger ledger;
    private KioskCredentials credentials;
    private CheckInSeal seal;
    private final SecureRandom random = new SecureRandom();
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("sailau-bench-ledger");
        template = directory.resolve("template.db");
        credentials = KioskCredentials.generate(random);
        try (KioskDatabase db = KioskDatabase.open(template, migrations())) {
            SqliteCheckInLedger day = ledger(db);
            for (int n = 0; n < checkedIn; n++) {
                day.record(record(n), Optional.of(token()));
            }
        }
    }

    @Setup(Level.Iteration)
    public void openCopy() throws Exception {
        Path file = directory.resolve("kiosk.db");
        Files.copy(template, file, StandardCopyOption.REPLACE_EXISTING);
        database = KioskDatabase.open(file, migrations());
        ledger = ledger(database);
        next = 1_000_000;
    }

    @TearDown(Level.Iteration)
    public void closeCopy() {
        database.close();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One check-in and its token, committed. */
    @Benchmark
    public Object recordCheckInWithToken() {
        return ledger.record(record(next++), Optional.of(token()));
    }

    /**
     * The seal alone, without the disk: the marks, token ids and special list read in key order, signed and written
     * to the seal's row in a write transaction that is then rolled back, so no fsync is counted ({@code sealed}
     * false: the same transaction with nothing in it, the baseline).
     */
    @Benchmark
    public Object resealRolledBack() {
        try {
            return database.inTransaction(c -> {
                if (sealed) {
                    seal.reseal(c);
                }
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            return expected;
        }
    }

    /** Thrown to roll {@link #resealRolledBack} back. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }

    private SqliteCheckInLedger ledger(KioskDatabase db) {
        SqliteCheckInLedger plain = new SqliteCheckInLedger(db, new BlindIndex(TEST_INDEX_KEY, "iin"),
                Clock.systemUTC(), AuditRecorder.signing(ChainHeadSigner.kiosk(credentials)));
        seal = new CheckInSeal(ChainHeadSigner.kiosk(credentials));
        return sealed ? plain.withSeal(seal) : plain;
    }

    /**
     * The kiosk's migrations (the signing recorder writes the state anchor), without the seal's table unless
     * {@code sealed}.
     */
    private List<Migration> migrations() {
        List<Migration> all = new ArrayList<>(Main.migrations());
        if (!sealed) {
            all.removeAll(CheckInSeal.MIGRATIONS);
        }
        return all;
    }

    private PreparedToken token() {
        TokenId id = TokenId.random(random);
        return new PreparedToken(id.toString(), new IssuedBallotToken("CODE", "QR"));
    }

    /** Voter {@code n}: born 1900-01-01 + n days (distinct for every n used here). */
    private static CheckInRecord record(int n) {
        java.time.LocalDate birth = java.time.LocalDate.of(1900, 1, 1).plusDays(n % 40_000);
        String yymmdd = String.format("%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth());
        String century = birth.getYear() >= 2000 ? "5" : "3";
        for (int s = n / 40_000 * 100; ; s++) {
            String eleven = yymmdd + century + String.format("%04d", s);
            int control = Iin.controlDigit(eleven);
            if (control >= 0) {
                return new CheckInRecord(new Iin(eleven + control), CheckInMethod.FINGERPRINT, Optional.empty(),
                        Optional.empty());
            }
        }
    }
}
