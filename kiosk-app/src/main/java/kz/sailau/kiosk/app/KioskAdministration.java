package kz.sailau.kiosk.app;

import kz.sailau.kiosk.audit.StateAnchor;
import java.security.SecureRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.ui.DeviceSettingsActions;
import kz.sailau.kiosk.app.la.LogicAccuracyException;
import kz.sailau.kiosk.app.la.LogicAccuracyMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.time.ZoneId;
import kz.sailau.kiosk.devices.printer.ReceiptPrinter;
import kz.sailau.kiosk.report.OpeningReport;
import kz.sailau.kiosk.ui.ReportPrinting;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import kz.sailau.kiosk.audit.AdministrationEvents;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.ElectionDay;
import kz.sailau.kiosk.audit.EndOfDay;
import kz.sailau.kiosk.audit.RegisterLoadAudit;
import kz.sailau.kiosk.clerk.ClerkEntry;
import kz.sailau.kiosk.clerk.ClerkException;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterException;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreException;
import kz.sailau.kiosk.ui.AdministratorActions;
import kz.sailau.kiosk.ui.ClerkRosterActions;
import kz.sailau.kiosk.ui.PrecinctMembership;
import kz.sailau.kiosk.ui.WaitTimes;
import kz.sailau.kiosk.timeline.PhaseTable;
import kz.sailau.kiosk.ui.DayClosing;
import kz.sailau.kiosk.ui.LogicAccuracyTesting;
import kz.sailau.kiosk.ui.RegisterLoading;
import kz.sailau.kiosk.ui.RemovableMedia;
import kz.sailau.kiosk.ui.CheckInScreenModel;

/**
 * The administrator's actions over a kiosk data directory, with every capability this kiosk offers: unlock with
 * the passphrase; load a register package with the register loader (its refusal keys reach the screen
 * unchanged); the device settings ({@link #withDeviceSettings}); close the day and, after it, wipe the biometric
 * data with the passphrase again ({@link KioskDayClosing}); the pre-election logic-and-accuracy test through
 * {@link LogicAccuracyMode}, from the first unlock when the wiring gives a factory ({@link #withLogicAccuracy});
 * the clerk roster ({@link ClerkRoster}: add, reset PIN, remove), keeping the voter screens closed while no clerk
 * is active; and the removable media the file choices list (from the configuration). Unlocks (and failed
 * unlocks), register loads and refusals are recorded in the audit log ({@code STORE_UNLOCKED},
 * {@code STORE_UNLOCK_FAILED}, {@code REGISTER_LOADED}, {@code REGISTER_REFUSED}); the head is signed with the
 * kiosk key once it is unlocked.
 */
public final class KioskAdministration implements AdministratorActions {

    private final KioskDataDirectory directory;
    private final KioskDatabase database;
    private final KioskConfiguration configuration;
    private final String extractorVersion;
    private final Clock clock;
    private final SecureRandom random;
    private final Runnable exit;
    private final Path kioskCertificate;
    private volatile KioskCredentials credentials;
    private volatile NodeCredentials nodeCredentials;
    private volatile LogicAccuracyMode logicAccuracy;
    private volatile CheckInScreenModel screens;
    private volatile Path testPackagePath;
    private volatile Function<KioskCredentials, LogicAccuracyMode> logicAccuracyFactory;
    private volatile RemovableMedia removableMedia;

