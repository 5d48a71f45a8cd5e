package kz.sailau.kiosk.audit;

import java.util.List;
import java.util.Objects;

/**
 * Verifies a hash-chained audit log and locates the first place where it was tampered with.
 */
public final class AuditChain {

    private AuditChain() {
    }

    /** What kind of break was found. */
    public enum Problem {
        /** An entry's contents do not match its hash: it was changed. */
        CHANGED,
        /** The sequence jumps forward: entries were deleted. */
        DELETED,
        /** The sequence repeats: an entry was inserted (the position names the first of the two). */
        INSERTED,
        /** An entry does not follow its predecessor's hash: it or its predecessor was replaced. */
        LINK_BROKEN,
        /** The sequence goes backwards: entries were reordered. */
        REORDERED,
        /** The log does not end where its signed head says: entries were cut off the end. */
        TRUNCATED,
        /** A signed head's signature is not the kiosk's: the signed-head entry was forged or altered. */
        SIGNATURE_INVALID,
        /**
         * A validly signed head names a hash the entry at that sequence no longer has: the chain up to it was
         * rewritten (every hash recomputed). The position is the sequence the signature names.
         */
        REWRITTEN
    }

    /**
     * The outcome of a verification.
     *
     * @param intact   whether the whole chain is sound
     * @param entries  number of entries read
     * @param problem  the first problem, null when intact
     * @param position the 1-based position in the list where it was found, 0 when intact
     * @param headHash the hash of the last entry, {@link AuditEntry#GENESIS} for an empty log
     */
    public record Verification(boolean intact, int entries, Problem problem, int position, String headHash) {

        /** A sentence for the observer. */
        public String describe() {
            return intact
                    ? "audit log intact: " + entries + " entries, head " + headHash
                    : "audit log broken at entry " + position + " of " + entries + ": " + problem;
        }
    }

    /**
     * Checks every entry's hash, the link to its predecessor and the sequence.
     *
     * @param entries the log in stored order
     */
    public static Verification verify(List<AuditEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        String previous = AuditEntry.GENESIS;
        long expectedSequence = 1;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            int position = i + 1;
            if (!entry.expectedHash().equals(entry.hash())) {
                return broken(entries, Problem.CHANGED, position);
            }
            if (entry.sequence() > expectedSequence) {
                boolean comesLater = false;
                for (int j = i + 1; j < entries.size() && !comesLater; j++) {
                    comesLater = entries.get(j).sequence() == expectedSequence;
                }
                return broken(entries, comesLater ? Problem.REORDERED : Problem.DELETED, position);
            }
            if (entry.sequence() < expectedSequence) {
                // Every sequence below the expected one was seen already: this one repeats it.
                return broken(entries, Problem.INSERTED, (int) entry.sequence());
            }
            if (!entry.previousHash().equals(previous)) {
                return broken(entries, Problem.LINK_BROKEN, position);
            }
            previous = entry.hash();
            expectedSequence++;
        }
        return new Verification(true, entries.size(), null, 0, previous);
    }

    /**
     * Verifies the chain and that it ends at a head that was signed (so entries cut off the end are found).
     *
     * @param signedHeadSequence the sequence number the signed head names
     * @param signedHeadHash     the hash the signed head names
     */
    public static Verification verify(List<AuditEntry> entries, long signedHeadSequence, String signedHeadHash) {
        Verification chain = verify(entries);
        if (!chain.intact()) {
            return chain;
        }
        if (signedHeadSequence < 1) {
            // A head before the first entry (a bundle stating sequence 0 or less, found by fuzzing): every entry
            // of the log comes after it, i.e. was added.
            return entries.isEmpty() ? chain
                    : new Verification(false, entries.size(), Problem.INSERTED, 1, chain.headHash());
        }
        if (entries.size() < signedHeadSequence) {
            return new Verification(false, entries.size(), Problem.TRUNCATED, entries.size(), chain.headHash());
        }
        AuditEntry head = entries.get((int) signedHeadSequence - 1);
        if (!head.hash().equals(signedHeadHash)) {
            return new Verification(false, entries.size(), Problem.CHANGED, (int) signedHeadSequence,
                    chain.headHash());
        }
        return chain;
    }

    private static Verification broken(List<AuditEntry> entries, Problem problem, int position) {
        return new Verification(false, entries.size(), problem, position, null);
    }
}
