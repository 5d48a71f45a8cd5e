package kz.sailau.kiosk.ui;

import java.util.Optional;
import kz.sailau.kiosk.clerk.ClerkEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * What the administrator screens can ask of the kiosk. The app wiring implements it over the store, the
 * register loader and the devices; every failure is an {@link AdministratorException} carrying a message key.
 * Methods block: the screens call them on a worker thread.
 */
public interface AdministratorActions {

    /** A failure the administrator reads: a message key and its arguments. */
    final class AdministratorException extends Exception {
        private final String messageKey;

        /** @param messageKey the bundle key @param technicalMessage for the log, no personal data */
        public AdministratorException(String messageKey, String technicalMessage) {
            super(technicalMessage);
            this.messageKey = messageKey;
        }

        /** The bundle key of the message the administrator reads. */
        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * Checks the administrator's passphrase (unlocks the kiosk store if it is locked).
     *
     * @throws AdministratorException {@code admin.error.passphrase} on a wrong passphrase
     */
    void unlock(char[] passphrase) throws AdministratorException;

    /**
     * Loads a register package.
     *
     * @param packageFile the package
     * @param progress    receives 0..1
     * @return a one-line summary (election, precinct, version, number of voters; no personal data)
     * @throws AdministratorException with the register's refusal key
     */
    String loadRegister(Path packageFile, DoubleConsumer progress) throws AdministratorException;

    /** The device settings, one line per device (port and speed). */
    List<String> deviceSettings();

    /** The editable device settings (the "Devices" pane), when this kiosk offers them; else the lines above. */
    default Optional<DeviceSettingsActions> deviceSettingsActions() {
        return Optional.empty();
    }

    /** Whether the end-of-day export is available in this build. */
    boolean closeDayAvailable();

    /**
     * What closing the day produced, for the administrator screen (counts only, no personal data).
     *
     * @param bundle       the written bundle file
     * @param checkIns     check-ins of the day
     * @param tokensIssued ballot tokens issued
     * @param tokensVoided ballot tokens voided
     * @param reconciles   whether check-ins = tokens issued - voided
     */
    record DayClosed(Path bundle, long checkIns, long tokensIssued, long tokensVoided, boolean reconciles) {
    }

    /** Where the bundle is written unless the administrator names another file. */
    default Path defaultBundlePath() {
        return Path.of("day-bundle.json");
    }

    /** Whether the election day is already closed (or wiped); called on a worker thread. */
    default boolean dayClosed() {
        return false;
    }

    /**
     * Closes the election day and writes the signed end-of-day bundle (again, when already closed).
     *
     * @param bundle the bundle file to write
     * @throws AdministratorException with a message key when the bundle cannot be written
     */
    default DayClosed closeDay(Path bundle) throws AdministratorException {
        throw new AdministratorException("admin.notInThisBuild", "close the day is not in this build");
    }

    /**
     * Wipes templates and personal data after close ({@code WIPE_DONE} signed in the audit log).
     *
     * @return a one-line summary of what was deleted (counts only)
     * @throws AdministratorException {@code audit.error.dayNotClosed} / {@code audit.error.alreadyWiped}
     */
    default String wipe() throws AdministratorException {
        throw new AdministratorException("admin.notInThisBuild", "wipe is not in this build");
    }

    /** Whether the logic-and-accuracy test mode is available in this build. */
    boolean logicAndAccuracyAvailable();

    /**
     * The pre-election logic-and-accuracy test as the administrator sees it: counts only.
     *
     * @param running      whether a test is running (the voter screens show the TEST banner)
     * @param interrupted  whether a restart interrupted a test whose store is still there (end it to wipe it)
     * @param testVoters   voters of the test register
     * @param checkIns     test check-ins
     * @param refusals     refused test check-ins
     * @param overrides    test check-ins by clerk override
     * @param tokensIssued test tokens issued
     */
    record LogicAccuracyStatus(boolean running, boolean interrupted, long testVoters, long checkIns, long refusals,
                               long overrides, long tokensIssued) {
        /** No test: every counter zero. */
        public static final LogicAccuracyStatus IDLE = new LogicAccuracyStatus(false, false, 0, 0, 0, 0, 0);
    }

