package kz.sailau.kiosk.devices.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Parses a stream of ESC/POS bytes back into what a printer would put on paper: text lines, QR codes and
 * cuts, and tells when a status request arrives. Used by the printer emulator and by tests; it accepts
 * bytes in chunks of any size (a command may be split across reads).
 *
 * <p>Hostile input is survived: unknown commands are reported and skipped, a symbol longer than
 * {@link #MAX_SYMBOL_BYTES} is refused, and pending bytes never grow beyond that bound.
 */
public final class EscPosParser {

    /** Largest {@code GS ( k} block accepted (QR Code model 2 holds at most 7,089 digits). */
    public static final int MAX_SYMBOL_BYTES = 7_100;
    /** Longest text line kept; longer lines are cut (a printer would wrap them). */
    public static final int MAX_LINE_CHARS = 512;

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
    private byte[] pending = new byte[0];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Charset charset = StandardCharsets.US_ASCII;
    private byte[] storedQr;
    private int qrModel = EscPos.QR_MODEL_2;
    private int qrModuleSize = 3;
    private int qrErrorCorrection = 48;

    /** A parser that reports to the listener. */
    public EscPosParser(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
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
            if (available < 3) {
                return 0;
            }
            if (b[at + 1] == EscPos.EOT) {
                listener.statusRequested(b[at + 2] & 0xFF);
                return 3;
            }
            listener.unsupported("DLE " + hex(b[at + 1]));
            return 2;
        }
        if ((first & 0xFF) < 0x20) {
            listener.unsupported("control " + hex(first));
            return 1;
        }
        if (line.size() < MAX_LINE_CHARS * 2) {
            line.write(first);
        }
        return 1;
    }

    private int escape(byte[] b, int at, int available) {
        if (available < 2) {
            return 0;
        }
        byte command = b[at + 1];
        if (command == EscPos.INITIALIZE) {
            line.reset();
            charset = StandardCharsets.US_ASCII;
            storedQr = null;
            return 2;
        }
        if (available < 3) {
            return 0;
        }
        int parameter = b[at + 2] & 0xFF;
        switch (command) {
            case EscPos.CODE_TABLE -> charset = parameter == EscPos.CODE_TABLE_PC866
                    ? EscPos.PC866 : StandardCharsets.ISO_8859_1;
            case EscPos.FEED_LINES -> flushLine();
            case EscPos.JUSTIFY, EscPos.EMPHASIZE -> {
                // Layout only: nothing to recover.
            }
            default -> listener.unsupported("ESC " + hex(command));
        }
        return 3;
    }

    private int groupSeparator(byte[] b, int at, int available) {
        if (available < 2) {
            return 0;
        }
        byte command = b[at + 1];
        if (command == EscPos.CHARACTER_SIZE) {
            return available < 3 ? 0 : 3;
        }
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
            if (available < 5) {
                return 0;
            }
            if (b[at + 2] != EscPos.SYMBOL_K) {
                listener.unsupported("GS ( " + hex(b[at + 2]));
                return 2;
            }
            int length = (b[at + 3] & 0xFF) | (b[at + 4] & 0xFF) << 8;
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
        listener.unsupported("GS " + hex(command));
        return 2;
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
        if (line.size() > 0) {
            emitLine();
        }
    }

    /** Prints the pending text, even an empty line (LF). */
    private void emitLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        String text = new String(bytes, charset);
        if (text.length() > MAX_LINE_CHARS) {
            text = text.substring(0, MAX_LINE_CHARS);
        }
        listener.printed(new PrintedItem.TextLine(text));
    }

    private static String hex(byte value) {
        return String.format("0x%02X", value & 0xFF);
    }
}
