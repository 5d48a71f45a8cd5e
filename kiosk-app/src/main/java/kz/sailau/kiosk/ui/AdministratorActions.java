package kz.sailau.kiosk.ui;

import java.util.Optional;

/**
 * What the administrator screens can ask of the kiosk: the passphrase, leaving the screens, and the capabilities
 * this kiosk offers. A capability is present or absent ({@link Optional}); the screens show a pane only for a
 * capability that is present, so no button ever answers "not in this build". Every failure is an
 * {@link AdministratorException} carrying a message key. Methods block: the screens call them on a worker thread
 * ({@link BackgroundWork}).
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
     * Checks the administrator's passphrase (unlocks the kiosk store if it is locked). The caller clears the array.
     *
     * @throws AdministratorException {@code crypto.error.wrongPassphrase} (or another key) on a wrong passphrase
     */
    void unlock(char[] passphrase) throws AdministratorException;

    /** Leaves the kiosk (only the administrator can). */
    void exitKiosk();

    /**
     * Why the voter screens must not open now (a message key), e.g. {@code admin.error.noClerks} when no clerk
     * could act; empty when they may open. Called on a worker thread.
     */
    default Optional<String> voterScreensBlocked() {
        return Optional.empty();
    }

    /**
     * Gives the actions the voter screens' model, so that the logic-and-accuracy test can switch it to the
     * test engine. Called once by {@link KioskScreens}.
     */
    default void attachCheckInScreens(CheckInScreenModel model) {
    }

    /** Where the file choices look for files: the removable media mounted on this kiosk. */
    default RemovableMedia removableMedia() {
        return RemovableMedia.standard();
    }

    /** Loading a register package, when this kiosk offers it. */
    default Optional<RegisterLoading> registerLoading() {
        return Optional.empty();
    }

    /** The editable device settings (the "Devices" pane), when this kiosk offers them. */
    default Optional<DeviceSettingsActions> deviceSettingsActions() {
        return Optional.empty();
    }

    /** Closing the election day and wiping the biometric data, when this kiosk offers it. */
    default Optional<DayClosing> dayClosing() {
        return Optional.empty();
    }

    /** The pre-election logic-and-accuracy test, when this kiosk offers it. */
    default Optional<LogicAccuracyTesting> logicAccuracyTesting() {
        return Optional.empty();
    }

    /** Printing the day's reports and reading the turnout, when this kiosk offers it (it has a printer). */
    default Optional<ReportPrinting> reportPrinting() {
        return Optional.empty();
    }

    /** The commission members' kiosk logins (the clerk roster), when this kiosk offers them. */
    default Optional<ClerkRosterActions> clerkRoster() {
        return Optional.empty();
    }

    /**
     * The precinct network's members, and adding, removing and replacing machines, when this kiosk is a node of
     * its precinct network (a standalone kiosk offers no such pane).
     */
    default Optional<PrecinctMembership> precinctMembership() {
        return Optional.empty();
    }

    /** How long voters wait, phase by phase (the check-in timeline), when this kiosk measures it. */
    default Optional<WaitTimes> waitTimes() {
        return Optional.empty();
    }
}
