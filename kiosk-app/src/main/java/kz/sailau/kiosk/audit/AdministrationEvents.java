package kz.sailau.kiosk.audit;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.store.KioskDatabase;

/**
 * The administrator's audit events ({@link AuditEventType#KIOSK_STARTED}, {@link AuditEventType#STORE_UNLOCKED},
 * {@link AuditEventType#STORE_UNLOCK_FAILED}, {@link AuditEventType#REGISTER_LOADED},
 * {@link AuditEventType#REGISTER_REFUSED}, the precinct network's membership changes) and a way to record one in its own transaction. Used by the
 * administrator screen and by {@code register load}; none of the fields can hold personal data.
 */
public final class AdministrationEvents {

    /** The field of {@code REGISTER_LOADED} that holds the number of templates the register holds after it. */
    public static final String TEMPLATES_FIELD = "templates";
    /** The field of {@code REGISTER_LOADED} that holds how many kiosks a precinct package was built for. */
    public static final String KIOSKS_FIELD = "kiosks";

    private AdministrationEvents() {
    }

    /**
     * {@code KIOSK_STARTED} with the software version (e.g. {@code 0.1.0-SNAPSHOT}) and the election day the kiosk
     * judges ages and card expiry on from this start (its configuration's; decision 0490, {@link ElectionDayRecord}).
     */
    public static AuditEvent kioskStarted(String softwareVersion, LocalDate electionDay) {
        return AuditEvent.of(AuditEventType.KIOSK_STARTED, AuditField.version("software", softwareVersion),
                AuditField.electionDay(ElectionDayRecord.FIELD, electionDay));
    }

    /** {@code STORE_UNLOCKED} or {@code STORE_UNLOCK_FAILED}. */
    public static AuditEvent unlock(boolean succeeded) {
        return AuditEvent.of(succeeded ? AuditEventType.STORE_UNLOCKED : AuditEventType.STORE_UNLOCK_FAILED);
    }

    /**
     * {@code REGISTER_LOADED} with the register version, the package's SHA-256, the number of voters, the election,
     * precinct and extractor ({@link LoadedRegisterNames}) and the SHA-256 of the authority certificate the
     * package's signature was verified with ({@link RegisterSigners}: an observer checks it against the real
     * authority, so a pinned certificate swapped in the data directory shows).
     */
    public static AuditEvent registerLoaded(LoadedRegister loaded, X509Certificate signer) {
        return registerLoaded(loaded, -1, signer);
    }

    /**
     * {@code REGISTER_LOADED} as {@link #registerLoaded(LoadedRegister, X509Certificate)}, with the number of
     * templates the register holds after the load (field {@value #TEMPLATES_FIELD}; left out when negative), which
     * every later check compares with the {@code voter_finger} rows (decision 0461).
     */
    public static AuditEvent registerLoaded(LoadedRegister loaded, long templates, X509Certificate signer) {
        return registerLoaded(loaded, templates, 1, signer);
    }

    /**
     * {@code REGISTER_LOADED} as {@link #registerLoaded(LoadedRegister, long, X509Certificate)}, with the number of
     * kiosks a precinct package was built for (field {@value #KIOSKS_FIELD}, only when more than one; decision
     * 0492): such a package is for the kiosks of a precinct network, and a standalone kiosk refuses to start on it.
     */
    public static AuditEvent registerLoaded(LoadedRegister loaded, long templates, int kiosks,
                                            X509Certificate signer) {
        Objects.requireNonNull(loaded, "loaded");
        List<AuditField> fields = new ArrayList<>(List.of(AuditField.count("version", loaded.version()),
                AuditField.digest("packageHash", loaded.packageSha256()),
                AuditField.count("voters", loaded.voterCount())));
        fields.addAll(LoadedRegisterNames.fields(loaded)); // decision 0506
        if (templates >= 0) {
            fields.add(AuditField.count(TEMPLATES_FIELD, templates));
        }
        if (kiosks > 1) {
            fields.add(AuditField.count(KIOSKS_FIELD, kiosks));
        }
        fields.add(AuditField.digest(RegisterSigners.FIELD, Digests.sha256Hex(signer)));
        return new AuditEvent(AuditEventType.REGISTER_LOADED, fields);
    }

    /**
     * {@code REGISTER_REFUSED} with the refusal code: the refusal's message key (e.g.
     * {@code register.error.signature}), which names the reason and never holds data from the package.
     */
    public static AuditEvent registerRefused(String refusalKey) {
        return AuditEvent.of(AuditEventType.REGISTER_REFUSED, new AuditField("refusal", refusalKey));
    }

    /** The membership changes the administrator asks for on the Precinct network pane. */
    public enum MembershipAction {
        /** Admit a machine (a spare). */
        ADMIT,
        /** Withdraw a machine. */
        WITHDRAW,
        /** Withdraw a dead machine, then admit the spare that replaces it. */
        REPLACE
    }

    /** {@code PRECINCT_MEMBER_ADMITTED}: the machine, its role and its certificate's SHA-256 (lower-case hex). */
    public static AuditEvent memberAdmitted(NodeName member, NodeRole role, String certificateSha256) {
        return AuditEvent.of(AuditEventType.PRECINCT_MEMBER_ADMITTED, AuditField.machine("member", member),
                AuditField.code("role", role), AuditField.digest("certificate", certificateSha256));
    }

    /** {@code PRECINCT_MEMBER_WITHDRAWN}: the machine. */
    public static AuditEvent memberWithdrawn(NodeName member) {
        return AuditEvent.of(AuditEventType.PRECINCT_MEMBER_WITHDRAWN, AuditField.machine("member", member));
    }

    /**
     * {@code PRECINCT_MEMBERSHIP_REFUSED}: the action and the refusal's message key (e.g.
     * {@code node.refused.otherPrecinct}), which names the reason only.
     */
    public static AuditEvent membershipRefused(MembershipAction action, String refusalKey) {
        return AuditEvent.of(AuditEventType.PRECINCT_MEMBERSHIP_REFUSED, AuditField.code("action", action),
                new AuditField("refusal", refusalKey));
    }

    /**
     * Appends {@code event} in its own transaction; with the kiosk key the chain head is signed every
     * {@link AuditRecorder#DEFAULT_SIGN_EVERY} entries, and at once after an event that changes the kiosk's
     * anchored state ({@link StateAnchor}: the pre-election test's start and end); without the key the entry is
     * hash-chained only.
     *
     * @throws IllegalArgumentException for a state-changing event without the kiosk key (it must be anchored)
     */
    public static AuditEntry record(KioskDatabase database, Optional<KioskCredentials> key, AuditEvent event,
                                    Clock clock) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(event, "event");
        boolean anchored = StateAnchor.STATE_EVENTS.contains(event.type());
        if (anchored && key.isEmpty()) {
            throw new IllegalArgumentException(event.type() + " changes the kiosk's state: it needs the kiosk key");
        }
        AuditRecorder recorder = key.map(k -> AuditRecorder.signing(ChainHeadSigner.kiosk(k)))
                .orElseGet(AuditRecorder::unsigned);
        return database.inTransaction(c -> {
            AuditEntry entry = recorder.append(c, clock.instant(), event);
            if (anchored) {
                recorder.signHead(c, clock.instant());
            }
            return entry;
        });
    }
}
