package kz.sailau.bench.clerk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.clerk.PinCheck;
import kz.sailau.kiosk.crypto.ClerkPinHash;
import kz.sailau.kiosk.crypto.StoreKeys;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a clerk waits for a PIN check with the production Argon2id cost ({@link ClerkPinHash#DEFAULT_PARAMETERS}:
 * 19 MiB, 2 passes, 1 lane): the bare hash comparison, and the whole roster check (read the row, decrypt the
 * hash, Argon2id, compare; a right PIN, so nothing is written).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClerkPinBenchmark {

    private static final ClerkId CLERK = new ClerkId("C01");
    private static final char[] PIN = "470213".toCharArray();

    private Path directory;
    private KioskDatabase database;
    private ClerkRoster roster;
    private ClerkPinHash hash;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("sailau-bench-clerk");
        // The whole kiosk schema: adding a clerk checks that the login is no voter's name.
        database = KioskDatabase.open(directory.resolve("kiosk.db"), kz.sailau.kiosk.app.Main.migrations(),
                StoreOptions.DEFAULT, Clock.systemUTC());
        SecureRandom random = new SecureRandom();
        byte[] master = new byte[32];
        random.nextBytes(master);
        roster = new ClerkRoster(database, new StoreKeys(master), random, ClerkPinHash.DEFAULT_PARAMETERS,
                AuditRecorder.unsigned(), Clock.systemUTC());
        roster.add(CLERK, PIN.clone());
        hash = ClerkPinHash.create(PIN.clone(), ClerkPinHash.DEFAULT_PARAMETERS, random);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        database.close();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Argon2id over the PIN and the constant-time comparison. */
    @Benchmark
    public boolean hashMatches() {
        return hash.matches(PIN.clone());
    }

    /** The roster check the engine runs for every clerk action. */
    @Benchmark
    public PinCheck rosterCheck() {
        return roster.check(CLERK, PIN.clone());
    }
}
