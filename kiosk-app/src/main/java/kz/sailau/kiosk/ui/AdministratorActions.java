package kz.sailau.kiosk.ui;

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

    /** Whether the end-of-day export is available in this build. */
    boolean closeDayAvailable();

    /** Whether the logic-and-accuracy test mode is available in this build. */
    boolean logicAndAccuracyAvailable();

    /** Leaves the kiosk (only the administrator can). */
    void exitKiosk();
}
