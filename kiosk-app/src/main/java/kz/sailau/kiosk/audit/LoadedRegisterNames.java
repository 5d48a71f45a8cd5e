package kz.sailau.kiosk.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.audit.StateAnchor.TamperedStateException;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.register.LoadedRegister;

/**
 * What a register load names besides its version and package hash — the election, the precinct and the extractor of
 * its templates — written into {@code REGISTER_LOADED} and compared with {@code register_meta} at every check
 * (decision 0506). The package hash binds them only while the package is at hand; the kiosk keeps no copy, so an
 * edit of {@code register_meta}'s election, precinct or extractor (with every voter row edited to match) was refused
 * by {@code start} at best, never by {@code audit verify --data}. None of the values is personal data: the election's
 * identifier in its own form, the precinct's number, the SHA-256 of the extractor's name.
 */
final class LoadedRegisterNames {

    static final String ELECTION = "election";
    static final String PRECINCT = "precinct";
    static final String EXTRACTOR = "extractorHash";

    private LoadedRegisterNames() {
    }

    /** The fields a {@code REGISTER_LOADED} of {@code loaded} carries for them. */
    static List<AuditField> fields(LoadedRegister loaded) {
        Objects.requireNonNull(loaded, "loaded");
        return List.of(AuditField.election(ELECTION, loaded.election()),
                AuditField.count(PRECINCT, loaded.precinct().number()),
                AuditField.digest(EXTRACTOR, extractorHash(loaded.extractorVersion())));
    }

    /**
     * Checks {@code register_meta} against the last load's fields; a load recorded before decision 0506 carries
     * none, and nothing is compared for it.
     *
     * @throws TamperedStateException {@code audit.error.stateMismatch} naming the field that differs
     */
    static void check(AuditEvent load, LoadedRegister meta) {
        differs(load, ELECTION, meta.election().value(), "election");
        differs(load, PRECINCT, Integer.toString(meta.precinct().number()), "precinct");
        String extractor = load.field(EXTRACTOR);
        if (extractor != null && !extractor.equals(extractorHash(meta.extractorVersion()))) {
            throw new TamperedStateException("audit.error.stateMismatch", "register_meta names another template "
                    + "extractor than the signed audit log's last register load");
        }
    }

    private static void differs(AuditEvent load, String field, String inTable, String what) {
        String logged = load.field(field);
        if (logged != null && !logged.equals(inTable)) {
            throw new TamperedStateException("audit.error.stateMismatch", "register_meta says " + what + " "
                    + inTable + " but the signed audit log's last register load says " + logged);
        }
    }

    private static String extractorHash(String extractorVersion) {
        return Digests.sha256Hex(extractorVersion.getBytes(StandardCharsets.UTF_8));
    }
}
