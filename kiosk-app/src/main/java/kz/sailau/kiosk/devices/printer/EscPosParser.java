package kz.sailau.kiosk.devices.printer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Parses a stream of ESC/POS bytes back into what a printer would put on paper: text lines, QR codes, raster images
 * and cuts, and tells when a status request arrives. Used by the printer emulator and by tests; it accepts bytes in
 * chunks of any size (a command may be split across reads).
 *
 * <p>Text is decoded byte by byte with the code table in force when the byte arrives (ESC t n may change it in the
 * middle of a line), from the tables the printer's {@link PrinterProfile} claims; a table it does not claim is
 * reported and its bytes print as U+FFFD. Raster images ({@code GS v 0}) are taken whole, so a {@code 1d 56} inside
 * the bitmap is never a cut. Commands outside the kiosk's subset are reported and skipped with their parameters
 * (the parameter counts of the Epson ESC/POS reference), so parameters never leak into the text.
 *
 * <p>Hostile input is survived: a symbol longer than {@link #MAX_SYMBOL_BYTES} or an image larger than
 * {@link #MAX_RASTER_BYTES} is refused, and pending bytes never grow beyond those bounds.
 */
public final class EscPosParser {

    /** Largest {@code GS ( k} block accepted (QR Code model 2 holds at most 7,089 digits). */
    public static final int MAX_SYMBOL_BYTES = 7_100;
    /** Largest raster image accepted: 80 mm paper (72 bytes a row) by 1,000 rows. */
    public static final int MAX_RASTER_BYTES = 72_000;
    /** Longest text line kept; longer lines are cut (a printer would wrap them). */
    public static final int MAX_LINE_CHARS = 512;
    /** Largest length-prefixed block skipped without being understood. */
    private static final int MAX_SKIPPED_BLOCK = 65_535;

    /** Receives what the parser recognises, in order. */
    public interface Listener {
        /** Something was printed. */
        void printed(PrintedItem item);

        /** The host asked for a real-time status (DLE EOT n); the printer must answer one byte. */
        void statusRequested(int function);

        /** A command outside the supported subset was skipped. The description holds no data bytes. */
        default void unsupported(String description) {
        }
    }

    private final Listener listener;
    private final Map<Integer, CodePage> tables;
    private byte[] pending = new byte[0];
    private final StringBuilder line = new StringBuilder();
    private CodePage table;
    private byte[] storedQr;
    private int qrModel = EscPos.QR_MODEL_2;
    private int qrModuleSize = 3;
    private int qrErrorCorrection = 48;

    /** A parser for a printer of the default profile that reports to the listener. */
    public EscPosParser(Listener listener) {
        this(listener, PrinterProfile.DEFAULT);
    }

    /**
     * A parser for a printer.
     *
     * @param listener receives what was printed
     * @param profile  the printer, whose code tables are decoded
     */
    public EscPosParser(Listener listener, PrinterProfile profile) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.tables = Objects.requireNonNull(profile, "profile").codeTables();
        this.table = initialTable();
    }

    private CodePage initialTable() {
        return tables.getOrDefault(0, tables.values().iterator().next());
    }

    /** Feeds the next chunk of received bytes. */
    public void feed(byte[] chunk, int length) {
        Objects.requireNonNull(chunk, "chunk");
        byte[] all = Arrays.copyOf(pending, pending.length + length);
        System.arraycopy(chunk, 0, all, pending.length, length);
        int position = 0;
        while (position < all.length) {
            int consumed = step(all, position);
            if (consumed == 0) {
                break;
            }
            position += consumed;
        }
        pending = Arrays.copyOfRange(all, position, all.length);
    }

    /** Feeds a whole byte array. */
    public void feed(byte[] chunk) {
        feed(chunk, chunk.length);
    }

    /**
     * Parses one element at {@code at}.
     *
     * @return bytes consumed, 0 when the element is incomplete and more bytes are needed
     */
    private int step(byte[] b, int at) {
        int available = b.length - at;
        byte first = b[at];
        if (first == EscPos.LF) {
            emitLine();
            return 1;
        }
        if (first == 0x0D) {
            return 1;
        }
        if (first == EscPos.ESC) {
            return escape(b, at, available);
        }
        if (first == EscPos.GS) {
            return groupSeparator(b, at, available);
        }
        if (first == EscPos.DLE) {
            return dataLinkEscape(b, at, available);
        }
        if (first == 0x1C) {
            return fileSeparator(b, at, available);
        }
        if ((first & 0xFF) < 0x20) {
            listener.unsupported("control " + hex(first));
            return 1;
        }
        if (line.length() < MAX_LINE_CHARS) {
            line.append(table.decode(first));
        }
        return 1;
    }

    private int escape(byte[] b, int at, int available) {
        if (available < 2) {
            return 0;
        }
        byte command = b[at + 1];
        switch (command) {
            case EscPos.INITIALIZE -> {
                line.setLength(0);
                table = initialTable();
                storedQr = null;
                return 2;
            }
            case '2', 'L', 'S', 'i', 'm', 'v', 0x0C -> {
                return 2;
            }
            case '*' -> {
                return bitImage(b, at, available);
            }
            case 'D' -> {
                return untilNul(b, at, available, 2, "ESC D");
            }
            default -> {
            }
        }
        int parameters = switch (command) {
            case '$', '\\', 'c' -> 2;
            case 'p' -> 3;
            case 'W' -> 8;
            default -> 1;
        };
        if (available < 2 + parameters) {
            return 0;
        }
        int parameter = b[at + 2] & 0xFF;
        switch (command) {
            case EscPos.CODE_TABLE -> selectTable(parameter);
            case EscPos.FEED_LINES -> flushLine();
            case EscPos.JUSTIFY, EscPos.EMPHASIZE -> {
                // Layout only: nothing to recover.
            }
            case ' ', '!', '%', '-', '3', '=', '?', 'G', 'J', 'M', 'R', 'T', 'V', '{', 'e', 'r', 'u', '$', '\\',
                 'c', 'p', 'W' -> listener.unsupported("ESC " + hex(command) + " (" + parameters + " parameter bytes)");
            default -> listener.unsupported("ESC " + hex(command));
        }
        return 2 + parameters;
    }

    private void selectTable(int number) {
        CodePage selected = tables.get(number);
        if (selected == null) {
            listener.unsupported("code table " + number + " is not on this printer");
            table = UNKNOWN;
        } else {
            table = selected;
        }
    }

    /** ESC * m nL nH d1...dk: k = n for m 0 and 1 (8-dot), 3n for m 32 and 33 (24-dot). */
    private int bitImage(byte[] b, int at, int available) {
        if (available < 5) {
            return 0;
        }
        int m = b[at + 2] & 0xFF;
        int n = (b[at + 3] & 0xFF) | (b[at + 4] & 0xFF) << 8;
        int k = m >= 32 ? 3 * n : n;
        listener.unsupported("ESC * bit image of " + n + " columns skipped");
        return available < 5 + k ? 0 : 5 + k;
    }

    private int groupSeparator(byte[] b, int at, int available) {
        if (available < 2) {
            return 0;
        }
        byte command = b[at + 1];
        if (command == EscPos.CUT) {
            if (available < 3) {
                return 0;
            }
            int mode = b[at + 2] & 0xFF;
            boolean withFeed = mode == 65 || mode == 66;
            if (withFeed && available < 4) {
                return 0;
            }
            flushLine();
            listener.printed(new PrintedItem.Cut());
            return withFeed ? 4 : 3;
        }
        if (command == EscPos.SYMBOL) {
            return lengthPrefixed(b, at, available);
        }
        if (command == EscPos.RASTER) {
            return raster(b, at, available);
        }
        switch (command) {
            case ':' -> {
                return 2;
            }
            case '8' -> {
                return longBlock(b, at, available);
            }
            case 'k' -> {
                return barcode(b, at, available);
            }
            case '*' -> {
                if (available < 4) {
                    return 0;
                }
                int k = (b[at + 2] & 0xFF) * (b[at + 3] & 0xFF) * 8;
                listener.unsupported("GS * downloaded bit image skipped");
                return available < 4 + k ? 0 : 4 + k;
            }
            default -> {
            }
        }
        int parameters = switch (command) {
            case '$', 'L', 'P', 'W', '\\' -> 2;
            case '^' -> 3;
            default -> 1;
        };
        if (available < 2 + parameters) {
            return 0;
        }
        if (command != EscPos.CHARACTER_SIZE) {
            listener.unsupported("GS " + hex(command) + " (" + parameters + " parameter bytes)");
        }
        return 2 + parameters;
    }

    /** GS ( x pL pH ...: every GS ( function counts its parameters in pL pH; GS ( k is the QR code. */
    private int lengthPrefixed(byte[] b, int at, int available) {
        if (available < 5) {
            return 0;
        }
        int length = (b[at + 3] & 0xFF) | (b[at + 4] & 0xFF) << 8;
        if (b[at + 2] != EscPos.SYMBOL_K) {
            listener.unsupported("GS ( " + hex(b[at + 2]) + " block of " + length + " bytes skipped");
            return available < 5 + length ? 0 : 5 + length;
        }
        if (length > MAX_SYMBOL_BYTES || length < 2) {
            listener.unsupported("GS ( k block of " + length + " bytes refused");
            return 5;
        }
        if (available < 5 + length) {
            return 0;
        }
        symbol(Arrays.copyOfRange(b, at + 5, at + 5 + length));
        return 5 + length;
    }

    /** GS 8 L p1 p2 p3 p4 ...: a graphics block with a four-byte length; skipped up to a bound. */
    private int longBlock(byte[] b, int at, int available) {
        if (available < 7) {
            return 0;
        }
        long length = (b[at + 3] & 0xFFL) | (b[at + 4] & 0xFFL) << 8 | (b[at + 5] & 0xFFL) << 16
                | (b[at + 6] & 0xFFL) << 24;
        if (length > MAX_SKIPPED_BLOCK) {
            listener.unsupported("GS 8 block of " + length + " bytes refused");
            return 7;
        }
        listener.unsupported("GS 8 " + hex(b[at + 2]) + " block skipped");
        return available < 7 + length ? 0 : 7 + (int) length;
    }

    /** GS k m ...: m 0..6 data ends with NUL; m 65..79 has a length byte. */
    private int barcode(byte[] b, int at, int available) {
        if (available < 3) {
            return 0;
        }
        int m = b[at + 2] & 0xFF;
        if (m <= 6) {
            return untilNul(b, at, available, 3, "GS k barcode");
        }
        if (available < 4) {
            return 0;
        }
        int n = b[at + 3] & 0xFF;
        listener.unsupported("GS k barcode skipped");
        return available < 4 + n ? 0 : 4 + n;
    }

    /** GS v 0 m xL xH yL yH d1...dk with k = (xL + xH × 256) × (yL + yH × 256). */
    private int raster(byte[] b, int at, int available) {
        if (available < 8) {
            return 0;
        }
        if (b[at + 2] != EscPos.RASTER_ZERO) {
            listener.unsupported("GS v " + hex(b[at + 2]));
            return 3;
        }
        int widthBytes = (b[at + 4] & 0xFF) | (b[at + 5] & 0xFF) << 8;
        int height = (b[at + 6] & 0xFF) | (b[at + 7] & 0xFF) << 8;
        long size = (long) widthBytes * height;
        if (size > MAX_RASTER_BYTES || widthBytes == 0 || height == 0) {
            listener.unsupported("GS v 0 image of " + widthBytes + " x " + height + " bytes refused");
            return 8;
        }
        if (available < 8 + size) {
            return 0;
        }
        flushLine();
        listener.printed(new PrintedItem.RasterImage(widthBytes * 8, height,
                Arrays.copyOfRange(b, at + 8, at + 8 + (int) size)));
        return 8 + (int) size;
    }

    private int dataLinkEscape(byte[] b, int at, int available) {
        if (available < 2) {
            return 0;
        }
        byte command = b[at + 1];
        if (command == 0x14) {
            if (available < 5) {
                return 0;
            }
            listener.unsupported("DLE DC4 " + hex(b[at + 2]));
            return 5;
        }
        if (available < 3) {
            return 0;
        }
        if (command == EscPos.EOT) {
            listener.statusRequested(b[at + 2] & 0xFF);
            return 3;
        }
        listener.unsupported("DLE " + hex(command));
        return command == 0x05 ? 3 : 2;
    }

    /** FS: Kanji commands; FS . and FS &amp; have no parameter, FS ( is length-prefixed, FS ! one byte. */
    private int fileSeparator(byte[] b, int at, int available) {
        if (available < 2) {
            return 0;
        }
        byte command = b[at + 1];
        listener.unsupported("FS " + hex(command));
        return switch (command) {
            case '.', '&' -> 2;
            case '(' -> {
                if (available < 5) {
                    yield 0;
                }
                int length = (b[at + 3] & 0xFF) | (b[at + 4] & 0xFF) << 8;
                yield available < 5 + length ? 0 : 5 + length;
            }
            default -> available < 3 ? 0 : 3;
        };
    }

    /** Skips a command whose data ends with NUL, bounded by {@link #MAX_LINE_CHARS}. */
    private int untilNul(byte[] b, int at, int available, int header, String name) {
        for (int i = at + header; i < b.length; i++) {
            if (b[i] == 0) {
                listener.unsupported(name + " skipped");
                return i - at + 1;
            }
            if (i - at > MAX_LINE_CHARS) {
                listener.unsupported(name + " without end refused");
                return header;
            }
        }
        return available > MAX_LINE_CHARS ? header : 0;
    }

    private void symbol(byte[] block) {
        if (block[0] != EscPos.QR) {
            listener.unsupported("2D symbol type " + hex(block[0]));
            return;
        }
        byte function = block[1];
        switch (function) {
            case EscPos.QR_MODEL -> qrModel = block.length > 2 ? block[2] & 0xFF : qrModel;
            case EscPos.QR_MODULE_SIZE -> qrModuleSize = block.length > 2 ? block[2] & 0xFF : qrModuleSize;
            case EscPos.QR_ERROR_CORRECTION -> qrErrorCorrection = block.length > 2 ? block[2] & 0xFF : qrErrorCorrection;
            case EscPos.QR_STORE -> storedQr = block.length > 3 ? Arrays.copyOfRange(block, 3, block.length) : new byte[0];
            case EscPos.QR_PRINT -> {
                if (storedQr == null) {
                    listener.unsupported("QR print without stored data");
                } else {
                    flushLine();
                    listener.printed(new PrintedItem.QrCode(new String(storedQr, StandardCharsets.ISO_8859_1),
                            qrModel, qrModuleSize, qrErrorCorrection));
                }
            }
            default -> listener.unsupported("QR function " + hex(function));
        }
    }

    /** Prints the pending text, if any (a command that prints the buffer). */
    private void flushLine() {
        if (line.length() > 0) {
            emitLine();
        }
    }

    /** Prints the pending text, even an empty line (LF). */
    private void emitLine() {
        String text = line.toString();
        line.setLength(0);
        listener.printed(new PrintedItem.TextLine(text));
    }

    private static String hex(byte value) {
        return String.format("0x%02X", value & 0xFF);
    }

    /** A table the printer does not have: every byte prints as U+FFFD. */
    private static final CodePage UNKNOWN = CodePage.unknown();
}
