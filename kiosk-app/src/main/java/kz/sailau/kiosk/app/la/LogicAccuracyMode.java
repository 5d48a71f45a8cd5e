package kz.sailau.kiosk.app.la;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import kz.sailau.kiosk.app.assembly.ElectionDayKiosk;
import kz.sailau.kiosk.audit.AdministrationEvents;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.DayCounts;
import kz.sailau.kiosk.audit.ElectionDay;
import kz.sailau.kiosk.audit.LogicAccuracyEvents;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterException;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-election logic-and-accuracy (L&amp;A) test of a kiosk: the commission runs the kiosk end to end on a
 * test register before election day, sees the counters move, then ends the test and everything returns to
 * zero (decision 0072).
 *
 * <p>The test never touches the real register, counters, check-in marks or issued-ids table: it runs a
 * second {@link CheckInEngine} over a separate {@link LogicAccuracyStore} ({@code la-test.db},
 * the test's issued token ids inside it), loaded from a test package that the authority signs for
 * the test election {@code LA-TEST-<election>}. Its tokens carry that election id, so every ballot desk refuses
 * them ({@code TEST_TOKEN}). The real audit chain receives exactly two entries, {@code LA_TEST_STARTED}
 * (test package hash, test voters) and {@code LA_TEST_ENDED} (check-ins, refusals, overrides, tokens of the
 * test), both signed with the kiosk key; the day's counts therefore never include the test.
 *
 * <p>The test is refused once the polls are open (a real check-in is recorded) or the day is closed. While it
 * runs the voter screens are switched to the test engine ({@link Screens}) and show a TEST banner. A test
 * interrupted by a restart leaves its store behind: {@link #end} then tallies, wipes and records it too.
 * Thread-safe; every method blocks (call off the FX thread).
 */
public final class LogicAccuracyMode {

    private static final Logger LOG = LoggerFactory.getLogger(LogicAccuracyMode.class);

    /** The voter screens, switched to the test engine while the test runs. */
    public interface Screens {
        /** Routes every card, finger and clerk action to {@code engine}; shows the TEST banner. */
        void useTestEngine(CheckInEngine engine, Supplier<Counters> counters);

        /** Routes everything back to the real engine; removes the banner. */
        void useRealEngine();
    }

    /** Writes a missing test package on demand (the demo builds one from its demo voters). */
    public interface TestPackageSource {
        /** Writes the test package to {@code file}. */
        void write(Path file) throws IOException;
    }

    /**
     * The state of the test, counts only.
     *
     * @param running     whether a test is running
     * @param interrupted whether a test store was left by a test that a restart interrupted
     * @param testVoters  voters of the test register (0 when none)
     * @param checkIns    test check-ins
     * @param refusals    refused test check-ins
     * @param overrides   test check-ins by clerk override
     * @param tokensIssued test tokens issued
     */
    public record Status(boolean running, boolean interrupted, long testVoters, long checkIns, long refusals,
                         long overrides, long tokensIssued) {
        /** No test, all counters zero. */
        public static final Status IDLE = new Status(false, false, 0, 0, 0, 0, 0);
    }

    private final KioskDataDirectory directory;
    private final KioskDatabase database;
    private final List<Migration> migrations;
    private final ElectionId election;
    private final String extractorVersion;
    private final ElectionDayKiosk electionDay;
    private final Clock clock;
    private final SecureRandom random;
    private Optional<TestPackageSource> packageSource = Optional.empty();
    private Optional<Screens> screens = Optional.empty();
    private LogicAccuracyStore running;
    private CheckInEngine runningEngine;
    private long testVoters;

    /**
     * @param directory        the kiosk data directory (the test store goes beside the real database)
     * @param database         the kiosk's real database (read for the refusal rules; receives the two events)
     * @param migrations       every migration of the kiosk database
     * @param election         the real election; the test package must be for {@code LA-TEST-<election>}
     * @param extractorVersion the matcher's template version
     * @param electionDay      the election day's kiosk: the test engine comes from its assembly (same policy,
     *                         matcher, clerk PINs and kiosk token key) and drives its devices while the test runs
     * @param clock            time
     * @param random           randomness (store, token ids)
     */
    public LogicAccuracyMode(KioskDataDirectory directory, KioskDatabase database, List<Migration> migrations,
                             ElectionId election, String extractorVersion, ElectionDayKiosk electionDay, Clock clock,
                             SecureRandom random) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.database = Objects.requireNonNull(database, "database");
        this.migrations = List.copyOf(migrations);
        this.election = Objects.requireNonNull(election, "election");
        this.extractorVersion = Objects.requireNonNull(extractorVersion, "extractorVersion");
        this.electionDay = Objects.requireNonNull(electionDay, "electionDay");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Sets who writes a missing test package (the demo); without one a missing file is refused. */
    public synchronized LogicAccuracyMode withPackageSource(TestPackageSource source) {
        packageSource = Optional.of(source);
        return this;
    }

    /** Attaches the voter screens that the test switches. */
    public synchronized void attach(Screens screens) {
        this.screens = Optional.of(screens);
        // A test started before these screens existed (from the first unlock): they must run on it too.
        if (running != null && runningEngine != null) {
            LogicAccuracyStore current = running;
            screens.useTestEngine(runningEngine, current::counters);
        }
    }

    /** The test election id ({@code LA-TEST-<election>}): of the test package and of every test token. */
    public ElectionId testElection() {
        return election.logicAccuracyTest();
    }

    /**
     * Starts the test: checks that the polls have not opened, creates a fresh test store, loads the test package
     * into it, records {@code LA_TEST_STARTED} (signed) and switches the screens to the test engine.
     *
     * @param credentials the unlocked kiosk keys
     * @param testPackage the test register package
     * @param progress    load progress
     * @return the status after the start
     * @throws LogicAccuracyException {@code la.error.running}, {@code la.error.pollsOpen}, {@code la.error.dayClosed},
     *                                a register refusal key, or {@code la.error.failed}
     */
    public synchronized Status start(KioskCredentials credentials, Path testPackage, LoadProgress progress)
            throws LogicAccuracyException {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(testPackage, "testPackage");
        if (running != null || LogicAccuracyStore.present(directory.path())) {
            throw new LogicAccuracyException("la.error.running", "a test store is already present", null);
        }
        refuseWhenPollsOpened();
        try {
            if (!Files.exists(testPackage) && packageSource.isPresent()) {
                packageSource.get().write(testPackage);
            }
        } catch (IOException | RuntimeException e) {
            throw new LogicAccuracyException("la.error.failed", "test package could not be written: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        LogicAccuracyStore store = null;
        try {
            store = LogicAccuracyStore.open(directory.path(), migrations, credentials, clock, random);
            LoadedRegister loaded = store.load(testPackage, directory.profile(), election, directory.pinnedAuthority(),
                    credentials, extractorVersion, clock, progress);
            CheckInEngine engine = store.engine(electionDay, testElection());
            AdministrationEvents.record(database, Optional.of(credentials),
                    LogicAccuracyEvents.started(loaded.packageSha256(), loaded.voterCount()), clock);
            running = store;
            runningEngine = engine;
            testVoters = loaded.voterCount();
            LogicAccuracyStore current = store;
            electionDay.useTestEngine(engine);
            screens.ifPresent(s -> s.useTestEngine(engine, current::counters));
            LOG.info("logic-and-accuracy test started with {} test voters", loaded.voterCount());
            return status();
        } catch (RegisterException e) {
            throw discard(store, new LogicAccuracyException(e.messageKey(), e.getMessage(), e));
        } catch (KioskCryptoException e) {
            throw discard(store, new LogicAccuracyException(e.messageKey(), e.getMessage(), e));
        } catch (StoreException e) {
            throw discard(store, new LogicAccuracyException(e.messageKey(), e.getMessage(), e));
        } catch (IOException | RuntimeException e) {
            throw discard(store, new LogicAccuracyException("la.error.failed", "test could not start: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e));
        }
    }

    private LogicAccuracyException discard(LogicAccuracyStore store, LogicAccuracyException failure) {
        if (store != null) {
            store.close();
        }
        try {
            LogicAccuracyStore.wipe(directory.path());
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /** The status with the live test counters (zeros when no test runs). */
    public synchronized Status status() {
        if (running == null) {
            return LogicAccuracyStore.present(directory.path()) ? new Status(false, true, 0, 0, 0, 0, 0) : Status.IDLE;
        }
        LogicAccuracyStore.Tally tally = running.tally();
        return new Status(true, false, testVoters, tally.checkIns(), tally.refusals(), tally.overrides(),
                tally.tokensIssued());
    }

    /**
     * Ends the test (a running one, or one a restart interrupted): switches the screens back to the real engine,
     * tallies the test, closes and wipes the test store (zeros, then delete) and records {@code LA_TEST_ENDED}
     * with the tally (signed). Afterwards {@link #status()} is all zeros.
     *
     * @return what happened during the test
     * @throws LogicAccuracyException {@code la.error.notRunning}, or {@code la.error.failed} when the wipe fails
     */
    public synchronized Status end(KioskCredentials credentials) throws LogicAccuracyException {
        Objects.requireNonNull(credentials, "credentials");
        LogicAccuracyStore store = running;
        if (store == null) {
            return endLeftOver(directory, database, migrations, credentials, clock, random);
        }
        electionDay.useRealEngine();
        screens.ifPresent(Screens::useRealEngine);
        long voters = testVoters;
        running = null;
        runningEngine = null;
        testVoters = 0;
        return finish(store, voters, directory, database, credentials, clock);
    }

    /**
     * Whether a test store is in the data directory: a running test, or one that a restart interrupted.
     *
     * @param directory the kiosk data directory
     */
    public static boolean testStorePresent(KioskDataDirectory directory) {
        return LogicAccuracyStore.present(directory.path());
    }

    /**
     * Ends a test whose store was left in the data directory while the kiosk program was stopped (the
     * {@code la end} command): tallies it, wipes it and records {@code LA_TEST_ENDED}, as {@link #end} does.
     *
     * @throws LogicAccuracyException {@code la.error.notRunning} when there is no test store
     */
    public static Status endLeftOver(KioskDataDirectory directory, KioskDatabase database, List<Migration> migrations,
                                     KioskCredentials credentials, Clock clock, SecureRandom random)
            throws LogicAccuracyException {
        if (!LogicAccuracyStore.present(directory.path())) {
            throw new LogicAccuracyException("la.error.notRunning", "no test is running", null);
        }
        LogicAccuracyStore store = LogicAccuracyStore.open(directory.path(), migrations, credentials, clock, random);
        long voters;
        try {
            voters = store.loaded().map(LoadedRegister::voterCount).orElse(0);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return finish(store, voters, directory, database, credentials, clock);
    }

    private static Status finish(LogicAccuracyStore store, long voters, KioskDataDirectory directory,
                                 KioskDatabase database, KioskCredentials credentials, Clock clock)
            throws LogicAccuracyException {
        LogicAccuracyStore.Tally tally;
        try {
            tally = store.tally();
        } finally {
            store.close();
        }
        try {
            LogicAccuracyStore.wipe(directory.path());
        } catch (IOException e) {
            throw new LogicAccuracyException("la.error.failed", "test store could not be wiped: " + e.getMessage(),
                    e);
        }
        AdministrationEvents.record(database, Optional.of(credentials), LogicAccuracyEvents.ended(tally.checkIns(),
                tally.refusals(), tally.overrides(), tally.tokensIssued()), clock);
        LOG.info("logic-and-accuracy test ended: {} check-ins, {} refusals, {} overrides, {} tokens; test store wiped",
                tally.checkIns(), tally.refusals(), tally.overrides(), tally.tokensIssued());
        return new Status(false, false, voters, tally.checkIns(), tally.refusals(), tally.overrides(),
                tally.tokensIssued());
    }

    private void refuseWhenPollsOpened() throws LogicAccuracyException {
        if (database.read(ElectionDay::phase) != ElectionDay.Phase.OPEN) {
            throw new LogicAccuracyException("la.error.dayClosed", "the election day is closed", null);
        }
        long rows = database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM checkin");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
        long logged = database.read(c -> DayCounts.of(AuditLog.readAll(c)).checkIns());
        if (rows > 0 || logged > 0) {
            throw new LogicAccuracyException("la.error.pollsOpen", "real check-ins are recorded: " + Math.max(rows,
                    logged), null);
        }
    }
}
