package kz.sailau.fingerprint.serial;

import java.nio.file.Path;
import kz.sailau.fingerprint.ScannerException;

/** An open serial line as the driver needs it; the seam that lets unit tests replace jSerialComm. */
interface SerialLine {

    /**
     * Reads what arrives within one short read slice.
     *
     * @param buffer target
     * @return bytes read, 0 if none arrived in the slice, -1 if the line is dead
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
     * Changes the line speed of the open port.
     *
     * @param baudRate the new rate
     */
    void setBaudRate(int baudRate);

    /** Closes the port. */
    void close();

    /** Opens a serial line. */
    @FunctionalInterface
    interface Opener {
        /**
         * Opens the port.
         *
         * @param port     device path
         * @param baudRate line speed
         * @return the open line
         * @throws ScannerException if the port is missing, busy or not accessible
         */
        SerialLine open(Path port, int baudRate) throws ScannerException;
    }
}
