package kz.sailau.bench.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditField;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.AuditVerifier;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.audit.StateAnchor;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
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
 * What the audit log costs: one appended check-in event in its own durable transaction (WAL, full sync, the
 * chain head signed with RSA-3072 every 50 entries, so one in 50 appends also signs), one head signature on its
 * own, an observer's full verification of a day of {@code checkIns} check-ins (hashes, links and every
 * signed head), and the kiosk's own state check over that day at start and load ({@link StateAnchor#verify}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuditLogBenchmark {

    @Param("3000")
    int checkIns;

    private Path directory;
    private KioskDatabase database;
    private AuditRecorder recorder;
    private ChainHeadSigner signer;
    private KioskCredentials credentials;
    private List<AuditEntry> day;
    private final AuditEvent checkIn = AuditEvent.of(AuditEventType.CHECK_IN_BY_FINGERPRINT,
            AuditField.code("method", CheckInMethod.FINGERPRINT));
    private final Instant time = Instant.parse("2026-12-06T08:00:00Z");

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("sailau-bench-audit");
        // The whole kiosk schema: a signed head also re-seals the state anchor (decision 0132).
        database = KioskDatabase.open(directory.resolve("kiosk.db"), Main.migrations(), StoreOptions.DEFAULT,
                Clock.systemUTC());
        credentials = KioskCredentials.generate(new SecureRandom());
        signer = ChainHeadSigner.kiosk(credentials);
        recorder = new AuditRecorder(Optional.of(signer), AuditRecorder.DEFAULT_SIGN_EVERY);
        for (int i = 0; i < checkIns; i++) {
            database.inTransaction(c -> recorder.append(c, time, checkIn));
        }
        day = database.read(AuditLog::readAll);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        database.close();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One check-in's audit entry, committed durably (amortised signing included). */
    @Benchmark
    public AuditEntry appendCheckIn() {
        return database.inTransaction(c -> recorder.append(c, time, checkIn));
    }

    /** One RSA-3072 head signature. */
    @Benchmark
    public byte[] signHead() {
        return signer.sign(ChainHeadSigner.message(1, AuditEntry.GENESIS));
    }

    /**
     * The check run at every start and register load: triggers, the whole chain with every signed head, the state
     * anchor and the tables against the log (decision 0132).
     */
    @Benchmark
    public StateAnchor.State verifyState() {
        return database.read(c -> StateAnchor.verify(c, credentials.publicKey(), database.migrations()));
    }

    /** The observer's verification of the whole day's log. */
    @Benchmark
    public AuditVerifier.Report verifyDay() {
        return AuditVerifier.verify(day, Optional.of(credentials.publicKey()), false);
    }
}