    /**
     * @param directory        the kiosk data directory
     * @param database         its open database
     * @param configuration    the configuration (device settings)
     * @param extractorVersion the matcher's template version (packages must match it)
     * @param kioskCertificate the kiosk certificate from the authority (PEM), carried in the bundle signature
     * @param clock            time
     * @param random           randomness for the store
     * @param exit             leaves the kiosk
     */
    public KioskAdministration(KioskDataDirectory directory, KioskDatabase database, KioskConfiguration configuration,
                               String extractorVersion, Path kioskCertificate, Clock clock,
                               SecureRandom random, Runnable exit) {
        this.kioskCertificate = Objects.requireNonNull(kioskCertificate, "kioskCertificate");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.database = Objects.requireNonNull(database, "database");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.extractorVersion = Objects.requireNonNull(extractorVersion, "extractorVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.exit = Objects.requireNonNull(exit, "exit");
        this.testPackagePath = directory.path().resolve("la-test-register.srp");
        this.removableMedia = new RemovableMedia(configuration.removableMedia());
    }

    /** Looks for files on other media than the configured mount points (the demo, tests); returns this. */
    public KioskAdministration withRemovableMedia(RemovableMedia media) {
        removableMedia = Objects.requireNonNull(media, "media");
        return this;
    }

    @Override
    public RemovableMedia removableMedia() {
        return removableMedia;
    }

    private volatile DeviceSettingsActions deviceSettings;
    private volatile WaitTimes waitTimes;
    private volatile PrecinctMembership precinctMembership;

    /**
     * Offers the Precinct network pane (the members; add, remove, replace machines) on a kiosk that is a node of
     * its precinct network ({@link KioskPrecinctNetwork}); returns this.
     */
    public KioskAdministration withPrecinctMembership(PrecinctMembership membership) {
        precinctMembership = Objects.requireNonNull(membership, "membership");
        return this;
    }

    @Override
    public Optional<PrecinctMembership> precinctMembership() {
        return Optional.ofNullable(precinctMembership);
    }

    /**
     * Offers the check-in timeline's table on the administrator screen and puts it into the end-of-day bundle
     * (decision 0190); returns this.
     */
    public KioskAdministration withWaitTimes(WaitTimes times) {
        waitTimes = Objects.requireNonNull(times, "times");
        return this;
    }

    @Override
    public Optional<WaitTimes> waitTimes() {
        return Optional.ofNullable(waitTimes);
    }

    /** Offers the editable device settings on the administrator screen (the Devices pane); returns this. */
    public KioskAdministration withDeviceSettings(DeviceSettingsActions settings) {
        deviceSettings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    @Override
    public Optional<DeviceSettingsActions> deviceSettingsActions() {
        return Optional.ofNullable(deviceSettings);
    }

    /** Records an audit event now (signed heads once unlocked); throws when the log cannot be written. */
    public void recordNow(AuditEvent event) {
        record(Optional.ofNullable(credentials), event);
    }

    /** The credentials after a successful unlock. */
    public Optional<KioskCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /**
     * The precinct node key the administrator's passphrase unsealed with the kiosk's keys; empty for a standalone
     * kiosk or before the unlock.
     */
    public Optional<NodeCredentials> nodeCredentials() {
        return Optional.ofNullable(nodeCredentials);
    }

    /**
     * Unlocks the kiosk's keys and, on a precinct network, unseals the node key with the same passphrase
     * ({@link PrecinctKiosk#unlock}): a node key sealed under another passphrase refuses the unlock, with its key
     * and a technical message starting {@value #NODE_KEY}.
     *
     * <p>Before anything else the database is checked against the state anchored in its signed audit log with the
     * key just unsealed ({@link StateAnchor#verify}), not with the key of {@code DATA/kiosk.csr.pem} the start's
     * preflight reads: an insider who replaced that file (and the certificates beside it) with a key of their own and
     * re-signed a rewritten log cannot unlock the kiosk, so no voter screen opens over it. A refusal names the
     * anchor's key, with a technical message starting {@value #INTEGRITY}, and writes nothing to the database.
     */
    @Override
    public void unlock(char[] passphrase) throws AdministratorException {
        try {
            KioskCredentials unlocked = directory.unlock(passphrase);
            try {
                database.read(c -> StateAnchor.verify(c, unlocked.publicKey(), database.migrations()));
            } catch (StateAnchor.TamperedStateException e) {
                throw new AdministratorException(e.messageKey(), INTEGRITY + e.getMessage());
            } catch (StoreException e) {
                throw new AdministratorException(e.messageKey(), INTEGRITY + "the database cannot be read");
            }
            Optional<NodeCredentials> node;
            try {
                node = PrecinctKiosk.unlock(configuration, passphrase);
            } catch (KioskCryptoException e) {
                record(Optional.of(unlocked), AdministrationEvents.unlock(false));
                throw new AdministratorException(e.messageKey(), NODE_KEY + e.getMessage());
            } catch (IOException e) {
                throw new AdministratorException("node.error.notInitialised", NODE_KEY + "cannot be read");
            }
            record(Optional.of(unlocked), AdministrationEvents.unlock(true));
            nodeCredentials = node.orElse(null);
            credentials = unlocked;
        } catch (KioskCryptoException e) {
            record(Optional.empty(), AdministrationEvents.unlock(false));
            throw new AdministratorException(e.messageKey(), e.getMessage());
        } catch (IOException e) {
            throw new AdministratorException("store.error.read", "kiosk keys cannot be read: " + e.getMessage());
        }
    }

    /** The start of the technical message of an unlock refused by the precinct node key. */
    static final String NODE_KEY = "precinct node key: ";

    /** The start of the technical message of an unlock refused because the database disagrees with its signed log. */
    static final String INTEGRITY = "kiosk database against its signed audit log (unsealed key): ";

    @Override
    public Optional<RegisterLoading> registerLoading() {
        return Optional.of(this::loadRegister);
    }

    /** Loads a register package (the "Voter list" section); refusals are recorded and reach the screen. */
    RegisterLoading.Loaded loadRegister(Path packageFile, DoubleConsumer progress) throws AdministratorException {
        KioskCredentials unlocked = credentials;
        if (unlocked == null) {
            throw new AdministratorException("admin.error.passphrase", "not unlocked");
        }
        try {
            RegisterLoader loader = new RegisterLoader(new RegisterStore(database, unlocked.storeKeys(), random),
                    directory.profile(), directory.pinnedAuthority(), unlocked, extractorVersion, clock,
                    RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES)
                    .guardedBy(new RegisterLoadAudit(unlocked, database.migrations(), clock));
            int stages = LoadProgress.Stage.values().length;
            LoadedRegister loaded = loader.load(packageFile, (stage, done, total) ->
                    progress.accept((stage.ordinal() + (double) done / Math.max(1, total)) / stages));
            return new RegisterLoading.Loaded(loaded.election().value(), loaded.precinct().number(),
                    loaded.version(), loaded.voterCount());
        } catch (RegisterException e) {
            throw refused(unlocked, e.messageKey(), e.getMessage());
        } catch (KioskCryptoException e) {
            throw refused(unlocked, e.messageKey(), e.getMessage());
        } catch (StoreException e) {
            throw refused(unlocked, e.messageKey(), e.getMessage());
        } catch (StateAnchor.TamperedStateException e) {
            throw refused(unlocked, e.messageKey(), e.getMessage());
        } catch (IOException e) {
            throw refused(unlocked, "register.error.read", e.getMessage());
        }
    }

    private AdministratorException refused(KioskCredentials unlocked, String key, String technical) {
        record(Optional.of(unlocked), AdministrationEvents.registerRefused(key));
        return new AdministratorException(key, technical);
    }

    /**
     * Appends {@code event} to the audit log in its own transaction, the head signed at intervals when the
     * kiosk key is given. A log that cannot be written is reported, not hidden.
     */
    private void record(Optional<KioskCredentials> key, AuditEvent event) {
        record(database, key, event, clock);
    }

    static void record(KioskDatabase database, Optional<KioskCredentials> key, AuditEvent event, Clock clock) {
        AdministrationEvents.record(database, key, event, clock);
    }

    /**
     * Records {@code KIOSK_STARTED} with the software version and the election day this start judges voters on
     * (signed heads once the key is given; decision 0490).
     */
    public static void recordStarted(KioskDatabase database, Optional<KioskCredentials> key, Clock clock,
                                     LocalDate electionDay) {
        record(database, key, AdministrationEvents.kioskStarted(softwareVersion(), electionDay), clock);
    }

    /** Whether the day in {@code database} is closed or wiped. */
    public static boolean closed(KioskDatabase database) {
        return database.read(ElectionDay::phase) != ElectionDay.Phase.OPEN;
    }

    /**
     * The running software's version and, when run from a jar, the jar's SHA-256 (as {@code day close}). The hash is
     * computed once per run, at the first need (the day close, the opening report): hashing the 90 MB jar took
     * about half a second of every start when {@code KIOSK_STARTED} asked for it (decision 0230).
     */
    static EndOfDay.Software software() {
        return new EndOfDay.Software(softwareVersion(), RunningJar.SHA256);
    }

    /** The running software's version, as {@code KIOSK_STARTED} records it. */
    static String softwareVersion() {
        String version = KioskAdministration.class.getPackage().getImplementationVersion();
        return version != null && version.matches("[0-9.]+(-[A-Z]+)?") ? version : "0.1.0-SNAPSHOT";
    }

    /** The SHA-256 of the jar the kiosk runs from, computed when first read; {@code null} when not run from a jar. */
    private static final class RunningJar {
        static final String SHA256 = hash();

        private static String hash() {
            try {
                Path location = Path.of(KioskAdministration.class.getProtectionDomain().getCodeSource().getLocation()
                        .toURI());
                return Files.isRegularFile(location) ? Digests.sha256Hex(Files.readAllBytes(location)) : null;
            } catch (Exception e) {
                // Not from a jar (tests, IDE): the bundle records no jar hash.
                return null;
            }
        }
    }

    /**
     * Makes the pre-election logic-and-accuracy test available on this kiosk (the wiring calls it once the
     * engine's parts exist).
     */
    public void enableLogicAccuracy(LogicAccuracyMode mode) {
        logicAccuracy = Objects.requireNonNull(mode, "mode");
        CheckInScreenModel model = screens;
        if (model != null) {
            mode.attach(screensOf(model));
        }
    }

    /**
     * Makes the pre-election test available from the first unlock: {@code factory} builds its mode once the
     * kiosk's keys are open (before any voter screen exists); returns this.
     */
    public KioskAdministration withLogicAccuracy(Function<KioskCredentials, LogicAccuracyMode> factory) {
        logicAccuracyFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /** The logic-and-accuracy test mode, when enabled. */
    public Optional<LogicAccuracyMode> logicAccuracy() {
        return Optional.ofNullable(logicAccuracy);
    }

    @Override
    public Optional<LogicAccuracyTesting> logicAccuracyTesting() {
        if (logicAccuracy == null && logicAccuracyFactory == null) {
            return Optional.empty();
        }
        return Optional.of(new LogicAccuracyTesting() {
            @Override
            public Status status() {
                LogicAccuracyMode mode = logicAccuracy;
                return mode == null ? Status.IDLE : statusOf(mode.status());
            }

            @Override
            public Path defaultTestPackagePath() {
                return testPackagePath;
            }

            @Override
            public Status start(Path testPackage, DoubleConsumer progress) throws AdministratorException {
                LogicAccuracyMode mode = requireLogicAccuracy();
                try {
                    int stages = LoadProgress.Stage.values().length;
                    return statusOf(mode.start(credentials, testPackage, (stage, done, total) ->
                            progress.accept((stage.ordinal() + (double) done / Math.max(1, total)) / stages)));
                } catch (LogicAccuracyException e) {
                    throw new AdministratorException(e.messageKey(), e.getMessage());
                } catch (RuntimeException e) {
                    throw new AdministratorException("la.error.failed", "test could not start: "
                            + e.getClass().getSimpleName());
                }
            }

            @Override
            public Status end() throws AdministratorException {
                LogicAccuracyMode mode = requireLogicAccuracy();
                try {
                    return statusOf(mode.end(credentials));
                } catch (LogicAccuracyException e) {
                    throw new AdministratorException(e.messageKey(), e.getMessage());
                } catch (RuntimeException e) {
                    throw new AdministratorException("la.error.failed", "test could not end: "
                            + e.getClass().getSimpleName());
                }
            }
        });
    }

    @Override
    public void attachCheckInScreens(CheckInScreenModel model) {
        screens = Objects.requireNonNull(model, "model");
        LogicAccuracyMode mode = logicAccuracy;
        if (mode != null) {
            mode.attach(screensOf(model));
        }
    }

    private static LogicAccuracyMode.Screens screensOf(CheckInScreenModel model) {
        return new LogicAccuracyMode.Screens() {
            @Override
            public void useTestEngine(CheckInEngine engine,
                                      Supplier<Counters> counters) {
                model.useTestEngine(engine, counters).join();
            }

            @Override
            public void useRealEngine() {
                model.useRealEngine().join();
            }
        };
    }

    /** Sets the test package path the pane proposes (the demo's own test package). */
    public KioskAdministration withDefaultTestPackage(Path path) {
        testPackagePath = Objects.requireNonNull(path, "path");
        return this;
    }

    private synchronized LogicAccuracyMode requireLogicAccuracy() throws AdministratorException {
        KioskCredentials unlocked = credentials;
        if (unlocked == null) {
            throw new AdministratorException("admin.error.passphrase", "not unlocked");
        }
        if (logicAccuracy == null && logicAccuracyFactory != null) {
            enableLogicAccuracy(logicAccuracyFactory.apply(unlocked));
        }
        LogicAccuracyMode mode = logicAccuracy;
        if (mode == null) {
            throw new AdministratorException("la.notAvailable", "the logic-and-accuracy test is not enabled");
        }
        return mode;
    }

    private static LogicAccuracyTesting.Status statusOf(LogicAccuracyMode.Status s) {
        return new LogicAccuracyTesting.Status(s.running(), s.interrupted(), s.testVoters(), s.checkIns(),
                s.refusals(), s.overrides(), s.tokensIssued());
    }

    private volatile Supplier<ReceiptPrinter> reportPrinter;
    private volatile ZoneId reportZone = ZoneId.systemDefault();

    /**
     * Offers the printed reports and the turnout on the administrator screen (the "Reports and turnout" pane);
     * returns this.
     *
     * @param printer the receipt printer, opened per report
     * @param zone    the polling station's time zone (hours of the turnout, times printed)
     */
    public KioskAdministration withReports(Supplier<ReceiptPrinter> printer, ZoneId zone) {
        reportPrinter = Objects.requireNonNull(printer, "printer");
        reportZone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    @Override
    public Optional<ReportPrinting> reportPrinting() {
        Supplier<ReceiptPrinter> printer = reportPrinter;
        if (printer == null) {
            return Optional.empty();
        }
        EndOfDay.Software running = software();
        return Optional.of(new KioskReports(database, configuration.election(), configuration.precinct(),
                this::credentials, new OpeningReport.Software(running.version(),
                Optional.ofNullable(running.jarSha256())), printer, clock, reportZone));
    }

    @Override
    public Optional<DayClosing> dayClosing() {
        return Optional.of(new KioskDayClosing(directory, database, kioskCertificate, clock, random,
                this::credentials, () -> logicAccuracy != null && LogicAccuracyMode.testStorePresent(directory),
                () -> waitTimes == null ? PhaseTable.EMPTY : waitTimes.waitTimes()));
    }

    @Override
    public void exitKiosk() {
        exit.run();
    }

    @Override
    public Optional<ClerkRosterActions> clerkRoster() {
        return Optional.of(new ClerkRosterActions() {
            @Override
            public List<ClerkEntry> clerks() throws AdministratorException {
                return onRoster(ClerkRoster::list);
            }

            @Override
            public void addClerk(String login, char[] pin) throws AdministratorException {
                onRoster(roster -> roster.add(ClerkRoster.login(login), pin));
            }

            @Override
            public void resetClerkPin(String login, char[] pin) throws AdministratorException {
                onRoster(roster -> roster.resetPin(ClerkRoster.login(login), pin));
            }

            @Override
            public void removeClerk(String login) throws AdministratorException {
                onRoster(roster -> roster.remove(ClerkRoster.login(login)));
            }
        });
    }

    @Override
    public Optional<String> voterScreensBlocked() {
        try {
            return database.read(ClerkRoster::activeClerks) == 0 ? Optional.of("admin.error.noClerks")
                    : Optional.empty();
        } catch (StoreException e) {
            return Optional.of(e.messageKey());
        }
    }

    private <T> T onRoster(Function<ClerkRoster, T> work) throws AdministratorException {
        KioskCredentials unlocked = credentials;
        if (unlocked == null) {
            throw new AdministratorException("admin.error.passphrase", "not unlocked");
        }
        try {
            return work.apply(ClerkWiring.roster(database, unlocked, random, clock));
        } catch (ClerkException e) {
            throw new AdministratorException(e.messageKey(), e.getMessage());
        } catch (StoreException e) {
            throw new AdministratorException(e.messageKey(), e.getMessage());
        }
    }
}
