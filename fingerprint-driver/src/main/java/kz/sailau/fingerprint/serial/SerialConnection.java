package kz.sailau.fingerprint.serial;

import java.nio.file.Path;

/**
 * An open serial port, 8N1 without flow control, as {@link SerialPorts#open} returns it. Not thread-safe except
 * {@link #close()}.
 */
public interface SerialConnection extends AutoCloseable {

    /**
     * Returns the path the port was opened by.
     *
     * @return e.g. {@code /dev/sailau-printer}
     */
    Path path();

    /**
     * Reads what arrives within one read slice.
     *
     * @param buffer target
     * @return bytes read, 0 if none arrived in the slice, -1 if the line is dead (an unplugged USB adapter)
     */
    int read(byte[] buffer);

    /**
     * Writes all bytes.
     *
     * @param bytes the bytes
     * @return bytes written; anything but {@code bytes.length} means the line is dead
     */
    int write(byte[] bytes);

    /**
     * Changes the line speed.
     *
     * @param baudRate the new rate
     */
    void setBaudRate(int baudRate);

    /**
     * Returns how many received bytes can be read without waiting.
     *
     * @return the count, or -1 if the line is dead
     */
    int available();

    /** Discards whatever was received and not yet read. */
    void discardInput();

    /** Closes the port; idempotent, never throws. */
    @Override
    void close();
}
