package kz.sailau.kiosk.ui;

import java.nio.file.Path;

/**
 * The administrator's capability to close the election day (the signed end-of-day bundle) and, after the close,
 * to wipe the biometric data. Both are guarded on screen by a confirmation that states the consequence
 * ({@link Confirmation}); the wipe also asks for the administrator's passphrase again.
 */
public interface DayClosing {

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

    /**
     * What the wipe deleted (counts only).
     *
     * @param voters    voter records
     * @param templates fingerprint templates
     * @param checkIns  check-in marks
     */
    record Wiped(long voters, long templates, long checkIns) {
    }

    /** Where the bundle is written unless the administrator chooses removable media. */
    Path defaultBundlePath();

    /** The file name of the bundle when it is written into a chosen directory. */
    default String bundleFileName() {
        return defaultBundlePath().getFileName().toString();
    }

    /** Whether the election day is already closed (or wiped); called on a worker thread. */
    boolean dayClosed();

    /**
     * Closes the election day and writes the signed end-of-day bundle (again, when already closed).
     *
     * @param bundle the bundle file to write
     * @throws AdministratorActions.AdministratorException with a message key when the bundle cannot be written
     */
    DayClosed closeDay(Path bundle) throws AdministratorActions.AdministratorException;

    /**
     * Wipes templates and personal data after close ({@code WIPE_DONE} signed in the audit log), once the
     * administrator's passphrase is confirmed again. The caller clears the array.
     *
     * @throws AdministratorActions.AdministratorException {@code admin.error.passphrase} on a wrong passphrase
     *         (nothing wiped), {@code admin.error.dayNotClosed}, {@code admin.error.alreadyWiped} or
     *         {@code admin.error.wipe}
     */
    Wiped wipe(char[] passphrase) throws AdministratorActions.AdministratorException;
}
