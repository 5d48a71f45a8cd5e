package kz.sailau.kiosk.precinct;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Lines of a precinct machine's console (the node console of {@code node run}, the ballot desk of
 * {@code token desk}), read with a bound: a stuck scanner, a pasted file or an endless stream cannot exhaust the
 * memory. A line longer than {@link #MAX_LINE} is read to its end and kept only as its first {@code MAX_LINE + 1}
 * characters, so that the caller sees that it is too long ({@link #tooLong}) and answers it with one line.
 */
public final class ConsoleLines {

    /** Longest line taken: a request or a QR payload is well under 200 characters; anything longer is refused. */
    public static final int MAX_LINE = 1024;

    private ConsoleLines() {
    }

    /**
     * The next line of {@code lines} without its end (LF, CR LF or CR), or {@code null} at the end of input; a line
     * longer than {@link #MAX_LINE} is read to its end but only its first {@code MAX_LINE + 1} characters are kept.
     *
     * @throws IOException when the input cannot be read
     */
    public static String next(BufferedReader lines) throws IOException {
        StringBuilder line = new StringBuilder();
        int c = lines.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() <= MAX_LINE) {
                line.append((char) c);
            }
            c = lines.read();
        }
        if (c == '\r') {
            // CR LF, or CR alone as some scanners end a code: one line end either way.
            lines.mark(1);
            if (lines.read() != '\n') {
                lines.reset();
            }
        }
        return line.toString();
    }

    /** Whether a line returned by {@link #next} was longer than {@link #MAX_LINE} (and is cut). */
    public static boolean tooLong(String line) {
        return line.length() > MAX_LINE;
    }
}
