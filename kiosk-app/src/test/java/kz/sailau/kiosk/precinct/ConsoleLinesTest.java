package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * The consoles of the precinct machines (the ballot desk, {@code node run}) read their standard input in lines of
 * bounded length (a stuck scanner, an endless stream).
 */
class ConsoleLinesTest {

    @Test
    void splitsOnEveryKindOfLineEnd() throws IOException {
        BufferedReader lines = new BufferedReader(new StringReader("state\nAAAA-BBBB\r\nquit\rlast"));
        assertEquals("state", ConsoleLines.next(lines));
        assertEquals("AAAA-BBBB", ConsoleLines.next(lines));
        assertEquals("quit", ConsoleLines.next(lines));
        assertEquals("last", ConsoleLines.next(lines));
        assertFalse(ConsoleLines.tooLong("x".repeat(ConsoleLines.MAX_LINE)), "a line of exactly MAX_LINE is taken");
        assertNull(ConsoleLines.next(lines));
    }

    @Test
    void keepsNoMoreOfAnEndlessLineThanItsFirstCharactersAndGoesOnAfterIt() throws IOException {
        long length = 8L * 1024 * 1024;
        StringReader after = new StringReader("\nquit\n");
        Reader endless = new Reader() {
            private long left = length;

            @Override
            public int read(char[] buffer, int offset, int count) throws IOException {
                if (left == 0) {
                    return after.read(buffer, offset, count);
                }
                int n = (int) Math.min(count, left);
                java.util.Arrays.fill(buffer, offset, offset + n, 'x');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        BufferedReader lines = new BufferedReader(endless);
        String first = ConsoleLines.next(lines);
        assertEquals(ConsoleLines.MAX_LINE + 1, first.length(), "the endless line is cut, not kept whole");
        assertEquals("x".repeat(ConsoleLines.MAX_LINE + 1), first);
        assertTrue(ConsoleLines.tooLong(first));
        assertEquals("quit", ConsoleLines.next(lines), "the line after it is read as it was typed");
        assertNull(ConsoleLines.next(lines));
    }
}
