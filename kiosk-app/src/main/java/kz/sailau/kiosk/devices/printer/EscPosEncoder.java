package kz.sailau.kiosk.devices.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns a {@link Receipt} into ESC/POS bytes: initialise, select code table PC866, heading, lines, the QR
 * code through the {@code GS ( k} functions (model 2, module size, error correction, store, print), the
 * short code, feed and partial cut.
 *
 * <p>Receipt printers have no code table with the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І; each is printed as the
 * nearest Russian letter (see {@code docs/decisions/0003-receipt-text-encoding.md}). The QR payload is
 * ASCII and is sent as it is.
 */
public final class EscPosEncoder {

    private static final String KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
    private static final String RUSSIAN = "АаГгКкНнОоУуУуХхИи";

    /** Encodes the whole receipt, ending with a cut. */
    public byte[] encode(Receipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, EscPos.ESC, EscPos.INITIALIZE);
        write(out, EscPos.ESC, EscPos.CODE_TABLE, EscPos.CODE_TABLE_PC866);
        write(out, EscPos.ESC, EscPos.JUSTIFY, (byte) 1);
        write(out, EscPos.ESC, EscPos.EMPHASIZE, (byte) 1);
        write(out, EscPos.GS, EscPos.CHARACTER_SIZE, (byte) 0x11);
        text(out, receipt.heading());
        write(out, EscPos.GS, EscPos.CHARACTER_SIZE, (byte) 0x00);
        write(out, EscPos.ESC, EscPos.EMPHASIZE, (byte) 0);
        for (String line : receipt.lines()) {
            text(out, line);
        }
        if (!receipt.qrPayload().isEmpty()) {
            qr(out, receipt.qrPayload());
        }
        if (!receipt.shortCode().isEmpty()) {
            write(out, EscPos.GS, EscPos.CHARACTER_SIZE, (byte) 0x11);
            text(out, receipt.shortCode());
            write(out, EscPos.GS, EscPos.CHARACTER_SIZE, (byte) 0x00);
        }
        write(out, EscPos.ESC, EscPos.FEED_LINES, (byte) 4);
        write(out, EscPos.GS, EscPos.CUT, (byte) 1);
        return out.toByteArray();
    }

    /** The bytes that ask for the paper roll status (DLE EOT 4); the printer answers with one byte. */
    public byte[] paperStatusRequest() {
        return new byte[] {EscPos.DLE, EscPos.EOT, EscPos.STATUS_PAPER};
    }

    /** Replaces the Kazakh letters that PC866 lacks by the nearest Russian ones. */
    static String toPrintable(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int kazakh = KAZAKH.indexOf(c);
            result.append(kazakh >= 0 ? RUSSIAN.charAt(kazakh) : c);
        }
        return result.toString();
    }

    private static void text(ByteArrayOutputStream out, String line) {
        out.writeBytes(toPrintable(line).getBytes(EscPos.PC866));
        out.write(EscPos.LF);
    }

    private static void qr(ByteArrayOutputStream out, String payload) {
        byte[] data = payload.getBytes(StandardCharsets.US_ASCII);
        symbol(out, EscPos.QR_MODEL, EscPos.QR_MODEL_2, (byte) 0);
        symbol(out, EscPos.QR_MODULE_SIZE, EscPos.QR_MODULE_DOTS);
        symbol(out, EscPos.QR_ERROR_CORRECTION, EscPos.QR_LEVEL_M);
        byte[] store = new byte[data.length + 1];
        store[0] = 0x30;
        System.arraycopy(data, 0, store, 1, data.length);
        symbol(out, EscPos.QR_STORE, store);
        symbol(out, EscPos.QR_PRINT, (byte) 0x30);
        out.write(EscPos.LF);
    }

    /** GS ( k pL pH cn fn parameters, where pL pH count cn, fn and the parameters. */
    private static void symbol(ByteArrayOutputStream out, byte function, byte... parameters) {
        int length = parameters.length + 2;
        write(out, EscPos.GS, EscPos.SYMBOL, EscPos.SYMBOL_K, (byte) (length & 0xFF), (byte) (length >>> 8),
                EscPos.QR, function);
        out.writeBytes(parameters);
    }

    private static void write(ByteArrayOutputStream out, byte... bytes) {
        out.writeBytes(bytes);
    }
}
