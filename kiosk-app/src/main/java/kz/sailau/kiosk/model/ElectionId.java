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

    /** The prefix of every logic-and-accuracy test election id (see {@link #logicAccuracyTest()}). */
    public static final String LOGIC_ACCURACY_TEST_PREFIX = "LA-TEST-";

    /**
     * The election id of the pre-election logic-and-accuracy test of this election: {@code LA-TEST-} followed
     * by this id, cut to the 32 characters an id may have. A test register package is built for this id and
     * test ballot tokens carry it, so nothing from the test is accepted as part of the real election.
     *
     * @throws IllegalStateException if this id is itself a test id
     */
    public ElectionId logicAccuracyTest() {
        if (isLogicAccuracyTest()) {
            throw new IllegalStateException("already a logic-and-accuracy test election id");
        }
        String test = LOGIC_ACCURACY_TEST_PREFIX + value;
        return new ElectionId(test.length() > 32 ? test.substring(0, 32) : test);
    }

    /** Whether this is a logic-and-accuracy test election id ({@code LA-TEST-...}). */
    public boolean isLogicAccuracyTest() {
        return value.startsWith(LOGIC_ACCURACY_TEST_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
