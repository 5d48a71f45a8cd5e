package kz.sailau.kiosk.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The end-of-day reconciliation of ballot tokens: the ids the ballot desk (or desks) redeemed against the ids the
 * kiosk (or the kiosks of the precinct) issued, as the signed bundles list them. Every redeemed id must have been
 * issued, by exactly one kiosk, and not voided; no id may be redeemed twice (by two desks). Pure: the caller reads
 * the bundles and the desks' ledgers.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /**
     * The issued ids of one kiosk.
     *
     * @param name   where they come from (the bundle file), for the report
     * @param tokens the issued ids with their void flags
     */
    public record Issued(String name, List<IssuedToken> tokens) {
        /** Copies the list. */
        public Issued {
            Objects.requireNonNull(name, "name");
            tokens = List.copyOf(tokens);
        }
    }

    /**
     * One redemption at a ballot desk.
     *
     * @param id    the token id, 32 lower-case hex digits
     * @param typed whether the desk read it from a typed code (not the QR)
     */
    public record Redemption(String id, boolean typed) {
        /** @throws NullPointerException on a null id */
        public Redemption {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * The redemptions of one ballot desk.
     *
     * @param name        where they come from (the desk's ledger file), for the report
     * @param redemptions its redemptions
     */
    public record Redeemed(String name, List<Redemption> redemptions) {
        /** Copies the list. */
        public Redeemed {
            Objects.requireNonNull(name, "name");
            redemptions = List.copyOf(redemptions);
        }
    }

    /** What can be wrong with one token id. */
    public enum Kind {
        /** Redeemed at a desk but issued by no kiosk: a forged or foreign token. */
        REDEEMED_NOT_ISSUED,
        /** Redeemed more than once (at two desks). */
        REDEEMED_TWICE,
        /** Redeemed although the kiosk voided it (a token that failed to print was used after all). */
        VOIDED_REDEEMED,
        /** The same id issued twice (by two kiosks, or listed twice by one). */
        ISSUED_TWICE
    }

    /**
     * One mismatch.
     *
     * @param kind  what is wrong
     * @param id    the token id (not personal data)
     * @param where the files involved
     */
    public record Mismatch(Kind kind, String id, List<String> where) {
        /** Copies the list. */
        public Mismatch {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            where = List.copyOf(where);
        }
    }

    /**
     * The outcome.
     *
     * @param issued     ids issued, voided ones included
     * @param voided     ids voided
     * @param redeemed   redemptions
     * @param typed      redemptions from typed codes
     * @param unused     valid issued ids never redeemed (voters who did not go on to the desk)
     * @param mismatches every mismatch, in id order
     */
    public record Report(long issued, long voided, long redeemed, long typed, long unused, List<Mismatch> mismatches) {
        /** Copies the list. */
        public Report {
            mismatches = List.copyOf(mismatches);
        }

        /** Valid issued ids: issued − voided. */
        public long valid() {
            return issued - voided;
        }

        /** Whether every redemption matches an issued, valid id once, and no id was issued twice. */
        public boolean exact() {
            return mismatches.isEmpty();
        }

        /** One line of counts. */
        public String describe() {
            return "issued " + issued + ", voided " + voided + ", valid " + valid() + ", redeemed " + redeemed
                    + " (typed " + typed + "), unused " + unused + ", mismatches " + mismatches.size();
        }
    }

    /** Reconciles {@code redeemed} against {@code issued}. */
    public static Report reconcile(List<Issued> issued, List<Redeemed> redeemed) {
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(redeemed, "redeemed");
        Map<String, List<String>> issuedBy = new TreeMap<>();
        Map<String, Boolean> voided = new TreeMap<>();
        long issuedCount = 0;
        long voidedCount = 0;
        for (Issued file : issued) {
            for (IssuedToken token : file.tokens()) {
                issuedCount++;
                voidedCount += token.voided() ? 1 : 0;
                issuedBy.computeIfAbsent(token.id(), k -> new ArrayList<>()).add(file.name());
                voided.merge(token.id(), token.voided(), Boolean::logicalOr);
            }
        }
        Map<String, List<String>> redeemedBy = new TreeMap<>();
        long redeemedCount = 0;
        long typedCount = 0;
        for (Redeemed file : redeemed) {
            for (Redemption redemption : file.redemptions()) {
                redeemedCount++;
                typedCount += redemption.typed() ? 1 : 0;
                redeemedBy.computeIfAbsent(redemption.id(), k -> new ArrayList<>()).add(file.name());
            }
        }
        List<Mismatch> mismatches = new ArrayList<>();
        Set<String> ids = new TreeSet<>(issuedBy.keySet());
        ids.addAll(redeemedBy.keySet());
        long unused = 0;
        for (String id : ids) {
            List<String> kiosks = issuedBy.getOrDefault(id, List.of());
            List<String> desks = redeemedBy.getOrDefault(id, List.of());
            if (kiosks.size() > 1) {
                mismatches.add(new Mismatch(Kind.ISSUED_TWICE, id, kiosks));
            }
            if (!desks.isEmpty() && kiosks.isEmpty()) {
                mismatches.add(new Mismatch(Kind.REDEEMED_NOT_ISSUED, id, desks));
            }
            if (desks.size() > 1) {
                mismatches.add(new Mismatch(Kind.REDEEMED_TWICE, id, desks));
            }
            if (!desks.isEmpty() && Boolean.TRUE.equals(voided.get(id))) {
                List<String> both = new ArrayList<>(kiosks);
                both.addAll(desks);
                mismatches.add(new Mismatch(Kind.VOIDED_REDEEMED, id, both));
            }
            if (desks.isEmpty() && !kiosks.isEmpty() && !Boolean.TRUE.equals(voided.get(id))) {
                unused++;
            }
        }
        return new Report(issuedCount, voidedCount, redeemedCount, typedCount, unused, mismatches);
    }
}
