package kz.sailau.kiosk.checkin;

import java.util.Objects;

/**
 * A ballot token as the kiosk shows and prints it, opaque to the engine. Carries no voter data (see the
 * {@code token} package for its format).
 *
 * @param humanCode the short grouped code the voter or the ballot desk can type
 * @param qrPayload the text encoded in the QR code
 */
public record IssuedBallotToken(String humanCode, String qrPayload) {

    /** @throws NullPointerException on a null field */
    public IssuedBallotToken {
        Objects.requireNonNull(humanCode, "humanCode");
        Objects.requireNonNull(qrPayload, "qrPayload");
    }
}
