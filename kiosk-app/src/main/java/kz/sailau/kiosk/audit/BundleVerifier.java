package kz.sailau.kiosk.audit;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.KioskSignatures;

/**
 * The observer's verification of an end-of-day bundle: the detached signature (by a kiosk certificate issued
 * by the authority), the audit chain and its signed heads (with that certificate's key), the counts against
 * the log, and the reconciliation check-ins = tokens issued − voided (+ served by hand); with the ballot
 * desk's redeem count also tokens valid = redeemed + unused (unused never negative).
 */
public final class BundleVerifier {

    private BundleVerifier() {
    }

    /**
     * One check and its outcome.
     *
     * @param name    what was checked
     * @param passed  whether it passed
     * @param message what was found
     */
    public record Check(String name, boolean passed, String message) {
    }

    /**
     * All checks.
     *
     * @param checks in order
     * @param audit  the audit log verification (its first problem and position)
     */
    public record Result(List<Check> checks, AuditVerifier.Report audit) {

        /** Whether every check passed. */
        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }
    }

    /**
     * Verifies a bundle.
     *
     * @param json      the bundle file's bytes
     * @param signature the detached signature's bytes, or null when absent
     * @param authority the authority certificate; when null only the chain and the kiosk certificate carried
     *                  in the signature are used (no proof of who signed)
     * @param redeemed  the ballot desk's count of redeemed tokens, if known
     */
    public static Result verify(byte[] json, byte[] signature, X509Certificate authority, OptionalLong redeemed) {
        Objects.requireNonNull(json, "json");
        List<Check> checks = new ArrayList<>();
        Optional<PublicKey> kioskKey = Optional.empty();
        if (signature == null) {
            checks.add(new Check("signature", false, "no detached signature file"));
        } else if (authority == null) {
            try {
                kioskKey = Optional.of(KioskSignatures.signerCertificate(signature).getPublicKey());
                checks.add(new Check("signature", true,
                        "not checked against an authority (no certificate given); chain heads checked with the "
                                + "kiosk certificate carried in the signature"));
            } catch (KioskCryptoException e) {
                checks.add(new Check("signature", false, e.getMessage()));
            }
        } else {
            try {
                X509Certificate kiosk = KioskSignatures.verifyDetached(json, signature, authority);
                kioskKey = Optional.of(kiosk.getPublicKey());
                checks.add(new Check("signature", true, "valid, signed by "
                        + kiosk.getSubjectX500Principal().getName() + ", certified by "
                        + authority.getSubjectX500Principal().getName()));
            } catch (KioskCryptoException e) {
                checks.add(new Check("signature", false, e.getMessage()));
                try {
                    kioskKey = Optional.of(KioskSignatures.signerCertificate(signature).getPublicKey());
                } catch (KioskCryptoException ignored) {
                    // The chain is still checked below, without head signatures.
                }
            }
        }
        DayBundle.Parsed parsed = DayBundle.parse(json);
        DayBundle bundle = parsed.bundle();
        AuditVerifier.Report audit = AuditVerifier.verify(bundle.entries(), kioskKey, parsed.statedHeadSequence(),
                parsed.statedHeadHash());
        checks.add(new Check("audit log", audit.intact(), audit.describe()));
        DayCounts recomputed = DayCounts.of(bundle.entries(), bundle.counts().tokensIssued());
        boolean countsMatch = recomputed.equals(bundle.counts()) && parsed.statedCheckIns() == recomputed.checkIns()
                && closedEntryAgrees(bundle.entries(), recomputed);
        checks.add(new Check("counts", countsMatch, countsMatch
                ? recomputed.checkIns() + " check-ins (" + recomputed.byFingerprint() + " fingerprint, "
                + recomputed.byOverride() + " override, " + recomputed.inFallback() + " fallback), refusals "
                + recomputed.refusalsByReason()
                : "the stated counts differ from the counts of the audit log"));
        long valid = bundle.counts().tokensIssued() - bundle.counts().tokensVoided();
        boolean balanced = recomputed.reconciles() && parsed.statedBalanced() == recomputed.reconciles();
        checks.add(new Check("reconciliation", balanced, "check-ins " + recomputed.checkIns() + ", tokens issued "
                + bundle.counts().tokensIssued() + " − voided " + bundle.counts().tokensVoided() + " = " + valid
                + (recomputed.tokensNotIssued() > 0 ? ", served by hand " + recomputed.tokensNotIssued() : "")));
        if (redeemed.isPresent()) {
            long unused = valid - redeemed.getAsLong();
            checks.add(new Check("ballot desk", unused >= 0, "tokens valid " + valid + " = redeemed "
                    + redeemed.getAsLong() + " + unused " + unused));
        }
        return new Result(List.copyOf(checks), audit);
    }

    private static boolean closedEntryAgrees(List<AuditEntry> entries, DayCounts counts) {
        for (AuditEntry entry : entries) {
            if (entry.event().type() == AuditEventType.DAY_CLOSED) {
                AuditEvent e = entry.event();
                return String.valueOf(counts.checkIns()).equals(e.field("checkIns"))
                        && String.valueOf(counts.tokensIssued()).equals(e.field("tokensIssued"))
                        && String.valueOf(counts.tokensVoided()).equals(e.field("tokensVoided"));
            }
        }
        return false;
    }
}
