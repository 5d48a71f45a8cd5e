package kz.sailau.kiosk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One entry of the hash-chained audit log. Its hash is SHA-256 over the canonical text
 * {@code sequence|time|type|name=value;...|previousHash}, so changing, deleting, inserting or reordering
 * an entry breaks the chain at that place.
 *
 * <p>Times are kept to the minute: finer times would help to link a check-in to a person seen entering. The token
 * events ({@link AuditEventType#dayOnly()}) keep only the day.
 *
 * @param sequence     position in the log, from 1, without gaps
 * @param time         when the event happened, truncated to the minute (to the day for token events)
 * @param event        the event
 * @param previousHash hex SHA-256 of the previous entry, {@link #GENESIS} for the first
 * @param hash         hex SHA-256 of this entry
 */
public record AuditEntry(long sequence, Instant time, AuditEvent event, String previousHash, String hash) {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** Checks the fields; does not check the hash (see {@link AuditChain#verify}). */
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    /** Makes the entry that follows {@code previousHash}, computing its hash. */
    public static AuditEntry next(long sequence, Instant time, AuditEvent event, String previousHash) {
        Instant stamp = time.truncatedTo(event.type().dayOnly() ? ChronoUnit.DAYS : ChronoUnit.MINUTES);
        return new AuditEntry(sequence, stamp, event, previousHash,
                hashOf(sequence, stamp, event, previousHash));
    }

    /** The hash this entry should have, from its contents. */
    public String expectedHash() {
        return hashOf(sequence, time, event, previousHash);
    }

    /** The canonical text that is hashed. */
    static String canonical(long sequence, Instant time, AuditEvent event, String previousHash) {
        StringBuilder text = new StringBuilder();
        text.append(sequence).append('|').append(time).append('|').append(event.type().name()).append('|');
        for (AuditField field : event.fields()) {
            text.append(field.name()).append('=').append(field.value()).append(';');
        }
        return text.append('|').append(previousHash).toString();
    }

    static String hashOf(long sequence, Instant time, AuditEvent event, String previousHash) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(
                    canonical(sequence, time, event, previousHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
