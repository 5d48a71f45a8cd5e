package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short reference number of a check-in the clerk also writes on a paper form (an override, a fallback
 * check-in, a special-list entry) or of a paper mark entered after an outage (written beside the mark on the
 * printed voter list), such as {@code O-0003}: a letter for the kind and the kiosk's running number of
 * paper forms. The same text is recorded in the check-in's audit event, printed on the clerk's slip and listed by
 * {@code audit sample}, so that a sampled audit entry is matched to its paper form. It holds no personal data: it
 * counts forms, nothing else, and nothing but the audit entry (stamped to the minute like every check-in) ties it to
 * a time.
 *
 * @param kind   what the form records
 * @param number the kiosk's running number of paper forms, from 1, shared by every kind
 */
public record PaperFormReference(Kind kind, long number) {

    /** The kind of paper form, with the letter that starts its reference. */
    public enum Kind {
        /** A clerk override (the identity established by the clerk). */
        OVERRIDE('O'),
        /** A check-in during manual fallback. */
        FALLBACK('F'),
        /** A voter added to the special list on election day. */
        SPECIAL_LIST('S'),
        /** A mark made on the printed voter list during an outage, entered at the kiosk afterwards. */
        PAPER_MARK('P');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        /** The letter that starts the reference. */
        public char letter() {
            return letter;
        }
    }

    private static final Pattern TEXT = Pattern.compile("([OFSP])-([0-9]{4,6})");

    /** @throws IllegalArgumentException unless {@code 1 <= number <= 999999} */
    public PaperFormReference {
        Objects.requireNonNull(kind, "kind");
        if (number < 1 || number > 999_999) {
            throw new IllegalArgumentException("a paper form number is from 1 to 999999");
        }
    }

    /**
     * The reference of a check-in, given the counters after it: the running number is the overrides, the fallback
     * check-ins and the special-list check-ins so far, so the ledger computes it in the check-in's own transaction.
     *
     * @param method the check-in's method
     * @param after  the counters including this check-in
     * @return the reference, or empty for a check-in without a paper form (a fingerprint match)
     */
    public static Optional<PaperFormReference> forCheckIn(CheckInMethod method, Counters after) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(after, "after");
        long number = formsSoFar(after);
        return switch (method) {
            case CLERK_OVERRIDE -> Optional.of(new PaperFormReference(Kind.OVERRIDE, number));
            case FALLBACK -> Optional.of(new PaperFormReference(Kind.FALLBACK, number));
            case SPECIAL_LIST -> Optional.of(new PaperFormReference(Kind.SPECIAL_LIST, number));
            case FINGERPRINT, CARDLESS_FINGERPRINT -> Optional.empty();
        };
    }

    /**
     * The reference of a paper mark, given the counters after it (the running number counts it with the check-ins'
     * paper forms).
     *
     * @param after the counters including this paper mark
     */
    public static PaperFormReference forPaperMark(Counters after) {
        Objects.requireNonNull(after, "after");
        return new PaperFormReference(Kind.PAPER_MARK, formsSoFar(after));
    }

    private static long formsSoFar(Counters after) {
        return after.overrides() + after.fallback() + after.specialList() + after.paperMarks();
    }

    /**
     * Reads a reference as printed or logged.
     *
     * @throws IllegalArgumentException when {@code text} is not a reference
     */
    public static PaperFormReference parse(String text) {
        Matcher matcher = TEXT.matcher(Objects.requireNonNull(text, "text").strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a paper form reference");
        }
        char letter = matcher.group(1).charAt(0);
        for (Kind kind : Kind.values()) {
            if (kind.letter == letter) {
                return new PaperFormReference(kind, Long.parseLong(matcher.group(2)));
            }
        }
        throw new IllegalArgumentException("not a paper form reference");
    }

    /** The reference as printed: the letter, a hyphen and at least four digits, e.g. {@code O-0003}. */
    public String text() {
        return kind.letter + "-" + String.format("%04d", number);
    }

    @Override
    public String toString() {
        return text();
    }
}
