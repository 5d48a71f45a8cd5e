package kz.sailau.kiosk.checkin;

/**
 * Port: makes one-time ballot tokens. Implemented by the {@code token} package; nothing passed in links a token to
 * the voter it is given to. A prepared token is only in memory: the {@link CheckInLedger} makes it issued in the
 * same atomic step as the check-in (or the void) it belongs to, so a crash can never leave a check-in without its
 * token event or a token without its check-in.
 */
public interface BallotTokenIssuer {

    /**
     * A new token: a fresh random id, signed, with its typed code. Nothing is recorded.
     *
     * @throws RuntimeException if no token can be made (the check-in is then recorded with
     *                          {@code TOKEN_NOT_ISSUED} and the clerk issues a ballot by hand)
     */
    PreparedToken prepare();
}
