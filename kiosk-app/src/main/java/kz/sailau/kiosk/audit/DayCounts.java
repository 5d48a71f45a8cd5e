package kz.sailau.kiosk.audit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The day's counts, every one computed from the audit log (so an observer recomputes them from the signed bundle
 * and no side file can change them): check-ins by kind from the check-in events, tokens from
 * {@link AuditEventType#TOKEN_ISSUED}, {@link AuditEventType#TOKEN_VOIDED} and
 * {@link AuditEventType#TOKEN_NOT_ISSUED}, which the ledger writes in the same transaction as the check-in or void
 * they belong to.
 *
 * @param byFingerprint     check-ins after a fingerprint match (with or without a card)
 * @param byOverride        check-ins by clerk override
 * @param inFallback        check-ins in manual fallback
 * @param overridesByReason override reason code to count
 * @param refusalsByReason  refusal reason code to count
 * @param tokensIssued      ballot tokens issued (including later voided ones)
 * @param tokensVoided      ballot tokens voided
 * @param tokensNotIssued   check-ins for which no token could be issued (the clerk issued by hand)
 * @param onSpecialList     check-ins of voters the commission added to the special list
 * @param paperMarks        marks made on the printed voter list during an outage and entered afterwards
 *                          ({@link AuditEventType#PAPER_MARK_ENTERED}): voters who voted without a ballot token from
 *                          a kiosk, so not check-ins and not part of the reconciliation
 */
public record DayCounts(long byFingerprint, long byOverride, long inFallback, Map<String, Long> overridesByReason,
                        Map<String, Long> refusalsByReason, long tokensIssued, long tokensVoided,
                        long tokensNotIssued, long onSpecialList, long paperMarks) {

    /** Counts of a day without paper marks. */
    public DayCounts(long byFingerprint, long byOverride, long inFallback, Map<String, Long> overridesByReason,
                     Map<String, Long> refusalsByReason, long tokensIssued, long tokensVoided, long tokensNotIssued,
                     long onSpecialList) {
        this(byFingerprint, byOverride, inFallback, overridesByReason, refusalsByReason, tokensIssued, tokensVoided,
                tokensNotIssued, onSpecialList, 0);
    }

    /** Counts of a day without special-list check-ins. */
    public DayCounts(long byFingerprint, long byOverride, long inFallback, Map<String, Long> overridesByReason,
                     Map<String, Long> refusalsByReason, long tokensIssued, long tokensVoided, long tokensNotIssued) {
        this(byFingerprint, byOverride, inFallback, overridesByReason, refusalsByReason, tokensIssued, tokensVoided,
                tokensNotIssued, 0, 0);
    }

    /** Copies the maps, sorted by code (so that they print the same on every run: observers compare outputs). */
    public DayCounts {
        overridesByReason = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(overridesByReason,
                "overridesByReason")));
        refusalsByReason = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(refusalsByReason,
                "refusalsByReason")));
    }

    /** All check-ins. */
    public long checkIns() {
        return byFingerprint + byOverride + inFallback + onSpecialList;
    }

    /** Whether check-ins = tokens issued − voided (+ check-ins the clerk served by hand). */
    public boolean reconciles() {
        return checkIns() == tokensIssued - tokensVoided + tokensNotIssued;
    }

    /**
     * Counts the events of {@code entries} (up to, not including, any {@link AuditEventType#DAY_CLOSED}).
     *
     * @param entries the log in chain order
     */
    public static DayCounts of(List<AuditEntry> entries) {
        long issued = 0;
        long fingerprint = 0;
        long override = 0;
        long fallback = 0;
        long voided = 0;
        long notIssued = 0;
        long specialList = 0;
        long paperMarks = 0;
        Map<String, Long> overrides = new TreeMap<>();
        Map<String, Long> refusals = new TreeMap<>();
        for (AuditEntry entry : entries) {
            AuditEvent event = entry.event();
            switch (event.type()) {
                case CHECK_IN_BY_FINGERPRINT -> fingerprint++;
                case CHECK_IN_BY_OVERRIDE -> {
                    override++;
                    overrides.merge(String.valueOf(event.field("reason")), 1L, Long::sum);
                }
                case CHECK_IN_IN_FALLBACK -> fallback++;
                case CHECK_IN_ON_SPECIAL_LIST -> specialList++;
                case PAPER_MARK_ENTERED -> paperMarks++;
                case CHECK_IN_REFUSED -> refusals.merge(String.valueOf(event.field("reason")), 1L, Long::sum);
                case TOKEN_ISSUED -> issued++;
                case TOKEN_VOIDED -> voided++;
                case TOKEN_NOT_ISSUED -> notIssued++;
                default -> { }
            }
            if (event.type() == AuditEventType.DAY_CLOSED) {
                break;
            }
        }
        return new DayCounts(fingerprint, override, fallback, overrides, refusals, issued, voided, notIssued,
                specialList, paperMarks);
    }
}
