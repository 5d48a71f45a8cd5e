package kz.sailau.kiosk.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The role of a machine on a precinct's closed network, written into its node certificate by the authority.
 */
public enum NodeRole {
    /** A check-in kiosk: checks voters in and issues ballot tokens. */
    KIOSK("kiosk"),
    /** The clerk station: the clerk console of every kiosk on its own screen. */
    CLERK_STATION("clerk-station"),
    /** The ballot desk: redeems ballot tokens. */
    BALLOT_DESK("ballot-desk");

    private final String label;

    NodeRole(String label) {
        this.label = label;
    }

    /** The label used in certificates, configuration and on screen, e.g. {@code clerk-station}. */
    public String label() {
        return label;
    }

    /**
     * Parses a label ({@code kiosk}, {@code clerk-station}, {@code ballot-desk}).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static NodeRole parse(String label) {
        Objects.requireNonNull(label, "label");
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        for (NodeRole role : values()) {
            if (role.label.equals(wanted)) {
                return role;
            }
        }
        throw new IllegalArgumentException("node role must be kiosk, clerk-station or ballot-desk");
    }
}
