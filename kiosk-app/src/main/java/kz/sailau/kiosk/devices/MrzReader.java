package kz.sailau.kiosk.devices;

import java.time.Duration;
import java.util.Optional;

/**
 * An identity-card MRZ reader: delivers each card's machine readable zone as the three text lines it read.
 * The real serial reader ({@link SerialMrzReader}) and the emulated one on a pseudo-terminal
 * ({@link MrzReaderEmulator} behind the same serial reader) pass the same tests.
 */
public interface MrzReader extends AutoCloseable {

    /**
     * Waits for the next card.
     *
     * @param timeout how long to wait
     * @return the zone as three lines joined by {@code \n}, or empty when no card came in time
     * @throws MrzReaderException if the reader is gone (unplugged) or cannot be read
     */
    Optional<String> nextZone(Duration timeout);

    /** Releases the port. */
    @Override
    void close();
}
