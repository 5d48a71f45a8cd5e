package kz.sailau.kiosk.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.DayCounts;
import kz.sailau.kiosk.audit.SignedHead;

/**
 * The opening (zero) report, posted by the commission before the first voter: the voter list loaded (version,
 * package SHA-256, voters), the software (version, jar SHA-256), the counters at zero, and the audit head the kiosk
 * signed for it, as a QR code an observer later checks against the end-of-day bundle.
 *
 * @param heading         election, precinct, time
 * @param registerVersion the loaded voter list's version
 * @param registerSha256  its package's SHA-256
 * @param voters          voters in it
 * @param software        the running software
 * @param counts          the day's counts, all zero
 * @param head            the signed head the report commits to
 */
public record OpeningReport(ReportHeading heading, long registerVersion, String registerSha256, long voters,
                            Software software, DayCounts counts, SignedHead head) {

    /**
     * The running software.
     *
     * @param version   its version
     * @param jarSha256 the SHA-256 of the jar it runs from; empty when not run from a jar
     */
    public record Software(String version, Optional<String> jarSha256) {
        /** @throws NullPointerException on null */
        public Software {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(jarSha256, "jarSha256");
        }
    }

    /** @throws NullPointerException on null */
    public OpeningReport {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(registerSha256, "registerSha256");
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(head, "head");
    }

    /**
     * The opening report of a log whose head was just signed.
     *
     * @param heading  election, precinct, time
     * @param software the running software
     * @param entries  the audit log in chain order, ending in a signed head
     * @throws ReportException {@code report.error.noRegister} without a loaded voter list,
     *                         {@code report.error.notZero} once a check-in, refusal or token is recorded,
     *                         {@code report.error.dayClosed} after the close, {@code report.error.noSignedHead}
     *                         without a signed head
     */
    public static OpeningReport of(ReportHeading heading, Software software, List<AuditEntry> entries)
            throws ReportException {
        AuditEvent loaded = check(entries);
        SignedHead head = SignedHead.latest(entries).orElseThrow(() -> new ReportException(
                "report.error.noSignedHead", "the audit log has no signed head"));
        return new OpeningReport(heading, Long.parseLong(loaded.field("version")), loaded.field("packageHash"),
                Long.parseLong(loaded.field("voters")), software, DayCounts.of(entries), head);
    }

    /**
     * Checks that an opening report may be printed now, before anything is signed for it.
     *
     * @return the {@code REGISTER_LOADED} event of the voter list in force
     * @throws ReportException as {@link #of}, but for the signed head
     */
    public static AuditEvent check(List<AuditEntry> entries) throws ReportException {
        Objects.requireNonNull(entries, "entries");
        if (entries.stream().anyMatch(e -> e.event().type() == AuditEventType.DAY_CLOSED)) {
            throw new ReportException("report.error.dayClosed", "the day is closed: print the closing tally");
        }
        DayCounts counts = DayCounts.of(entries);
        if (counts.checkIns() > 0 || !counts.refusalsByReason().isEmpty() || counts.tokensIssued() > 0
                || counts.tokensNotIssued() > 0) {
            throw new ReportException("report.error.notZero", "check-ins are recorded: no opening report any more");
        }
        AuditEvent loaded = null;
        for (AuditEntry entry : entries) {
            if (entry.event().type() == AuditEventType.REGISTER_LOADED) {
                loaded = entry.event();
            }
        }
        if (loaded == null) {
            throw new ReportException("report.error.noRegister", "no voter list loaded");
        }
        return loaded;
    }
}
