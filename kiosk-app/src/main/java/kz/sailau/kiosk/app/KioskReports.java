package kz.sailau.kiosk.app;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.printer.Receipt;
import kz.sailau.kiosk.devices.printer.ReceiptPrinter;
import kz.sailau.kiosk.report.ClosingTally;
import kz.sailau.kiosk.report.OpeningReport;
import kz.sailau.kiosk.report.PaperForms;
import kz.sailau.kiosk.report.ReportException;
import kz.sailau.kiosk.report.ReportHeading;
import kz.sailau.kiosk.report.ReportLayouts;
import kz.sailau.kiosk.report.Turnout;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreException;
import kz.sailau.kiosk.ui.AdministratorActions.AdministratorException;
import kz.sailau.kiosk.ui.Messages;
import kz.sailau.kiosk.ui.ReportPrinting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's reports on its receipt printer: each is computed from the audit log of the kiosk database
 * ({@link kz.sailau.kiosk.report}), laid out in the language on screen and printed through the same driver as the
 * ballot tokens. The opening report first checks that nothing is counted, then signs the audit head (a
 * {@code CHAIN_HEAD_SIGNED} entry) so that its QR code names a head the kiosk signed; the closing tally names the head
 * the close signed; the turnout slip names none. A refused report changes nothing.
 */
public final class KioskReports implements ReportPrinting {

    private static final Logger LOG = LoggerFactory.getLogger(KioskReports.class);

    private final KioskDatabase database;
    private final String election;
    private final int precinct;
    private final Supplier<Optional<KioskCredentials>> credentials;
    private final OpeningReport.Software software;
    private final Supplier<ReceiptPrinter> printer;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param database    the kiosk database (its audit log)
     * @param election    the election id printed on every report
     * @param precinct    the precinct number printed on every report
     * @param credentials the unlocked kiosk keys (the opening report signs the head with them)
     * @param software    the running software (version, jar SHA-256)
     * @param printer     the receipt printer (opened per receipt)
     * @param clock       the time printed and the hour under way
     * @param zone        the polling station's time zone
     */
    public KioskReports(KioskDatabase database, String election, int precinct,
                        Supplier<Optional<KioskCredentials>> credentials, OpeningReport.Software software,
                        Supplier<ReceiptPrinter> printer, Clock clock, ZoneId zone) {
        this.database = Objects.requireNonNull(database, "database");
        this.election = Objects.requireNonNull(election, "election");
        this.precinct = precinct;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.software = Objects.requireNonNull(software, "software");
        this.printer = Objects.requireNonNull(printer, "printer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Turnout turnout() throws AdministratorException {
        return Turnout.of(entries(), clock.instant(), zone);
    }

    @Override
    public void printOpening(Messages messages) throws AdministratorException {
        print(openingReceipt(messages));
    }

    @Override
    public void printTurnout(Messages messages) throws AdministratorException {
        print(turnoutReceipt(messages));
    }

    @Override
    public void printPaperForms(Messages messages) throws AdministratorException {
        for (Receipt receipt : paperFormsReceipts(messages)) {
            print(receipt);
        }
    }

    @Override
    public void printClosing(Messages messages, OptionalLong redeemed) throws AdministratorException {
        print(closingReceipt(messages, redeemed));
    }

    /** The opening report, after signing the head (refused, with nothing signed, once anything is counted). */
    Receipt openingReceipt(Messages messages) throws AdministratorException {
        Objects.requireNonNull(messages, "messages");
        KioskCredentials key = credentials.get().orElseThrow(() -> new AdministratorException(
                "report.error.noSignedHead", "the kiosk key is not unlocked"));
        try {
            OpeningReport.check(entries());
            database.inTransaction(c -> AuditRecorder.signing(ChainHeadSigner.kiosk(key)).signHead(c,
                    clock.instant()));
            return ReportLayouts.opening(messages::get, OpeningReport.of(heading(), software, entries()));
        } catch (ReportException e) {
            throw refused(e);
        }
    }

    /** The turnout slip. */
    Receipt turnoutReceipt(Messages messages) throws AdministratorException {
        Objects.requireNonNull(messages, "messages");
        return ReportLayouts.turnout(messages::get, heading(), turnout());
    }

    /** The paper forms slips (one receipt per {@code FORMS_PER_SLIP} references). */
    List<Receipt> paperFormsReceipts(Messages messages) throws AdministratorException {
        Objects.requireNonNull(messages, "messages");
        return ReportLayouts.paperForms(messages::get, heading(), PaperForms.of(entries(), zone));
    }

    /** The closing tally of the closed day. */
    Receipt closingReceipt(Messages messages, OptionalLong redeemed) throws AdministratorException {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(redeemed, "redeemed");
        try {
            return ReportLayouts.closing(messages::get, ClosingTally.of(heading(), entries(), redeemed));
        } catch (ReportException e) {
            throw refused(e);
        }
    }

    private ReportHeading heading() {
        return new ReportHeading(election, precinct, clock.instant(), zone);
    }

    private List<AuditEntry> entries() throws AdministratorException {
        try {
            return database.read(AuditLog::readAll);
        } catch (StoreException | IllegalStateException e) {
            throw new AdministratorException("report.error.read", "the audit log cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    private void print(Receipt receipt) throws AdministratorException {
        try (ReceiptPrinter device = printer.get()) {
            device.print(receipt);
        } catch (DeviceException e) {
            LOG.warn("report not printed: {}", e.kind());
            throw new AdministratorException("report.error.print", "the printer failed: " + e.kind());
        }
    }

    private static AdministratorException refused(ReportException e) {
        return new AdministratorException(e.messageKey(), e.getMessage());
    }
}
