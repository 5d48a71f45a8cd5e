package kz.sailau.kiosk.ui;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/** The administrator's capability to run the pre-election logic-and-accuracy test. */
public interface LogicAccuracyTesting {

    /**
     * The logic-and-accuracy test as the administrator sees it: counts only.
     *
     * @param running      whether a test is running (the voter screens show the TEST banner)
     * @param interrupted  whether a restart interrupted a test whose store is still there (end it to wipe it)
     * @param testVoters   voters of the test register
     * @param checkIns     test check-ins
     * @param refusals     refused test check-ins
     * @param overrides    test check-ins by clerk override
     * @param tokensIssued test tokens issued
     */
    record Status(boolean running, boolean interrupted, long testVoters, long checkIns, long refusals,
                  long overrides, long tokensIssued) {
        /** No test: every counter zero. */
        public static final Status IDLE = new Status(false, false, 0, 0, 0, 0, 0);

        /** Whether a test's store is there (running or interrupted): it can be ended, not started. */
        public boolean active() {
            return running || interrupted;
        }
    }

    /** The test's state and live counters; called on a worker thread. */
    Status status();

    /** The test register package proposed first (beside the files found on removable media). */
    Path defaultTestPackagePath();

    /**
     * Starts the test on a separate test store loaded from {@code testPackage}; the voter screens then run on it
     * with a TEST banner.
     *
     * @param progress receives 0..1 while the test register loads
     * @return the status after the start
     * @throws AdministratorActions.AdministratorException {@code la.error.pollsOpen}, {@code la.error.dayClosed},
     *         {@code la.error.running}, a register refusal key, or {@code la.error.failed}
     */
    Status start(Path testPackage, DoubleConsumer progress) throws AdministratorActions.AdministratorException;

    /**
     * Ends the test: the voter screens return to the real register, the test store is wiped and the counters
     * are back to zero ({@code LA_TEST_ENDED} in the audit log).
     *
     * @return what happened during the test
     * @throws AdministratorActions.AdministratorException {@code la.error.notRunning} or {@code la.error.failed}
     */
    Status end() throws AdministratorActions.AdministratorException;
}
