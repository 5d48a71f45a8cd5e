package kz.sailau.kiosk.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the small files a machine keeps in its own directory — its sealed keys, its certificate and request, the
 * pinned authority certificate, the precinct token key package — as the command line reads a certificate given as
 * an argument (decision 0491): a regular file of at most {@link #MAX_BYTES}, its type and size checked before a
 * byte is read. An insider who puts a named pipe, a link to {@code /dev/zero} or a folder there, or a huge sparse
 * file, gets one line naming the file, not a command that waits forever or runs out of memory.
 */
public final class MachineFiles {

    /** The most bytes such a file may have: real ones are a few kilobytes (as a certificate argument's limit). */
    public static final int MAX_BYTES = 1024 * 1024;

    private MachineFiles() {
    }

    /**
     * The bytes of {@code file}.
     *
     * @throws NoSuchFileException  when there is no such file
     * @throws KioskCryptoException {@code crypto.error.notRegularFile} for a named pipe, device, socket or folder,
     *                              {@code crypto.error.fileTooLarge} for a file over {@link #MAX_BYTES}
     * @throws IOException          when it cannot be read
     */
    public static byte[] read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new KioskCryptoException("crypto.error.notRegularFile", file + " is not a regular file ("
                    + (Files.isDirectory(file) ? "a folder" : "a named pipe, a device or a socket") + "): a key or "
                    + "certificate file of this machine is a small regular file; put back the one the key ceremony "
                    + "made", null);
        }
        if (Files.size(file) > MAX_BYTES) {
            throw tooLarge(file);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // A read that fails (a link to /proc/self/mem: "Input/output error") names the file it failed on.
            throw new FileSystemException(file.toString(), null, String.valueOf(e.getMessage()));
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(file);
        }
        return bytes;
    }

    private static KioskCryptoException tooLarge(Path file) {
        return new KioskCryptoException("crypto.error.fileTooLarge", file + " is larger than " + MAX_BYTES
                + " bytes: no key, certificate or key package of this machine is that large; put back the one the "
                + "key ceremony made", null);
    }
}
