package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first line of a secret's file ({@code --passphrase-file}, {@code --pin-file}), read without ever holding more
 * than a few kilobytes: a device such as {@code /dev/zero}, a huge file or a pipe that never ends gives a
 * {@link CliException} naming the limit, not an out-of-memory stack trace. A pipe ({@code <(...)}) stays allowed.
 */
final class SecretLine {

    /** The most bytes of the file looked at; a first line that does not end within them is refused. */
    static final int MAX_BYTES = 4096;

    /** The UTF-8 byte order mark some editors write at the start of a text file. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SecretLine() {
    }

    /**
     * Reads the first line (up to {@code \n} or {@code \r}, UTF-8) of {@code file}.
     *
     * @param key  the message key of every refusal
     * @param what what the file holds, for the messages ("passphrase", "PIN")
     * @return the line's characters (the caller clears them after use)
     * @throws CliException with {@code key} when the file cannot be read, is empty, or its first line is too long
     */
    static char[] read(Path file, String key, String what) {
        byte[] bytes = new byte[MAX_BYTES + 1];
        int length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while (length < bytes.length && (read = in.read(bytes, length, bytes.length - length)) > 0) {
                length += read;
                if (lineEnd(bytes, length) >= 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new CliException(key, what + " file cannot be read: " + e.getClass().getSimpleName());
        }
        try {
            int end = lineEnd(bytes, length);
            if (end < 0 && length > MAX_BYTES) {
                throw new CliException(key, what + " file: no line break within its first " + MAX_BYTES
                        + " bytes; not a " + what + " file");
            }
            end = end < 0 ? length : end;
            // A byte order mark (an editor's, not typed) would become part of the secret: the same passphrase
            // typed at the console would then not unseal what was sealed from the file.
            int start = end >= BOM.length && Arrays.equals(bytes, 0, BOM.length, BOM, 0, BOM.length) ? BOM.length : 0;
            if (end == start) {
                throw new CliException(key, what + " file is empty");
            }
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, start, end - start));
            char[] line = new char[chars.remaining()];
            chars.get(line);
            Arrays.fill(chars.array(), '\0');
            return line;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static int lineEnd(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return -1;
    }
}
