package kz.sailau.kiosk.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Appends events to the {@link AuditLog} and signs the chain head with the kiosk key every
 * {@code signEvery} entries (a {@link AuditEventType#CHAIN_HEAD_SIGNED} entry naming the head's sequence and
 * hash), so that a rewritten chain or entries cut off before the last signed head are detected without
 * trusting the database. Each signed head also re-seals the kiosk's {@link StateAnchor} (the signed pointer to the
 * newest head and the state the chain shows), so that a log cut back below it is detected too. {@link #signHead} is also called at close and after a wipe. Everything happens in
 * the caller's transaction.
 */
public final class AuditRecorder {

    /** Default interval: a signed head after every 50 entries. */
    public static final int DEFAULT_SIGN_EVERY = 50;

    private final Optional<ChainHeadSigner> signer;
    private final int signEvery;

    /**
     * @param signer    the kiosk's head signer, or empty where the kiosk key is not unlocked (then no head is
     *                  signed; the chain still links every entry)
     * @param signEvery sign after every this many entries (at least 2)
     */
    public AuditRecorder(Optional<ChainHeadSigner> signer, int signEvery) {
        this.signer = Objects.requireNonNull(signer, "signer");
        if (signEvery < 2) {
            throw new IllegalArgumentException("signEvery must be at least 2");
        }
        this.signEvery = signEvery;
    }

    /** A recorder that signs with {@code signer} every {@link #DEFAULT_SIGN_EVERY} entries. */
    public static AuditRecorder signing(ChainHeadSigner signer) {
        return new AuditRecorder(Optional.of(signer), DEFAULT_SIGN_EVERY);
    }

    /** A recorder without a key: hash chain only. */
    public static AuditRecorder unsigned() {
        return new AuditRecorder(Optional.empty(), DEFAULT_SIGN_EVERY);
    }

    /** Whether this recorder can sign heads. */
    public boolean canSign() {
        return signer.isPresent();
    }

    /**
     * Appends {@code event}; when the log reaches a multiple of the interval, also appends a signed head.
     *
     * @return the entry of {@code event}
     */
    public AuditEntry append(Connection connection, Instant time, AuditEvent event) throws SQLException {
        AuditEntry entry = AuditLog.append(connection, time, event);
        if (signer.isPresent() && entry.sequence() % signEvery == 0) {
            signHead(connection, time);
        }
        return entry;
    }

    /**
     * Appends a {@link AuditEventType#CHAIN_HEAD_SIGNED} entry signing the current head, and re-seals the
     * {@link StateAnchor} to it (the database must have {@link StateAnchor#MIGRATIONS}).
     *
     * @throws IllegalStateException when there is no signer or the log is empty
     */
    public AuditEntry signHead(Connection connection, Instant time) throws SQLException {
        ChainHeadSigner key = signer.orElseThrow(() -> new IllegalStateException("no kiosk key to sign the head"));
        AuditEntry head = AuditLog.head(connection)
                .orElseThrow(() -> new IllegalStateException("an empty audit log has no head to sign"));
        byte[] signature = key.sign(ChainHeadSigner.message(head.sequence(), head.hash()));
        AuditEntry signed = AuditLog.append(connection, time, AuditEvent.of(AuditEventType.CHAIN_HEAD_SIGNED,
                AuditField.count("headSequence", head.sequence()),
                AuditField.digest("headHash", head.hash()),
                AuditField.signature("signature", Base64.getEncoder().encodeToString(signature))));
        StateAnchor.seal(connection, key, signed);
        return signed;
    }
}
