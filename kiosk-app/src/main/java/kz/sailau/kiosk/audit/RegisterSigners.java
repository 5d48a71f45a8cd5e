package kz.sailau.kiosk.audit;

import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kz.sailau.kiosk.crypto.Digests;

/**
 * Who signed the registers a kiosk loaded, as its audit log says (decision 0297). The kiosk verifies a register
 * package against the authority certificate pinned in its data directory at {@code kiosk init}; an insider who
 * replaces that file by a certificate of their own can sign a register of their own making, and the kiosk takes it.
 * So every {@code REGISTER_LOADED} names the SHA-256 of the certificate the package was verified with, inside the
 * hash-chained, signed log, and an observer who holds the real authority certificate checks every load against it:
 * {@code bundle verify} and {@code audit verify} (a bundle or {@code --data}) with {@code --authority-cert}.
 */
public final class RegisterSigners {

    /** The field of {@code REGISTER_LOADED} that names the authority certificate's SHA-256. */
    public static final String FIELD = "authority";

    /** The name of the check in a bundle's report. */
    public static final String CHECK = "register signer";

    private RegisterSigners() {
    }

    /**
     * Checks that every register load of the log was verified with {@code authority}.
     *
     * @param entries   the audit log
     * @param authority the real authority certificate, or null when none was given (then NOT_CHECKED, naming the
     *                  certificates the log shows so that an observer can compare them elsewhere)
     */
    public static BundleVerifier.Check check(List<AuditEntry> entries, X509Certificate authority) {
        Objects.requireNonNull(entries, "entries");
        List<AuditEntry> loads = entries.stream()
                .filter(e -> e.event().type() == AuditEventType.REGISTER_LOADED).toList();
        if (loads.isEmpty()) {
            return BundleVerifier.Check.of(CHECK, true, "no register was loaded in this log");
        }
        Set<String> named = new LinkedHashSet<>();
        for (AuditEntry load : loads) {
            String signer = load.event().field(FIELD);
            if (signer == null) {
                return BundleVerifier.Check.of(CHECK, false, "the register load at entry " + load.sequence()
                        + " does not say which authority certificate it was verified with "
                        + "[bundle.check.registerSignerMissing]");
            }
            named.add(signer);
        }
        if (authority == null) {
            return new BundleVerifier.Check(CHECK, BundleVerifier.Status.NOT_CHECKED, "NOT checked: no authority "
                    + "certificate given; the " + loads.size() + " register load(s) were verified with the "
                    + "certificate(s) of SHA-256 " + String.join(", ", named));
        }
        String expected = Digests.sha256Hex(authority);
        for (AuditEntry load : loads) {
            if (!expected.equals(load.event().field(FIELD))) {
                return BundleVerifier.Check.of(CHECK, false, "the register version " + load.event().field("version")
                        + " loaded at entry " + load.sequence() + " was verified with ANOTHER authority certificate "
                        + "(SHA-256 " + load.event().field(FIELD) + "), not " + authority.getSubjectX500Principal()
                        .getName() + " (SHA-256 " + expected + "): the kiosk's pinned authority certificate was "
                        + "replaced [bundle.check.registerSigner]");
            }
        }
        return BundleVerifier.Check.of(CHECK, true, loads.size() + " register load(s), every package verified with "
                + authority.getSubjectX500Principal().getName());
    }
}
