package kz.sailau.bench.register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterStore;
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
 * {@code register load} of a package of 3,000 voters x 2 fingers into an empty store: read the file, check
 * the manifest signature, decrypt (RSA-OAEP + AES-256-GCM), check the inner signature, parse, encrypt every
 * field and template, write in one transaction with full sync. Passphrase unlocking (Argon2id, once per
 * session) is not included. Target: under 10 s (issue 5).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegisterLoadBenchmark {

    @Param("3000")
    int voters;

    private Path directory;
    private Path packageFile;
    private KioskDataDirectory kiosk;
    private KioskCredentials credentials;
    private KioskDatabase database;
    private RegisterLoader loader;
    private String extractor;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        directory = Files.createTempDirectory("sailau-bench-load");
        Clock clock = Clock.systemUTC();
        AuthorityCredentials authority = AuthorityCredentials.generate("Bench authority (DEMO)", clock,
                Duration.ofDays(1), random);
        kiosk = KioskDataDirectory.at(directory.resolve("kiosk"));
        char[] passphrase = "DEMO bench passphrase".toCharArray();
        Path request = kiosk.initialise(SyntheticRegister.PRECINCT, Optional.of(SyntheticRegister.ELECTION),
                authority.certificate(), passphrase, Argon2idParameters.TEST_ONLY, random);
        X509Certificate certificate = authority.certifyKiosk(Files.readAllBytes(request), clock, Duration.ofDays(1),
                random);
        credentials = kiosk.unlock(passphrase);
        extractor = new SourceAfisMatcher().extractorVersion();
        packageFile = directory.resolve("register.srp");
        Files.write(packageFile, RegisterPackages.write(SyntheticRegister.contents(voters, 1, extractor), authority,
                certificate));
    }

    @Setup(Level.Invocation)
    public void emptyStore() throws Exception {
        Files.deleteIfExists(kiosk.databaseFile());
        Files.deleteIfExists(Path.of(kiosk.databaseFile() + "-wal"));
        Files.deleteIfExists(Path.of(kiosk.databaseFile() + "-shm"));
        database = KioskDatabase.open(kiosk.databaseFile(), RegisterStore.MIGRATIONS, StoreOptions.DEFAULT,
                Clock.systemUTC());
        RegisterStore store = new RegisterStore(database, credentials.storeKeys(), new SecureRandom());
        loader = new RegisterLoader(store, kiosk.profile(), kiosk.pinnedAuthority(), credentials, extractor,
                Clock.systemUTC(), RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES);
    }

    @TearDown(Level.Invocation)
    public void closeStore() {
        database.close();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One full load. */
    @Benchmark
    public LoadedRegister load() {
        return loader.load(packageFile, LoadProgress.NONE);
    }
}
