package kz.sailau.kiosk.ui;

import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.devices.printer.Receipt;

/** Builds the ballot-token receipt in the voter's language. It carries no voter data: only the token. */
public final class Receipts {

    private Receipts() {
    }

    /**
     * The receipt for a token.
     *
     * @param messages the voter's language
     * @param token    the token shown on screen
     * @return heading, instruction lines, the QR payload and the short code
     */
    public static Receipt of(Messages messages, IssuedBallotToken token) {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(token, "token");
        return new Receipt(messages.get("receipt.heading"),
                List.of(messages.get("receipt.goToBallotDesk"), messages.get("receipt.oneTime")),
                token.qrPayload(), token.humanCode());
    }

    /**
     * The receipt for a token of the pre-election logic-and-accuracy test: headed TEST and saying it is not
     * valid for a ballot, so that nobody mistakes the paper for a real token.
     *
     * @param messages the voter's language
     * @param token    the test token shown on screen
     */
    public static Receipt test(Messages messages, IssuedBallotToken token) {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(token, "token");
        return new Receipt(messages.get("la.receipt.heading"), List.of(messages.get("la.receipt.notValid")),
                token.qrPayload(), token.humanCode());
    }
}
