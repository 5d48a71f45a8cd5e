package kz.sailau.fingerprint;

import java.time.Duration;

/**
 * A fingerprint sensor the kiosk reads live images from.
 *
 * <p>The real implementation is {@code kz.sailau.fingerprint.serial.SerialFingerprintScanner}; tests and the demo
 * run that same class against {@code kz.sailau.fingerprint.emulator.ScannerEmulator} on a pseudo-terminal.
 *
 * <p>Threading: {@link #open()}, {@link #capture} and {@link #close()} are called from one worker thread (never the
 * UI thread: an image upload takes seconds). {@link #cancel()} may be called from any thread.
 *
 * <p>Disconnects: when the sensor goes away the current call throws {@link ScannerDisconnectedException} and the
 * port is closed. The next {@link #open()} or {@link #capture} reopens the port at the same path, so a sensor
 * plugged back in works without restarting the program.
 */
public interface FingerprintScanner extends AutoCloseable {

    /**
     * Opens the port if it is not open and performs the handshake (password check, read system parameters, and
     * a baud rate change if one was configured). Calling it on an open scanner repeats the handshake.
     *
     * @return the parameters the sensor reports
     * @throws WrongPasswordException       if the sensor refuses the password
     * @throws PortBusyException            if another program holds the port
     * @throws ScannerDisconnectedException if the port does not exist or the line dies
     * @throws ScannerTimeoutException      if the sensor does not answer
     * @throws ScannerException             for any other protocol failure
     */
    SensorParameters open() throws ScannerException;

    /**
     * Waits for a finger, then uploads and decodes its image. Opens the port and handshakes first if needed.
     * Checksum errors, garbled and lost packets are retried a bounded number of times.
     *
     * @param progress      receives upload progress; use {@link CaptureProgress#NONE} to ignore it
     * @param fingerTimeout how long to wait for a finger before giving up
     * @return the decoded image
     * @throws NoFingerException            if no finger came within {@code fingerTimeout}
     * @throws CaptureCancelledException    if {@link #cancel()} was called or the thread was interrupted
     * @throws ScannerDisconnectedException if the sensor went away (the port is closed; call again after replug)
     * @throws ChecksumException            if checksums stayed wrong after the retries
     * @throws ScannerTimeoutException      if the sensor stopped answering, also after the retries
     * @throws ScannerException             for any other protocol failure
     */
    Capture capture(CaptureProgress progress, Duration fingerTimeout) throws ScannerException;

    /**
     * Asks a running {@link #capture} to stop as soon as possible (within one poll or one read timeout). The
     * request is cleared when the next capture starts. Safe to call from any thread and when nothing runs.
     */
    void cancel();

    /** Closes the port. Idempotent; never throws. A later {@link #open()} reopens it. */
    @Override
    void close();
}
