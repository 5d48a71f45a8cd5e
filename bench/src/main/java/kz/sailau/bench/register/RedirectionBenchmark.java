package kz.sailau.bench.register;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.Redirection;
import kz.sailau.kiosk.register.RedirectionInput;
import kz.sailau.kiosk.register.RegisterContents;
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
 * The authority's redirection table at the size of the country (decision 0210): a synthetic 12 million valid IINs
 * spread over 10,000 polling stations with addresses in three languages, built from the authority's CSV files into
 * a package of a 3,000-voter precinct. Measured: {@link #load} (the kiosk's {@code register load} of that package
 * into an empty store, single shot; compare {@link RegisterLoadBenchmark} for the same precinct without a table)
 * and {@link #lookUp} ({@code RegisterStore.pollingStationOf} of a voter of another precinct, the table read once
 * and kept, as the kiosk does; target under 1 ms). The setup prints the build time and the package and table sizes.
 * Run with a heap of at least 3 GB: {@code -jvmArgs -Xmx3g}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RedirectionBenchmark {

    /** Polling stations of the synthetic country. */
    static final int STATIONS = 10_000;

    @Param("12000000")
    int citizens;

    @Param("3000")
    int voters;

    private Path directory;
    private Path packageFile;
    private KioskDataDirectory kiosk;
    private KioskCredentials credentials;
    private String extractor;
    private KioskDatabase database;
    private RegisterStore store;
    private RegisterLoader loader;
    private List<Iin> sample;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        directory = Files.createTempDirectory("sailau-bench-redirect");
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

        Path stations = directory.resolve("polling-stations.csv");
        try (BufferedWriter out = Files.newBufferedWriter(stations, StandardCharsets.UTF_8)) {
            out.write(RedirectionInput.STATIONS_HEADER + "\n");
            for (int p = 1; p <= STATIONS; p++) {
                out.write(p + ",\"№" + (p % 300 + 1) + " мектеп, Абай көшесі " + p + "\",\"Школа №" + (p % 300 + 1)
                        + ", ул. Абая " + p + "\",\"School " + (p % 300 + 1) + ", Abai Street " + p + "\"\n");
            }
        }
        Path iins = directory.resolve("redirection.csv");
        sample = new ArrayList<>();
        long started = System.nanoTime();
        try (BufferedWriter out = new BufferedWriter(Files.newBufferedWriter(iins, StandardCharsets.UTF_8), 1 << 20)) {
            out.write(RedirectionInput.REDIRECT_HEADER + "\n");
            int written = 0;
            LocalDate day = LocalDate.of(1930, 1, 1);
            while (written < citizens) {
                String date = String.format("%02d%02d%02d", day.getYear() % 100, day.getMonthValue(),
                        day.getDayOfMonth());
                char century = day.getYear() >= 2000 ? '5' : '3';
                for (int serial = 0; serial < 400 && written < citizens; serial++) {
                    String first = date + century + String.format("%04d", serial);
                    int control = Iin.controlDigit(first);
                    if (control < 0) {
                        continue;
                    }
                    int precinct = (int) (1 + (written * 7919L) % STATIONS);
                    out.write(first + control + "," + precinct + "\n");
                    if (written % 1000 == 0 && precinct != SyntheticRegister.PRECINCT.number()) {
                        sample.add(new Iin(first + control));
                    }
                    written++;
                }
                day = day.plusDays(1);
            }
        }
        long generated = System.nanoTime();
        Redirection table = RedirectionInput.build(iins, RedirectionInput.readStations(stations), random);
        long built = System.nanoTime();
        RegisterContents contents = SyntheticRegister.contents(voters, 1, extractor).withRedirection(table);
        packageFile = directory.resolve("register.srp");
        Files.write(packageFile, RegisterPackages.write(contents, authority, certificate));
        long written = System.nanoTime();
        System.out.printf("%n[redirection] %,d IINs, %,d stations: CSV %,d bytes written in %.1f s; table built in "
                        + "%.1f s (%,d bytes, %.2f bytes per IIN); package of %,d voters + table %,d bytes written in "
                        + "%.1f s%n", citizens, STATIONS, Files.size(iins), (generated - started) / 1e9,
                (built - generated) / 1e9, table.table().entryCount() * 10L, (double) Files.size(packageFile)
                        / citizens, voters, Files.size(packageFile), (written - built) / 1e9);
        Files.delete(iins);
    }

    @Setup(Level.Iteration)
    public void emptyStore() throws Exception {
        Files.deleteIfExists(kiosk.databaseFile());
        Files.deleteIfExists(Path.of(kiosk.databaseFile() + "-journal"));
        database = KioskDatabase.open(kiosk.databaseFile(), RegisterStore.MIGRATIONS, StoreOptions.DEFAULT,
                Clock.systemUTC());
        store = new RegisterStore(database, credentials.storeKeys(), new SecureRandom());
        loader = new RegisterLoader(store, kiosk.profile(), kiosk.pinnedAuthority(), credentials, extractor,
                Clock.systemUTC(), RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES);
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        database.close();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The kiosk loads the package with the 12 million-IIN table into an empty store and reads the table back once
     * (as the first voter of another precinct does): one single shot per iteration.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Optional<PollingStation> load() {
        LoadedRegister loaded = loader.load(packageFile, LoadProgress.NONE);
        if (loaded.voterCount() != voters) {
            throw new IllegalStateException("loaded " + loaded.voterCount());
        }
        return store.pollingStationOf(sample.get(0));
    }

    /** A store of its own with the package loaded and the table read once, before any measurement. */
    @State(Scope.Benchmark)
    public static class Loaded {
        KioskDatabase database;
        RegisterStore store;

        @Setup(Level.Trial)
        public void setUp(RedirectionBenchmark country) throws Exception {
            database = KioskDatabase.open(country.directory.resolve("lookup.db"), RegisterStore.MIGRATIONS,
                    StoreOptions.DEFAULT, Clock.systemUTC());
            store = new RegisterStore(database, country.credentials.storeKeys(), new SecureRandom());
            new RegisterLoader(store, country.kiosk.profile(), country.kiosk.pinnedAuthority(), country.credentials,
                    country.extractor, Clock.systemUTC(), RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES)
                    .load(country.packageFile, LoadProgress.NONE);
            store.pollingStationOf(country.sample.get(0)).orElseThrow();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            database.close();
        }
    }

    /** One lookup of a voter of another precinct in the loaded table, cycling through 12,000 such voters. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public PollingStation lookUp(Loaded loaded) {
        Iin iin = sample.get(next);
        next = (next + 1) % sample.size();
        return loaded.store.pollingStationOf(iin).orElseThrow();
    }
}
