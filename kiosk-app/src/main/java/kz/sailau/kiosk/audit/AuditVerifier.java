package kz.sailau.kiosk.audit;

import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.crypto.KioskSignatures;

/**
 * The observer's check of an audit log: the hash chain ({@link AuditChain#verify}), then every
 * {@link AuditEventType#CHAIN_HEAD_SIGNED} entry against the kiosk's public key and against the entry it
 * names, then (for a closed day) that the log ends with a signed head covering the entry before it, so that
 * nothing was cut off the end. The first problem is reported with its position (1-based, in stored order).
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /**
     * The outcome.
     *
     * @param chain           the chain verification (problem and position of the first break, if any)
     * @param signedHeads     number of signed heads that verified
     * @param unsignedTail    entries after the last signed head (0 for a properly closed log)
     */
    public record Report(AuditChain.Verification chain, int signedHeads, int unsignedTail) {

        /** Whether chain and signatures are all sound. */
        public boolean intact() {
            return chain.intact();
        }

        /** A sentence for the observer. */
        public String describe() {
            if (!chain.intact()) {
                return chain.describe();
            }
            return chain.describe() + "; " + signedHeads + " signed heads valid"
                    + (unsignedTail > 0 ? "; " + unsignedTail + " entries after the last signed head" : "");
        }
    }

    /**
     * Verifies {@code entries}.
     *
     * @param kioskKey     the kiosk's public key; empty checks the chain only (signed heads are then counted
     *                     as unverified: {@code signedHeads} stays 0)
     * @param mustEndSigned true for a closed day: the log must hold {@link AuditEventType#DAY_CLOSED} and end with a
     *                      signed head of the entry before it (a missing end is {@code TRUNCATED}, entries after
     *                      it {@code INSERTED})
     */
    public static Report verify(List<AuditEntry> entries, Optional<PublicKey> kioskKey, boolean mustEndSigned) {
        return verify(entries, kioskKey, mustEndSigned, false);
    }

    /**
     * Verifies the live log on a kiosk. For a closed (or wiped) day the closing signed head must be there; entries
     * the kiosk appended after the last signed head (a clerk call after close, for example) are allowed and
     * reported in {@link Report#unsignedTail()}: they are not in the bundle, and the next signed head (the wipe's)
     * covers them.
     *
     * @param dayClosed whether the kiosk database says the day is closed or wiped; a log that holds
     *                  {@link AuditEventType#DAY_CLOSED} is checked as closed whatever the database says (a phase set
     *                  back to OPEN does not lift the check)
     */
    public static Report verifyKiosk(List<AuditEntry> entries, Optional<PublicKey> kioskKey, boolean dayClosed) {
        boolean closedInLog = entries.stream().anyMatch(e -> e.event().type() == AuditEventType.DAY_CLOSED);
        return verify(entries, kioskKey, dayClosed || closedInLog, true);
    }

    private static Report verify(List<AuditEntry> entries, Optional<PublicKey> kioskKey, boolean mustEndSigned,
                                 boolean tailAllowed) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(kioskKey, "kioskKey");
        AuditChain.Verification chain = AuditChain.verify(entries);
        if (!chain.intact()) {
            return new Report(chain, 0, 0);
        }
        int signed = 0;
        int lastSigned = 0;
        boolean closingHeadSeen = false;
        boolean dayClosedSeen = false;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            dayClosedSeen |= entry.event().type() == AuditEventType.DAY_CLOSED;
            if (entry.event().type() != AuditEventType.CHAIN_HEAD_SIGNED) {
                continue;
            }
            int position = i + 1;
            long headSequence;
            byte[] signature;
            String headHash = entry.event().field("headHash");
            try {
                headSequence = Long.parseLong(Objects.requireNonNull(entry.event().field("headSequence")));
                signature = Base64.getDecoder().decode(Objects.requireNonNull(entry.event().field("signature")));
                Objects.requireNonNull(headHash);
            } catch (RuntimeException e) {
                return new Report(broken(entries, AuditChain.Problem.SIGNATURE_INVALID, position), signed, 0);
            }
            if (headSequence < 1 || headSequence >= entry.sequence()) {
                return new Report(broken(entries, AuditChain.Problem.SIGNATURE_INVALID, position), signed, 0);
            }
            if (kioskKey.isPresent()) {
                if (!KioskSignatures.verify(kioskKey.get(), ChainHeadSigner.message(headSequence, headHash), signature)) {
                    return new Report(broken(entries, AuditChain.Problem.SIGNATURE_INVALID, position), signed, 0);
                }
                signed++;
            }
            // The chain is intact, so sequence n sits at index n - 1.
            if (!entries.get((int) headSequence - 1).hash().equals(headHash)) {
                return new Report(broken(entries, locateRewrite(entries, headSequence, headHash),
                        (int) headSequence), signed, 0);
            }
            if (headSequence == entry.sequence() - 1) {
                lastSigned = position;
                closingHeadSeen |= dayClosedSeen;
            }
        }
        int tail = entries.size() - lastSigned;
        if (mustEndSigned && ((tail > 0 && !tailAllowed) || !closingHeadSeen)) {
            // After the signed head that sealed the close, anything more was added; otherwise the end is missing.
            return closingHeadSeen
                    ? new Report(broken(entries, AuditChain.Problem.INSERTED, lastSigned + 1), signed, tail)
                    : new Report(broken(entries, AuditChain.Problem.TRUNCATED, entries.size()), signed, tail);
        }
        return new Report(chain, signed, tail);
    }

    /** Verifies and also that the log ends exactly at the head a signed bundle names. */
    public static Report verify(List<AuditEntry> entries, Optional<PublicKey> kioskKey, long headSequence,
                                String headHash) {
        Report report = verify(entries, kioskKey, true);
        if (!report.intact()) {
            return report;
        }
        AuditChain.Verification againstHead = AuditChain.verify(entries, headSequence, headHash);
        if (!againstHead.intact()) {
            return new Report(againstHead, report.signedHeads(), report.unsignedTail());
        }
        if (entries.size() != headSequence) {
            return new Report(broken(entries, AuditChain.Problem.INSERTED, (int) headSequence + 1),
                    report.signedHeads(), report.unsignedTail());
        }
        return report;
    }

    /**
     * A signed head's hash is not where it was signed: found later means entries were inserted before it,
     * found earlier means entries were deleted before it, not found means the chain was rewritten.
     */
    private static AuditChain.Problem locateRewrite(List<AuditEntry> entries, long headSequence, String headHash) {
        for (AuditEntry entry : entries) {
            if (entry.hash().equals(headHash)) {
                return entry.sequence() > headSequence ? AuditChain.Problem.INSERTED : AuditChain.Problem.DELETED;
            }
        }
        return AuditChain.Problem.REWRITTEN;
    }

    private static AuditChain.Verification broken(List<AuditEntry> entries, AuditChain.Problem problem, int position) {
        return new AuditChain.Verification(false, entries.size(), problem, position, null);
    }
}
