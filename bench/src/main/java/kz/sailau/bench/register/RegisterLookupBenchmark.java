package kz.sailau.bench.register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.crypto.StoreKeys;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.register.RegisteredVoter;
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
 * Lookup of a voter by IIN in the encrypted store (blind index, SQLite, decryption of six fields and two
 * templates). Target: under 1 ms at 3,000 voters (issue 5).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RegisterLookupBenchmark {

    @Param("3000")
    int voters;

    private Path directory;
    private KioskDatabase database;
    private RegisterStore store;
    private List<Iin> iins;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("sailau-bench-lookup");
        database = KioskDatabase.open(directory.resolve("kiosk.db"), RegisterStore.MIGRATIONS, StoreOptions.DEFAULT,
                Clock.systemUTC());
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        store = new RegisterStore(database, new StoreKeys(master), new SecureRandom());
        RegisterContents contents = SyntheticRegister.contents(voters, 1, "sourceafis-bench");
        store.replace(contents, "0".repeat(64), Clock.systemUTC(), LoadProgress.NONE);
        iins = contents.records().stream().map(r -> r.voter().iin()).toList();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        database.close();
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One lookup of an existing voter, cycling through the register. */
    @Benchmark
    public RegisteredVoter findByIin() {
        Iin iin = iins.get(next);
        next = (next + 7) % iins.size();
        return store.findByIin(iin).orElseThrow();
    }
}