    /** The logic-and-accuracy test's state and live counters; called on a worker thread. */
    default LogicAccuracyStatus logicAccuracyStatus() {
        return LogicAccuracyStatus.IDLE;
    }

    /** The test register package the logic-and-accuracy pane proposes. */
    default Path defaultTestPackagePath() {
        return Path.of("la-test-register.srp");
    }

    /**
     * Starts the logic-and-accuracy test on a separate test store loaded from {@code testPackage}; the voter
     * screens then run on it with a TEST banner.
     *
     * @param testPackage the test register package ({@code LA-TEST-} election)
     * @param progress    receives 0..1 while the test register loads
     * @return the status after the start
     * @throws AdministratorException {@code la.error.pollsOpen}, {@code la.error.dayClosed}, {@code la.error.running},
     *                                a register refusal key, or {@code la.error.failed}
     */
    default LogicAccuracyStatus startLogicAccuracyTest(Path testPackage, DoubleConsumer progress)
            throws AdministratorException {
        throw new AdministratorException("admin.notInThisBuild", "the logic-and-accuracy test is not in this build");
    }

    /**
     * Ends the logic-and-accuracy test: the voter screens return to the real register, the test store is wiped
     * and the counters are back to zero ({@code LA_TEST_ENDED} in the audit log).
     *
     * @return what happened during the test
     * @throws AdministratorException {@code la.error.notRunning} or {@code la.error.failed}
     */
    default LogicAccuracyStatus endLogicAccuracyTest() throws AdministratorException {
        throw new AdministratorException("admin.notInThisBuild", "the logic-and-accuracy test is not in this build");
    }

    /**
     * Gives the actions the voter screens' model, so that the logic-and-accuracy test can switch it to the
     * test engine. Called once by {@link KioskScreens}.
     */
    default void attachCheckInScreens(CheckInScreenModel model) {
    }

    /** Leaves the kiosk (only the administrator can). */
    void exitKiosk();

    // --- Clerk roster (the Clerks pane, ClerksPane). Defaults: not in this build. ---

    /** Whether the clerk roster can be managed from this screen. */
    default boolean clerksAvailable() {
        return false;
    }

    /**
     * The clerk roster (login, state, failed PINs in a row; never PIN material).
     *
     * @throws AdministratorException {@code admin.error.passphrase} before the unlock
     */
    default List<ClerkEntry> clerks() throws AdministratorException {
        throw new AdministratorException("admin.notInThisBuild", "clerk roster not in this build");
    }

    /**
     * Adds a clerk with a PIN (the caller clears the array).
     *
     * @throws AdministratorException a {@code clerk.error.*} key (bad login, duplicate, removed, weak PIN)
     */
    default void addClerk(String login, char[] pin) throws AdministratorException {
        throw new AdministratorException("admin.notInThisBuild", "clerk roster not in this build");
    }

    /**
     * Sets a new PIN and unlocks the clerk (the caller clears the array).
     *
     * @throws AdministratorException a {@code clerk.error.*} key (unknown, removed, weak PIN)
     */
    default void resetClerkPin(String login, char[] pin) throws AdministratorException {
        throw new AdministratorException("admin.notInThisBuild", "clerk roster not in this build");
    }

    /**
     * Removes a clerk for good (its login is not given out again).
     *
     * @throws AdministratorException {@code clerk.error.unknown} or {@code clerk.error.removed}
     */
    default void removeClerk(String login) throws AdministratorException {
        throw new AdministratorException("admin.notInThisBuild", "clerk roster not in this build");
    }

    /**
     * Why the voter screens must not open now (a message key), e.g. {@code admin.error.noClerks} when no clerk
     * could act; empty when they may open. Called on a worker thread.
     */
    default Optional<String> voterScreensBlocked() {
        return Optional.empty();
    }
}
