package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.mrz.IdentityDocument;

/**
 * The voter being checked in: how the IIN arrived, the register entry and the card if there was one.
 * Personal data: {@link #toString()} reveals the route only.
 *
 * @param route    how the IIN reached the kiosk
 * @param voter    the register entry
 * @param document the identity card read, empty when typed by a clerk or identified without a card
 * @param clerk    the clerk who typed the IIN, if one did
 */
public record Session(Route route, RegisteredVoter voter, Optional<IdentityDocument> document,
                      Optional<ClerkId> clerk) {

    /** @throws NullPointerException on a null field */
    public Session {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(clerk, "clerk");
    }

    /** The voter's IIN. */
    public Iin iin() {
        return voter.voter().iin();
    }

    /** Whether the kiosk is in manual fallback mode for this voter. */
    public boolean fallback() {
        return route == Route.FALLBACK;
    }

    @Override
    public String toString() {
        return "Session[" + route + ", ***]";
    }
}
