package kz.sailau.kiosk.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the byte stream of a serial MRZ reader into zones, pure and without I/O, in each
 * {@linkplain MrzReaderProfile.Framing framing}:
 * <ul>
 *   <li>{@code LINES} and {@code ONE_LINE}: text lines ended by CR, LF or CR LF. Three non-empty lines make a zone;
 *       a single line of 90 characters (a TD1 zone sent without separators) is one zone of three rows of 30.
 *       Empty lines between cards are skipped.</li>
 *   <li>{@code RTE_BLOCK}: {@code SOH len len 'O' 'U' STX flag rows... ETX BCC}; the rows are separated by CR, the
 *       BCC is the exclusive-or of every byte from the length word to ETX. A block with a wrong BCC, a wrong header
 *       or not three rows is dropped whole.</li>
 * </ul>
 * A line longer than {@link #MAX_LINE} or a pause of more than {@link #MAX_GAP_MILLIS} inside a zone drops the
 * partial zone, so a half-read card never shifts the next one. Bytes outside printable ASCII are kept as {@code ?}
 * so that the parser reports the broken field instead of the assembler guessing.
 */
public final class MrzLineAssembler {

    /** Longest accepted line: a TD1 zone sent as one line has 90 characters. */
    public static final int MAX_LINE = 96;
    /** Longest pause between bytes of one zone (a reader sends a zone in well under a second). */
    public static final long MAX_GAP_MILLIS = 1_000;
    /** TD1 row length (ICAO 9303 part 5). */
    static final int TD1_ROW = 30;
    private static final int SOH = 0x01;
    private static final int STX = 0x02;
    private static final int ETX = 0x03;
    /** Longest RTE block accepted: header, three rows of 44 and their CRs, trailer. */
    private static final int MAX_BLOCK = 200;

    private final MrzReaderProfile.Framing framing;
    private final StringBuilder line = new StringBuilder(MAX_LINE);
    private final List<String> lines = new ArrayList<>(3);
    private boolean overlong;
    private boolean lastWasCr;
    private long lastByteAt = Long.MIN_VALUE;
    /** RTE block bytes from SOH on; {@code null} while waiting for SOH. */
    private byte[] block;
    private int blockLength;
    private boolean blockEnded;

    /** An assembler for readers that send one line per row. */
    public MrzLineAssembler() {
        this(MrzReaderProfile.Framing.LINES);
    }

    /**
     * An assembler for a framing.
     *
     * @param framing how the reader frames a zone
     */
    public MrzLineAssembler(MrzReaderProfile.Framing framing) {
        this.framing = Objects.requireNonNull(framing, "framing");
    }

    /**
     * Feeds bytes received at {@code nowMillis}.
     *
     * @return the zones completed by these bytes, each three lines joined by {@code \n}
     */
    public List<String> feed(byte[] bytes, int length, long nowMillis) {
        List<String> zones = new ArrayList<>(1);
        if (length > 0 && lastByteAt != Long.MIN_VALUE && nowMillis - lastByteAt > MAX_GAP_MILLIS) {
            reset();
        }
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (framing == MrzReaderProfile.Framing.RTE_BLOCK) {
                blockByte(b).ifPresent(zones::add);
            } else {
                lineByte(b).ifPresent(zones::add);
            }
        }
        if (length > 0) {
            lastByteAt = nowMillis;
        }
        return zones;
    }

    private Optional<String> lineByte(int b) {
        if (b == '\n' && lastWasCr) {
            lastWasCr = false;
            return Optional.empty();
        }
        lastWasCr = b == '\r';
        if (b == '\r' || b == '\n') {
            return endLine();
        }
        if (line.length() >= MAX_LINE) {
            overlong = true;
        } else {
            line.append(printable(b));
        }
        return Optional.empty();
    }

    private Optional<String> endLine() {
        String text = line.toString().strip();
        boolean dropped = overlong;
        line.setLength(0);
        overlong = false;
        if (dropped) {
            lines.clear();
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() == 3 * TD1_ROW && lines.isEmpty()) {
            return Optional.of(text.substring(0, TD1_ROW) + "\n" + text.substring(TD1_ROW, 2 * TD1_ROW) + "\n"
                    + text.substring(2 * TD1_ROW));
        }
        lines.add(text);
        if (lines.size() == 3) {
            String zone = String.join("\n", lines);
            lines.clear();
            return Optional.of(zone);
        }
        return Optional.empty();
    }

    private Optional<String> blockByte(int b) {
        if (block == null) {
            if (b == SOH) {
                block = new byte[MAX_BLOCK];
                block[0] = (byte) b;
                blockLength = 1;
                blockEnded = false;
            }
            return Optional.empty();
        }
        block[blockLength++] = (byte) b;
        if (blockEnded) {
            Optional<String> zone = blockZone();
            block = null;
            return zone;
        }
        if (b == ETX && blockLength > 7) {
            blockEnded = true;
        } else if (blockLength == MAX_BLOCK) {
            block = null;
        }
        return Optional.empty();
    }

    /** Checks header and BCC of the complete block (SOH .. ETX BCC) and returns its three rows. */
    private Optional<String> blockZone() {
        int bcc = 0;
        for (int i = 1; i < blockLength - 1; i++) {
            bcc ^= block[i] & 0xFF;
        }
        if (bcc != (block[blockLength - 1] & 0xFF) || block[3] != 'O' || block[4] != 'U' || block[5] != STX) {
            return Optional.empty();
        }
        StringBuilder data = new StringBuilder();
        for (int i = 7; i < blockLength - 2; i++) {
            data.append(printableOrCr(block[i] & 0xFF));
        }
        String[] rows = data.toString().split("\r", -1);
        if (rows.length != 4 || !rows[3].isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < 3; i++) {
            if (rows[i].isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.of(rows[0] + "\n" + rows[1] + "\n" + rows[2]);
    }

    private static char printable(int b) {
        return b >= 0x20 && b < 0x7F ? (char) b : '?';
    }

    private static char printableOrCr(int b) {
        return b == '\r' ? '\r' : printable(b);
    }

    private void reset() {
        line.setLength(0);
        lines.clear();
        overlong = false;
        lastWasCr = false;
        block = null;
    }
}
