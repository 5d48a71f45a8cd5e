package kz.sailau.kiosk.register;

import java.util.List;
import java.util.Objects;

/**
 * A suspected duplicate found while building a register, with its evidence. Evidence names CSV lines,
 * voter keys, fingers and scores, never IINs or names.
 *
 * @param id        stable id for {@code --accept-duplicates}: kind and sorted voter keys, e.g.
 *                  {@code finger:V0004+V0012}
 * @param kind      what matched
 * @param lines     CSV lines of the records involved
 * @param voterKeys voter keys of the records involved
 * @param evidence  human-readable evidence
 */
public record DuplicateCase(String id, Kind kind, List<Integer> lines, List<String> voterKeys, String evidence) {

    /** What the records have in common. */
    public enum Kind {
        /** The same IIN on two or more rows. */
        SAME_IIN("iin"),
        /** Same surname, given name, patronymic and birth date under different IINs. */
        SAME_NAME_AND_BIRTH_DATE("name"),
        /** A finger of one record matches a finger of a record with another IIN (the pairwise duplicate search). */
        SAME_FINGER("finger");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The id prefix. */
        public String prefix() {
            return prefix;
        }
    }

    /** @throws NullPointerException on a null field */
    public DuplicateCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        lines = List.copyOf(lines);
        voterKeys = List.copyOf(voterKeys);
        Objects.requireNonNull(evidence, "evidence");
    }

    /** Makes the id from the kind and the voter keys. */
    static String idOf(Kind kind, List<String> voterKeys) {
        return kind.prefix() + ":" + String.join("+", voterKeys.stream().sorted().toList());
    }
}
