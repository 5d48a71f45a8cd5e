package kz.sailau.kiosk.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of an election, set by the Central Election Commission, e.g. {@code KZ-2026-PARL}:
 * 1 to 32 characters of upper-case Latin letters, digits and hyphens. Carried in register packages,
 * ballot tokens and end-of-day bundles so that nothing from one election is accepted in another.
 *
 * @param value the identifier
 */
public record ElectionId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");

    /** @throws IllegalArgumentException if the value is not of the documented form */
    public ElectionId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "election id must be 1-32 characters of A-Z, 0-9 and '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
