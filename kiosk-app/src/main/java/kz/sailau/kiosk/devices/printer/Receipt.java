package kz.sailau.kiosk.devices.printer;

import java.util.List;
import java.util.Objects;

/**
 * What goes on one receipt: a ballot token's few lines of fixed text, its QR code and short code, or a report of the
 * day (opening, closing, turnout: counts, digests and the signed audit head). A receipt never carries voter data.
 *
 * @param heading   the heading line, printed large and centred
 * @param lines     instruction lines, printed as they are
 * @param qrPayload the QR code's content (the token), printed centred; empty for none
 * @param shortCode the human-typable code, printed large under the QR code; empty for none
 */
public record Receipt(String heading, List<String> lines, String qrPayload, String shortCode) {

    /** The most lines a receipt takes: a closing tally with every refusal reason (about 40 cm of roll). */
    public static final int MAX_LINES = 48;

    /** Copies the lines; checks sizes a receipt roll can take. */
    public Receipt {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(qrPayload, "qrPayload");
        Objects.requireNonNull(shortCode, "shortCode");
        lines = List.copyOf(lines);
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a receipt has at most " + MAX_LINES + " lines");
        }
        if (qrPayload.length() > EscPos.QR_MAX_BYTES) {
            throw new IllegalArgumentException("QR payload longer than " + EscPos.QR_MAX_BYTES + " bytes");
        }
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a receipt line must not contain a line break");
            }
        }
    }
}
