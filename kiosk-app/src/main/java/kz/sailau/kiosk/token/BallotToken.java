package kz.sailau.kiosk.token;

import java.util.Objects;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * The content of a one-time ballot token (бір реттік талон): format version, election, precinct and a
 * 128-bit random id. No voter data and no time at all (the election id names the election day).
 *
 * @param version  the format version, {@link #VERSION}
 * @param election the election
 * @param precinct the precinct
 * @param id       the random id
 */
public record BallotToken(int version, ElectionId election, PrecinctId precinct, TokenId id) {

    /** The only format version so far. */
    public static final int VERSION = 1;

    /** @throws IllegalArgumentException on a version outside 1..255 */
    public BallotToken {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(precinct, "precinct");
        Objects.requireNonNull(id, "id");
        if (version < 1 || version > 255) {
            throw new IllegalArgumentException("version must be 1..255");
        }
    }
}
