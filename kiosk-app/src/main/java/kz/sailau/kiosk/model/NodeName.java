package kz.sailau.kiosk.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a machine on a precinct's network, e.g. {@code kiosk-2} or {@code desk-1}: 1 to 32 lower-case
 * letters, digits and inner hyphens. It names a machine, never a person, and is the common name of the machine's
 * node certificate and its member name in the replicated ledger.
 *
 * @param value the name
 */
public record NodeName(String value) implements Comparable<NodeName> {

    private static final Pattern FORM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

    /** @throws IllegalArgumentException if the name does not have the form above */
    public NodeName {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("node name must be 1-32 lower-case letters, digits and inner hyphens");
        }
    }

    @Override
    public int compareTo(NodeName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
