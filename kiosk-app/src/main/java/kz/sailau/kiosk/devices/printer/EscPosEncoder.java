package kz.sailau.kiosk.devices.printer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a {@link Receipt} into ESC/POS bytes for one {@link PrinterProfile}: initialise, heading, lines, the QR code
 * through the {@code GS ( k} functions (model 2, module size, error correction, store, print), the short code, feed
 * and partial cut.
 *
 * <p>Each text line goes in the first code table of the profile that holds all its characters, selected with
 * {@code ESC t n} when it changes (KZ-1048 where the printer has it); a line no table holds (Kazakh on a PC866
 * printer) goes as a raster image ({@code GS v 0}) rendered by {@link RasterText}. Only a printer with neither a
 * table nor raster support gets the Kazakh letters folded to their Russian look-alikes, the last resort of decision
 * 0003. The QR payload is ASCII and is sent as it is.
 */
public final class EscPosEncoder {

    private static final String KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
    private static final String RUSSIAN = "АаГгКкНнОоУуУуХхИи";

    private final PrinterProfile profile;

    /** An encoder for the default printer profile. */
    public EscPosEncoder() {
        this(PrinterProfile.DEFAULT);
    }

    /**
     * An encoder for a printer.
     *
     * @param profile the printer's code tables, raster support and line width
     */
    public EscPosEncoder(PrinterProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** Encodes the whole receipt, ending with a cut. */
    public byte[] encode(Receipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        Output out = new Output();
        out.write(EscPos.ESC, EscPos.INITIALIZE);
        out.write(EscPos.ESC, EscPos.JUSTIFY, (byte) 1);
        out.write(EscPos.ESC, EscPos.EMPHASIZE, (byte) 1);
        out.write(EscPos.GS, EscPos.CHARACTER_SIZE, (byte) 0x11);
        text(out, receipt.heading(), true);
        out.write(EscPos.GS, EscPos.CHARACTER_SIZE, (byte) 0x00);
        out.write(EscPos.ESC, EscPos.EMPHASIZE, (byte) 0);
        for (String line : receipt.lines()) {
            text(out, line, false);
        }
        if (!receipt.qrPayload().isEmpty()) {
            qr(out, receipt.qrPayload());
        }
        if (!receipt.shortCode().isEmpty()) {
            out.write(EscPos.GS, EscPos.CHARACTER_SIZE, (byte) 0x11);
            text(out, receipt.shortCode(), true);
            out.write(EscPos.GS, EscPos.CHARACTER_SIZE, (byte) 0x00);
        }
        out.write(EscPos.ESC, EscPos.FEED_LINES, (byte) 4);
        out.write(EscPos.GS, EscPos.CUT, (byte) 1);
        return out.toByteArray();
    }

    /** The bytes that ask for the paper roll status (DLE EOT 4); the printer answers with one byte. */
    public byte[] paperStatusRequest() {
        return new byte[] {EscPos.DLE, EscPos.EOT, EscPos.STATUS_PAPER};
    }

    /** Replaces the Kazakh letters that PC866 lacks by the nearest Russian ones (last resort only). */
    static String toPrintable(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int kazakh = KAZAKH.indexOf(c);
            result.append(kazakh >= 0 ? RUSSIAN.charAt(kazakh) : c);
        }
        return result.toString();
    }

    private void text(Output out, String line, boolean large) {
        Optional<Integer> table = profile.tableFor(line);
        if (table.isEmpty() && profile.raster()) {
            raster(out, RasterText.render(line, large ? RasterText.LARGE_SIZE : RasterText.NORMAL_SIZE,
                    profile.dotsPerLine()));
            return;
        }
        String printable = table.isPresent() ? line : toPrintable(line);
        int number = table.or(() -> profile.tableFor(printable)).orElse(profile.codeTables().keySet().iterator()
                .next());
        if (out.table != number) {
            out.write(EscPos.ESC, EscPos.CODE_TABLE, (byte) number);
            out.table = number;
        }
        CodePage page = profile.codeTables().get(number);
        StringBuilder known = new StringBuilder();
        printable.chars().forEach(c -> known.append(page.canEncode(String.valueOf((char) c)) ? (char) c : '?'));
        out.writeBytes(page.encode(known.toString()));
        out.write(EscPos.LF);
    }

    /** GS v 0 m xL xH yL yH d1...dk, m = 0 (normal), x in bytes, y in dots (ESC/POS reference, GS v 0). */
    private static void raster(Output out, BufferedImage image) {
        int widthBytes = image.getWidth() / 8;
        int height = image.getHeight();
        out.write(EscPos.GS, EscPos.RASTER, EscPos.RASTER_ZERO, (byte) 0, (byte) widthBytes,
                (byte) (widthBytes >>> 8), (byte) height, (byte) (height >>> 8));
        out.writeBytes(RasterText.pack(image));
    }

    private static void qr(Output out, String payload) {
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
    private static void symbol(Output out, byte function, byte... parameters) {
        int length = parameters.length + 2;
        out.write(EscPos.GS, EscPos.SYMBOL, EscPos.SYMBOL_K, (byte) (length & 0xFF), (byte) (length >>> 8),
                EscPos.QR, function);
        out.writeBytes(parameters);
    }

    /** The bytes so far and the code table in force. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int table = -1;

        void write(byte... some) {
            bytes.writeBytes(some);
        }

        void writeBytes(byte[] some) {
            bytes.writeBytes(some);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
