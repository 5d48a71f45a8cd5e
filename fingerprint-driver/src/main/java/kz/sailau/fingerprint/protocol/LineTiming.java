package kz.sailau.fingerprint.protocol;

import java.time.Duration;

/**
 * Time bytes take on an asynchronous serial line with 8 data bits, no parity and one stop bit (8N1, the sensor's
 * fixed format: user manual, "Serial communication"): one start bit, eight data bits, one stop bit, ten bits per
 * byte.
 */
public final class LineTiming {

    /** Bits on the line per byte for 8N1 framing. */
    public static final int BITS_PER_BYTE = 10;

    private LineTiming() {
    }

    /**
     * Returns the time some bytes take on the line.
     *
     * @param bytes    number of bytes
     * @param baudRate line speed in bits per second
     * @return the wire time, rounded down to the nanosecond
     */
    public static Duration wireTime(long bytes, int baudRate) {
        if (bytes < 0 || baudRate <= 0) {
            throw new IllegalArgumentException("bytes must be >= 0 and baud rate > 0");
        }
        return Duration.ofNanos(bytes * BITS_PER_BYTE * 1_000_000_000L / baudRate);
    }
}
