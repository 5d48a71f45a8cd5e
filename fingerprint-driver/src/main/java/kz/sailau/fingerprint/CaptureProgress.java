package kz.sailau.fingerprint;

/**
 * Receives progress of a {@link FingerprintScanner#capture capture}. Called on the capturing thread; an
 * implementation that updates a user interface must hand the values over to its own thread and return quickly.
 */
@FunctionalInterface
public interface CaptureProgress {

    /** A listener that ignores every report. */
    CaptureProgress NONE = (bytesReceived, totalBytes) -> { };

    /**
     * Reports how much of the image has arrived. Called at least once per data packet; {@code bytesReceived}
     * never decreases within one upload attempt and restarts at 0 when the driver retries the upload.
     *
     * @param bytesReceived image bytes received so far (packed, 4 bits per pixel)
     * @param totalBytes    image bytes expected, 36,864 for a 256 × 288 image
     */
    void bytesReceived(long bytesReceived, long totalBytes);

    /** Reports that a finger is on the sensor and the image upload starts. The default does nothing. */
    default void fingerDetected() {
    }
}
