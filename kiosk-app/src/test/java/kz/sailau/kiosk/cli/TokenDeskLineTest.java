package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The ballot desk reads its standard input in lines of bounded length (a stuck scanner, an endless stream). */
class TokenDeskLineTest {

    @Test
    void splitsOnEveryKindOfLineEnd() throws IOException {
        BufferedReader lines = new BufferedReader(new StringReader("state\nAAAA-BBBB\r\nquit\rlast"));
        assertEquals("state", TokenDeskCommand.boundedLine(lines));
        assertEquals("AAAA-BBBB", TokenDeskCommand.boundedLine(lines));
        assertEquals("quit", TokenDeskCommand.boundedLine(lines));
        assertEquals("last", TokenDeskCommand.boundedLine(lines));
        assertNull(TokenDeskCommand.boundedLine(lines));
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
        String first = TokenDeskCommand.boundedLine(lines);
        assertEquals(TokenDeskCommand.MAX_LINE + 1, first.length(), "the endless line is cut, not kept whole");
        assertEquals("x".repeat(TokenDeskCommand.MAX_LINE + 1), first);
        assertEquals("quit", TokenDeskCommand.boundedLine(lines), "the line after it is read as it was typed");
        assertNull(TokenDeskCommand.boundedLine(lines));
    }
}
