package kz.sailau.kiosk.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the byte stream of a serial MRZ reader into zones, pure and without I/O. Readers of this kind send
 * each line of the zone as ASCII text terminated by CR, LF or CR LF; a card is three such lines. Lines are
 * collected until three non-empty ones are in; empty lines between cards are skipped. A line longer than
 * {@link #MAX_LINE} or a pause of more than {@link #MAX_GAP_MILLIS} inside a zone drops the partial zone, so a
 * half-read card never shifts the next one. Bytes outside printable ASCII are kept as {@code ?} so that the
 * parser reports the broken field instead of the assembler guessing.
 */
public final class MrzLineAssembler {

    /** Longest accepted line; a TD1 line has 30 characters, TD3 44. */
    public static final int MAX_LINE = 64;
    /** Longest pause between bytes of one zone (a reader sends a zone in well under a second). */
    public static final long MAX_GAP_MILLIS = 1_000;

    private final StringBuilder line = new StringBuilder(MAX_LINE);
    private final List<String> lines = new ArrayList<>(3);
    private boolean overlong;
    private boolean lastWasCr;
    private long lastByteAt = Long.MIN_VALUE;

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
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\r' || b == '\n') {
                endLine().ifPresent(zones::add);
            } else if (line.length() >= MAX_LINE) {
                overlong = true;
            } else {
                line.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
            }
        }
        if (length > 0) {
            lastByteAt = nowMillis;
        }
        return zones;
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
        lines.add(text);
        if (lines.size() == 3) {
            String zone = String.join("\n", lines);
            lines.clear();
            return Optional.of(zone);
        }
        return Optional.empty();
    }

    private void reset() {
        line.setLength(0);
        lines.clear();
        overlong = false;
        lastWasCr = false;
    }
}
