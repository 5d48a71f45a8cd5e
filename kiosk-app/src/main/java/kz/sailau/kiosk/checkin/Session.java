package kz.sailau.kiosk.checkin;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Voter;
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

    /**
     * The session of a voter the commission adds to the special list. The kiosk holds no name for such a voter (the
     * paper special list has it): the entry stands for the IIN, in this precinct, with the birth date the IIN
     * encodes; its names are a dash and it has no fingers.
     *
     * @throws IllegalArgumentException when the IIN encodes no birth date
     */
    public static Session specialList(Iin iin, PrecinctId precinct, ClerkId clerk) {
        Objects.requireNonNull(iin, "iin");
        LocalDate birth = iin.birthDate()
                .orElseThrow(() -> new IllegalArgumentException("the IIN encodes no birth date"));
        Voter entry = new Voter(iin, NO_NAME, NO_NAME, "", birth, precinct);
        return new Session(Route.SPECIAL_LIST, new RegisteredVoter(entry, Map.of()), Optional.empty(),
                Optional.of(clerk));
    }

    /** The name shown for a special-list voter: the kiosk holds none. */
    public static final String NO_NAME = "—";

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
