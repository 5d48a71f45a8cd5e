package kz.sailau.kiosk.ui;

import java.util.OptionalLong;
import kz.sailau.kiosk.report.Turnout;

/**
 * The administrator's capability to print the day's reports on the receipt printer, in the language on screen, and
 * to read the turnout by whole hours. Methods block: the screens call them on a worker thread. Every failure is an
 * {@link AdministratorActions.AdministratorException} with a message key ({@code report.error.*}).
 */
public interface ReportPrinting {

    /** The turnout by whole hours, as of the start of the hour under way. */
    Turnout turnout() throws AdministratorActions.AdministratorException;

    /**
     * Signs the audit head and prints the opening (zero) report; refused once anything is counted.
     *
     * @param messages the language to print in
     */
    void printOpening(Messages messages) throws AdministratorActions.AdministratorException;

    /** Prints the turnout slip (whole hours, no audit head). */
    void printTurnout(Messages messages) throws AdministratorActions.AdministratorException;

    /** Prints the paper forms slip: every form reference of the day, its hour and override reason. */
    void printPaperForms(Messages messages) throws AdministratorActions.AdministratorException;

    /**
     * Prints the closing tally of the closed day.
     *
     * @param redeemed the ballot desk's redeemed count, when known
     */
    void printClosing(Messages messages, OptionalLong redeemed) throws AdministratorActions.AdministratorException;
}
