package kz.sailau.bench.startup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.sailau.bench.biometric.DemoTemplates;
import kz.sailau.bench.register.SyntheticRegister;
import kz.sailau.fingerprint.emulator.PseudoTerminal;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.prints.DemoSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Cold start of the election-day kiosk with a 3,000-voter register (issue 9: under 3 s, heap under 512 MB).
 *
 * <p>Each invocation launches a new JVM, as the kiosk's systemd unit does, limited to {@code -Xmx512m}, running
 * {@code sailau-kiosk start --ready-check}: read and check {@code kiosk.json}, check the register and the
 * ports, open the encrypted store, unlock the kiosk keys with the production Argon2id cost (64 MiB, 3 passes),
 * wire the check-in engine, and prepare the 1:N gallery of all 6,000 enrolled fingers. The measured time is
 * from process launch to its exit after "ready", so it includes the JVM's own start. The JavaFX window and the
 * serial ports are not opened (no display and no devices on a benchmark machine).
 *
 * <p>The register holds real SourceAFIS templates extracted from the committed demo set (40 voters × 2
 * fingers, repeated to fill 3,000 voters), loaded through the real {@link RegisterLoader} once per trial, with
 * one clerk in the roster (the start refuses a kiosk without one).
 * The child's own report (time per step, heap after GC and peak) is printed with each iteration.
 *
 * <p>Two trials: {@code classArchive=none}, the kiosk JVM loading its classes from the jar, and {@code appcds}, the
 * kiosk JVM mapping a class-data-sharing archive made for this class path by {@code packaging/deploy/class-archive.sh},
 * as {@code install-kiosk.sh} makes one for the installed launcher (decision 0230). The kiosk JVM loads SQLite's native
 * library from a file named to the driver, as the package's launcher does ({@code sqliteLibrary=beside}, decision 0280;
 * {@code jar}: extracted by the driver at every start, as before). Run from the repository root:
 * {@code .ci/bench coldstart}, or {@code java -jar bench/target/benchmarks.jar ColdStartBenchmark -f 1 -wi 1 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class ColdStartBenchmark {

    /** The kiosk's heap limit in the benchmark: the target. */
    static final String HEAP_LIMIT = "-Xmx512m";

    @Param("3000")
    int voters;

    /**
     * {@code appcds}: the kiosk JVM maps a class-data-sharing archive made for this class path by the packaging's own
     * {@code packaging/deploy/class-archive.sh} (the same training run and dump as {@code install-kiosk.sh} makes for
     * the installed launcher; decision 0230); {@code none}: it loads every class from the jar, as before.
     */
    @Param({"none", "appcds"})
    String classArchive;

    /**
     * {@code file}: the passphrase comes from a file at once ({@code --passphrase-file}), so the start's warm-up
     * (decision 0230) competes with the Argon2id unlock; {@code typed}: the kiosk runs on a pseudo-terminal, asks
     * for the passphrase on it, and the benchmark types it {@link #typingMillis} after the prompt appears, as the
     * administrator does on election day (the warm-up then runs during that pause).
     */
    @Param({"file", "typed"})
    String passphrase;

    /** How long the administrator takes to type the passphrase after the prompt, in the {@code typed} trial. */
    @Param("4000")
    int typingMillis;

    /**
     * {@code beside}: SQLite's native library is taken out of the class path once per trial and named to the driver
     * ({@code -Dorg.sqlite.lib.path/name}), as the package's launcher names {@code lib/app/native/libsqlitejdbc.so}
     * (decision 0230); {@code jar}: the driver writes it to the temporary directory and reads it back at every start,
     * as before.
     */
    @Param("beside")
    String sqliteLibrary;

    /** Further JVM options of the kiosk process, space-separated (e.g. a flight recording for a profile). */
    @Param("")
    String kioskOptions;

    /** Where the packaging's archive script is: the system property {@code sailau.classArchiveScript}, else this. */
    static final String CLASS_ARCHIVE_SCRIPT = "packaging/deploy/class-archive.sh";

    private Path directory;
    private Path config;
    private Path passphraseFile;
    private String passphraseText;
    private List<String> kioskCommand;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        directory = Files.createTempDirectory("sailau-bench-cold");
        AuthorityCredentials authority = AuthorityCredentials.generate("Bench authority (DEMO)", clock,
                Duration.ofDays(1), random);
        KioskDataDirectory kiosk = KioskDataDirectory.at(directory.resolve("kiosk"));
        char[] secret = "DEMO bench passphrase, cold start".toCharArray();
        Path request = kiosk.initialise(SyntheticRegister.PRECINCT, Optional.of(SyntheticRegister.ELECTION),
                authority.certificate(), secret.clone(), Argon2idParameters.DEFAULT, random);
        X509Certificate certificate = authority.certifyKiosk(Files.readAllBytes(request), clock, Duration.ofDays(1),
                random);
        KioskCredentials credentials = kiosk.unlock(secret.clone());
        // What the start checks ask for: the kiosk certificate and the precinct token key from the authority.
        Files.write(kiosk.path().resolve("kiosk.crt.pem"), Pem.certificate(certificate));
        Files.write(kiosk.path().resolve(PrecinctTokenKey.KIOSK_FILE), PrecinctTokenKey.derive(authority,
                SyntheticRegister.ELECTION, SyntheticRegister.PRECINCT).toKioskPackage(authority, certificate));

        SourceAfisMatcher matcher = new SourceAfisMatcher();
        List<byte[]> enrolled = DemoTemplates.enrolled(matcher).stream().map(FingerTemplate::bytes).toList();
        int fingers = FingerPosition.INDEX_FINGERS.size();
        Path packageFile = directory.resolve("register.srp");
        Files.write(packageFile, RegisterPackages.write(SyntheticRegister.contents(voters, 1,
                matcher.extractorVersion(), (voter, position) ->
                        enrolled.get((voter % DemoSet.COUNT) * fingers + FingerPosition.INDEX_FINGERS.indexOf(position))), authority, certificate));
        try (KioskDatabase database = KioskDatabase.open(kiosk.databaseFile(), Main.migrations(),
                StoreOptions.DEFAULT, clock)) {
            ClerkRoster.of(database, credentials, random, clock).add(new ClerkId("C01"), "470213".toCharArray());
            new RegisterLoader(new RegisterStore(database, credentials.storeKeys(), random), kiosk.profile(),
                    kiosk.pinnedAuthority(), credentials, matcher.extractorVersion(), clock,
                    RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES)
                    .guardedBy(new kz.sailau.kiosk.audit.RegisterLoadAudit(credentials, database.migrations(), clock))
                    .load(packageFile, LoadProgress.NONE);
        }
        passphraseText = new String(secret);
        passphraseFile = directory.resolve("passphrase.txt");
        Files.writeString(passphraseFile, passphraseText + "\n");
        config = directory.resolve("kiosk.json");
        Files.writeString(config, "{\"dataDirectory\": \"" + kiosk.path() + "\", "
                + "\"election\": \"" + SyntheticRegister.ELECTION.value() + "\", "
                + "\"precinct\": " + SyntheticRegister.PRECINCT.number() + ", "
                + "\"electionDay\": \"2026-12-06\", "
                + "\"scanner\": {\"port\": \"/dev/null\", \"baud\": 57600}, "
                + "\"mrzReader\": {\"port\": \"/dev/null\", \"baud\": 9600}, "
                + "\"printer\": {\"port\": \"/dev/null\", \"baud\": 19200}}\n");
        kioskCommand = kioskLauncher();
        if ("beside".equals(sqliteLibrary)) {
            kioskCommand.addAll(1, sqliteLibraryBeside(directory.resolve("native")));
        }
        if ("appcds".equals(classArchive)) {
            kioskCommand = makeClassArchive(kioskCommand, directory.resolve("kiosk.jsa"));
        }
    }

    /** {@code java -Xmx512m [options] -cp … Main}: how the kiosk program is started, like the package's launcher. */
    private List<String> kioskLauncher() {
        String launcher = ProcessHandle.current().info().command().orElse("java");
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(launcher, HEAP_LIMIT));
        Arrays.stream(kioskOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        command.addAll(List.of("-cp", classPath, "kz.sailau.kiosk.app.Main"));
        return command;
    }

    /**
     * Takes SQLite's native library for this machine out of the class path into {@code folder}, as
     * {@code packaging/build-deb.sh} does into the package, and returns the options that name it to the driver.
     */
    private static List<String> sqliteLibraryBeside(Path folder) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Files.createDirectories(folder);
        try (InputStream library = ColdStartBenchmark.class.getResourceAsStream(resource)) {
            if (library == null) {
                throw new IllegalStateException("no " + resource + " on the class path (sqlite-jdbc)");
            }
            Files.copy(library, folder.resolve(name));
        }
        return List.of("-Dorg.sqlite.lib.path=" + folder, "-Dorg.sqlite.lib.name=" + name);
    }

    /** Makes the archive with the packaging's script for this launcher; the launcher then maps it. */
    private static List<String> makeClassArchive(List<String> launcher, Path archive) throws Exception {
        Path script = Path.of(System.getProperty("sailau.classArchiveScript", CLASS_ARCHIVE_SCRIPT));
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no " + script.toAbsolutePath() + ": run the benchmark from the "
                    + "repository root, or give -Dsailau.classArchiveScript=PATH");
        }
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), archive.toString()));
        command.addAll(launcher);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the class archive was not made: " + output);
        }
        System.out.print("    [archive] " + output);
        List<String> withArchive = new ArrayList<>(launcher);
        withArchive.add(1, "-XX:SharedArchiveFile=" + archive);
        return withArchive;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One cold start: a new kiosk JVM from launch to "ready for the first voter". */
    @Benchmark
    public String coldStart() throws Exception {
        List<String> command = new ArrayList<>(kioskCommand);
        command.addAll(List.of("start", "--config", config.toString(), "--ready-check"));
        String output = "typed".equals(passphrase) ? typed(command) : fromFile(command);
        if (!output.contains("ready: ")) {
            throw new IllegalStateException("the kiosk did not start: " + output);
        }
        System.out.print(output.lines().filter(l -> l.startsWith("ready: ") || l.startsWith("heap: "))
                .map(l -> "    [kiosk] " + l + "\n").reduce("", String::concat));
        return output;
    }

    private String fromFile(List<String> command) throws Exception {
        command.addAll(List.of("--passphrase-file", passphraseFile.toString()));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the kiosk did not start: " + output);
        }
        return output;
    }

    /**
     * The kiosk on a pseudo-terminal (its standard input and output are the terminal, so it asks on its console as
     * on election day); the passphrase is typed {@link #typingMillis} after the prompt shows.
     */
    private String typed(List<String> command) throws Exception {
        try (PseudoTerminal terminal = PseudoTerminal.open()) {
            File slave = terminal.slavePath().toFile();
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(slave))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(slave))
                    .redirectError(ProcessBuilder.Redirect.appendTo(slave))
                    .start();
            StringBuilder output = new StringBuilder();
            byte[] buffer = new byte[4096];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean typed = false;
            while (System.nanoTime() < deadline) {
                int n = terminal.read(buffer, 0, buffer.length, 100);
                if (n > 0) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                if (!typed && output.indexOf("Kiosk passphrase:") >= 0) {
                    Thread.sleep(typingMillis); // the administrator typing
                    terminal.output().write((passphraseText + "\n").getBytes(StandardCharsets.UTF_8));
                    terminal.output().flush();
                    typed = true;
                }
                if (n <= 0 && !process.isAlive()) {
                    break;
                }
            }
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("the kiosk did not start: " + output);
            }
            return output.toString().replace("\r", "");
        }
    }
}
