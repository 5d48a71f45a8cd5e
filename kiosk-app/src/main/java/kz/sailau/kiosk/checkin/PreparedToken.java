package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A ballot token made ready by the {@link BallotTokenIssuer} but not yet issued: it becomes issued only when the
 * ledger records it, atomically with the check-in it belongs to or with the void it replaces
 * ({@link CheckInLedger#record}, {@link CheckInLedger#replaceToken}). Carries no voter data.
 *
 * @param id    the token's random 128-bit id, 32 lower-case hex digits (what the issued-ids table keeps)
 * @param token what the voter is shown and given
 */
public record PreparedToken(String id, IssuedBallotToken token) {

    private static final Pattern HEX_128 = Pattern.compile("[0-9a-f]{32}");

    /** @throws IllegalArgumentException when the id is not 32 lower-case hex digits */
    public PreparedToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        if (!HEX_128.matcher(id).matches()) {
            throw new IllegalArgumentException("a token id is 32 lower-case hex digits");
        }
    }
}
