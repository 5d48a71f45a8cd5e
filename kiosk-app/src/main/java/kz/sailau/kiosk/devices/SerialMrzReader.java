package kz.sailau.kiosk.devices;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * A serial MRZ reader over jSerialComm: 8 data bits, no parity, one stop bit, no flow control, at the
 * configured baud rate (9600 is the common factory setting of desktop OCR-B readers). The only class of
 * the kiosk besides the fingerprint driver that touches a serial port. Not thread-safe: one reader thread.
 */
public final class SerialMrzReader implements MrzReader {

    /** Read slice: a blocked read returns at least this often so timeouts and close are honoured. */
    static final int READ_SLICE_MILLIS = 50;

    private final SerialPort port;
    private final Clock clock;
    private final MrzLineAssembler assembler = new MrzLineAssembler();
    private final Deque<String> ready = new ArrayDeque<>();
    private final byte[] buffer = new byte[256];

    private SerialMrzReader(SerialPort port, Clock clock) {
        this.port = port;
        this.clock = clock;
    }

    /**
     * Opens the reader on a serial device (a real port or an emulator's pseudo-terminal).
     *
     * @throws MrzReaderException {@code device.mrz.notFound} or {@code device.mrz.cannotOpen}
     */
    public static SerialMrzReader open(Path device, int baudRate, Clock clock) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(clock, "clock");
        if (!Files.exists(device)) {
            throw new MrzReaderException("device.mrz.notFound", "MRZ reader port " + device + " does not exist", null);
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device.toString());
        } catch (SerialPortInvalidPortException e) {
            throw new MrzReaderException("device.mrz.cannotOpen", "MRZ reader port unusable: " + e.getMessage(), e);
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_SLICE_MILLIS, 0);
        if (!port.openPort()) {
            throw new MrzReaderException("device.mrz.cannotOpen", "MRZ reader port " + device
                    + " could not be opened, error " + port.getLastErrorCode(), null);
        }
        return new SerialMrzReader(port, clock);
    }

    @Override
    public Optional<String> nextZone(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = clock.millis() + timeout.toMillis();
        while (ready.isEmpty()) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                throw new MrzReaderException("device.mrz.disconnected", "MRZ reader disconnected", null);
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
        port.closePort();
    }
}
