package kz.sailau.kiosk.checkin;

/**
 * Port: issues one-time ballot tokens. Implemented by the {@code token} package; nothing passed in links a
 * token to the voter it is given to.
 */
public interface BallotTokenIssuer {

    /**
     * Issues a new token and makes its id durable in the issued-ids table.
     *
     * @throws RuntimeException if no token can be issued (the engine asks the clerk to issue by hand)
     */
    IssuedBallotToken issue();

    /**
     * Voids the last token issued (it failed to print). Only the last token is held, so only it can be voided.
     *
     * @throws IllegalStateException if {@code token} is not the last token issued
     */
    void voidLast(IssuedBallotToken token);
}
