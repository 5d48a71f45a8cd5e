package kz.sailau.kiosk.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.CheckInAuditMapping;
import kz.sailau.kiosk.audit.DayCounts;
import kz.sailau.kiosk.audit.SignedHead;

/**
 * The closing tally, posted after the close: check-ins by method, refusals by reason, tokens issued, voided and
 * served by hand, whether they reconcile, the paper forms of the day, the ballot desk's redeemed count once it is
 * known (printed again after {@code token reconcile}), and the final signed head as a QR code. Every number but the
 * redeemed count comes from the audit log, so it equals what {@code bundle verify} prints from the bundle.
 *
 * @param heading    election, precinct, time
 * @param counts     the day's counts from the log
 * @param paperForms the check-ins with a paper form reference (overrides and fallback check-ins)
 * @param redeemed   tokens redeemed at the ballot desk, when known
 * @param head       the final signed head (the one the close signed)
 */
public record ClosingTally(ReportHeading heading, DayCounts counts, long paperForms, OptionalLong redeemed,
                           SignedHead head) {

    /** @throws IllegalArgumentException on a negative redeemed count */
    public ClosingTally {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(redeemed, "redeemed");
        Objects.requireNonNull(head, "head");
        if (redeemed.isPresent() && redeemed.getAsLong() < 0) {
            throw new IllegalArgumentException("a redeemed count is not negative");
        }
    }

    /** Tokens that could be redeemed: issued − voided. */
    public long tokensValid() {
        return counts.tokensIssued() - counts.tokensVoided();
    }

    /**
     * The tally of a closed day.
     *
     * @param heading  election, precinct, time
     * @param entries  the audit log in chain order (entries after the close, such as the wipe, are ignored)
     * @param redeemed the ballot desk's redeemed count, when known
     * @throws ReportException {@code report.error.dayOpen} before the close, {@code report.error.redeemedTooMany}
     *                         when more tokens were redeemed than are valid
     */
    public static ClosingTally of(ReportHeading heading, List<AuditEntry> entries, OptionalLong redeemed)
            throws ReportException {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(redeemed, "redeemed");
        int closed = -1;
        for (int i = 0; i < entries.size() && closed < 0; i++) {
            if (entries.get(i).event().type() == AuditEventType.DAY_CLOSED) {
                closed = i;
            }
        }
        if (closed < 0) {
            throw new ReportException("report.error.dayOpen", "the day is not closed yet");
        }
        // The close is followed by its signed head: the tally commits to that one, not to a later wipe's.
        List<AuditEntry> day = entries.subList(0, Math.min(entries.size(), closed + 2));
        SignedHead head = SignedHead.latest(day).orElseThrow(() -> new ReportException("report.error.noSignedHead",
                "the close has no signed head"));
        DayCounts counts = DayCounts.of(day);
        long forms = day.stream().filter(e -> e.event().field(CheckInAuditMapping.FORM_FIELD) != null).count();
        if (redeemed.isPresent() && redeemed.getAsLong() > counts.tokensIssued() - counts.tokensVoided()) {
            throw new ReportException("report.error.redeemedTooMany", "more tokens redeemed than valid");
        }
        return new ClosingTally(heading, counts, forms, redeemed, head);
    }
}
