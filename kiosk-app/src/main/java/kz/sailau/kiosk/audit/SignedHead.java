package kz.sailau.kiosk.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A head of the audit chain that the kiosk signed ({@link AuditEventType#CHAIN_HEAD_SIGNED}), as a printed report
 * carries it in its QR code: {@code sailau-head-v1:<sequence>:<hash>} (ASCII, about 90 bytes, so the symbol stays
 * small enough for a 58 mm roll). The signature itself stays in the log, in the {@code CHAIN_HEAD_SIGNED} entry that
 * names this head; an observer checks the printed head with {@code bundle verify --head}: the bundle's chain must
 * hold an entry at that sequence with that hash, signed by the kiosk in a {@code CHAIN_HEAD_SIGNED} entry, and the
 * bundle's verification checks that signature (decision 0200).
 *
 * @param sequence the sequence number of the signed entry
 * @param hash     its hash, 64 lower-case hex digits
 */
public record SignedHead(long sequence, String hash) {

    /** The prefix of the printed form. */
    public static final String PREFIX = "sailau-head-v1:";
    private static final Pattern TEXT = Pattern.compile(Pattern.quote(PREFIX) + "([1-9][0-9]{0,17}):([0-9a-f]{64})");

    /** @throws IllegalArgumentException on a sequence below 1 or a hash that is not 64 lower-case hex digits */
    public SignedHead {
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1 || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a signed head is a sequence from 1 and a SHA-256 in hex");
        }
    }

    /** The text of the QR code. */
    public String qrPayload() {
        return PREFIX + sequence + ":" + hash;
    }

    /**
     * Reads a printed head, as scanned from the QR code or typed from the line under it.
     *
     * @throws IllegalArgumentException when {@code text} is not a printed head
     */
    public static SignedHead parse(String text) {
        Matcher matcher = TEXT.matcher(Objects.requireNonNull(text, "text").strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a printed audit head (" + PREFIX + "SEQUENCE:HASH)");
        }
        return new SignedHead(Long.parseLong(matcher.group(1)), matcher.group(2));
    }

    /** The newest head the log signed: the one named by its last {@code CHAIN_HEAD_SIGNED} entry. */
    public static Optional<SignedHead> latest(List<AuditEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        for (int i = entries.size() - 1; i >= 0; i--) {
            AuditEvent event = entries.get(i).event();
            if (event.type() == AuditEventType.CHAIN_HEAD_SIGNED) {
                return Optional.of(new SignedHead(Long.parseLong(event.field("headSequence")),
                        event.field("headHash")));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks this printed head against a bundle's log: the entry at its sequence has its hash, and a
     * {@code CHAIN_HEAD_SIGNED} entry of the log signs exactly this head (whose signature the bundle verification
     * checks with the kiosk's key).
     *
     * @param entries the bundle's audit log in chain order
     * @return the check, named {@code printed head}
     */
    public BundleVerifier.Check checkIn(List<AuditEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        Optional<AuditEntry> at = entries.stream().filter(e -> e.sequence() == sequence).findFirst();
        if (at.isEmpty()) {
            return BundleVerifier.Check.of(NAME, false, "the bundle has no entry " + sequence
                    + ": the printed head is not in this log");
        }
        if (!at.get().hash().equals(hash)) {
            return BundleVerifier.Check.of(NAME, false, "entry " + sequence
                    + " of the bundle has another hash: the log was changed after the report was printed, or the "
                    + "report is of another kiosk");
        }
        boolean signed = entries.stream().map(AuditEntry::event)
                .anyMatch(e -> e.type() == AuditEventType.CHAIN_HEAD_SIGNED
                        && String.valueOf(sequence).equals(e.field("headSequence")) && hash.equals(e.field("headHash")));
        return BundleVerifier.Check.of(NAME, signed, signed
                ? "entry " + sequence + " has the printed hash " + hash.substring(0, 16)
                + "..., and the kiosk signed it in the log"
                : "entry " + sequence + " has the printed hash, but no signed head of the log names it");
    }

    private static final String NAME = "printed head";
}
