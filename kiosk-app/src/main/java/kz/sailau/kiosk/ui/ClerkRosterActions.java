package kz.sailau.kiosk.ui;

import java.util.List;
import kz.sailau.kiosk.clerk.ClerkEntry;

/** The administrator's capability to manage the commission members' kiosk logins (the clerk roster). */
public interface ClerkRosterActions {

    /**
     * The roster (login, state, failed PINs in a row; never PIN material).
     *
     * @throws AdministratorActions.AdministratorException {@code admin.error.passphrase} before the unlock
     */
    List<ClerkEntry> clerks() throws AdministratorActions.AdministratorException;

    /**
     * Adds a clerk with a PIN (the caller clears the array).
     *
     * @throws AdministratorActions.AdministratorException a {@code clerk.error.*} key
     */
    void addClerk(String login, char[] pin) throws AdministratorActions.AdministratorException;

    /**
     * Sets a new PIN and unlocks the clerk (the caller clears the array).
     *
     * @throws AdministratorActions.AdministratorException a {@code clerk.error.*} key
     */
    void resetClerkPin(String login, char[] pin) throws AdministratorActions.AdministratorException;

    /**
     * Removes a clerk for good (its login is not given out again).
     *
     * @throws AdministratorActions.AdministratorException {@code clerk.error.unknown} or {@code clerk.error.removed}
     */
    void removeClerk(String login) throws AdministratorActions.AdministratorException;
}
