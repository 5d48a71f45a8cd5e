package kz.sailau.kiosk.devices;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * A serial MRZ reader: 8 data bits, no parity, one stop bit, no flow control, at the configured baud rate (9600 is
 * the common factory setting of desktop OCR-B readers), its zone framing given by a {@link MrzReaderProfile}. The
 * port is opened through {@link SerialLine}, the one serial opener. Not thread-safe: one reader thread.
 */
public final class SerialMrzReader implements MrzReader {

    /** Read slice: a blocked read returns at least this often so timeouts and close are honoured. */
    static final int READ_SLICE_MILLIS = 50;

    private final SerialLine line;
    private final Clock clock;
    private final MrzLineAssembler assembler;
    private final Deque<String> ready = new ArrayDeque<>();
    private final byte[] buffer = new byte[256];

    private SerialMrzReader(SerialLine line, Clock clock, MrzReaderProfile profile) {
        this.line = line;
        this.clock = clock;
        this.assembler = new MrzLineAssembler(profile.framing());
    }

    /**
     * Opens a reader of the default profile (one line per row) on a serial device.
     *
     * @throws MrzReaderException {@code device.mrz.notFound} or {@code device.mrz.cannotOpen}
     */
    public static SerialMrzReader open(Path device, int baudRate, Clock clock) {
        return open(device, baudRate, MrzReaderProfile.DEFAULT, clock);
    }

    /**
     * Opens the reader on a serial device (a real port or an emulator's pseudo-terminal).
     *
     * @param device   the port
     * @param baudRate line speed
     * @param profile  the reader model: how it frames a zone
     * @param clock    the clock pauses between bytes are judged by
     * @throws MrzReaderException {@code device.mrz.notFound} or {@code device.mrz.cannotOpen}
     */
    public static SerialMrzReader open(Path device, int baudRate, MrzReaderProfile profile, Clock clock) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(clock, "clock");
        try {
            return new SerialMrzReader(SerialLine.open(device, baudRate, READ_SLICE_MILLIS), clock, profile);
        } catch (DeviceException e) {
            String key = e.kind() == DeviceException.Kind.NOT_FOUND ? "device.mrz.notFound" : "device.mrz.cannotOpen";
            throw new MrzReaderException(key, "MRZ reader port: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> nextZone(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = clock.millis() + timeout.toMillis();
        while (ready.isEmpty()) {
            int n;
            try {
                n = line.read(buffer);
            } catch (DeviceException e) {
                throw new MrzReaderException("device.mrz.disconnected", "MRZ reader disconnected", e);
            }
            ready.addAll(assembler.feed(buffer, n, clock.millis()));
            if (ready.isEmpty() && clock.millis() >= deadline) {
                return Optional.empty();
            }
        }
        return Optional.of(ready.removeFirst());
    }

    @Override
    public void close() {
        line.close();
    }
}
