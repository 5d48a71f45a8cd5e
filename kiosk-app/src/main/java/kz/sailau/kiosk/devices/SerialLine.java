package kz.sailau.kiosk.devices;

import java.nio.file.Path;
import java.util.Objects;
import kz.sailau.fingerprint.serial.SerialConnection;
import kz.sailau.fingerprint.serial.SerialPortException;
import kz.sailau.fingerprint.serial.SerialPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial line to a peripheral, opened by path ({@code /dev/ttyUSB0}, a udev link such as
 * {@code /dev/sailau-printer}, or an emulator's {@code /dev/pts/N}), 8N1, no flow control, through the one serial
 * opener the kiosk and the fingerprint driver share ({@link SerialPorts}).
 *
 * <p>An unplugged device shows as a read returning -1; this class turns that into
 * {@link DeviceException.Kind#DISCONNECTED} and closes the port itself, so no handle leaks and the next
 * {@link #open} starts clean.
 */
public final class SerialLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLine.class);

    private final Path path;
    private final boolean logged;
    private volatile SerialConnection port;

    private SerialLine(Path path, SerialConnection port, boolean logged) {
        this.path = path;
        this.port = port;
        this.logged = logged;
    }

    /**
     * Opens the line.
     *
     * @param path              the device path
     * @param baud              line speed
     * @param readSliceMillis   how long one {@link #read} waits for the first byte
     * @throws DeviceException NOT_FOUND, BUSY or ACCESS_DENIED
     */
    public static SerialLine open(Path path, int baud, int readSliceMillis) throws DeviceException {
        return open(path, baud, readSliceMillis, true);
    }

    /**
     * Opens the line for one voter's job (a ballot-token receipt) and logs neither its opening nor its closing:
     * the kiosk's log goes to the journal, each line to the millisecond, and a line per receipt would stamp every
     * token's issue there, which the audit log keeps to the day (decision 0513). A failure is still thrown.
     *
     * @throws DeviceException NOT_FOUND, BUSY or ACCESS_DENIED
     */
    public static SerialLine openForOneVoter(Path path, int baud, int readSliceMillis) throws DeviceException {
        return open(path, baud, readSliceMillis, false);
    }

    private static SerialLine open(Path path, int baud, int readSliceMillis, boolean logged) throws DeviceException {
        Objects.requireNonNull(path, "path");
        try {
            SerialConnection connection = SerialPorts.open(path, baud, readSliceMillis);
            if (logged) {
                LOG.info("Opened serial line {} at {} baud", path, baud);
            }
            return new SerialLine(path, connection, logged);
        } catch (SerialPortException e) {
            DeviceException.Kind kind = switch (e.reason()) {
                case NOT_FOUND, NOT_A_SERIAL_DEVICE -> DeviceException.Kind.NOT_FOUND;
                case ACCESS_DENIED -> DeviceException.Kind.ACCESS_DENIED;
                case BUSY -> DeviceException.Kind.BUSY;
            };
            throw new DeviceException(kind, e.getMessage(), e);
        }
    }
    /** The device path. */
    public Path path() {
        return path;
    }

    /** Whether the line is open (not closed, not found dead). */
    public boolean isOpen() {
        return port != null;
    }

    /**
     * Reads what arrives within one read slice.
     *
     * @return bytes read, 0 when nothing came in time
     * @throws DeviceException DISCONNECTED when the line is dead (the line is closed)
     */
    public int read(byte[] buffer) throws DeviceException {
        int count = requirePort().read(buffer);
        if (count < 0) {
            lost("read");
        }
        return count;
    }

    /**
     * Writes all bytes.
     *
     * @throws DeviceException DISCONNECTED when the line is dead (the line is closed)
     */
    public void write(byte[] bytes) throws DeviceException {
        int written = requirePort().write(bytes);
        if (written != bytes.length) {
            lost("write");
        }
    }

    /**
     * Returns how many received bytes can be read without waiting.
     *
     * @throws DeviceException DISCONNECTED when the line is dead (the line is closed)
     */
    public int available() throws DeviceException {
        int count = requirePort().available();
        if (count < 0) {
            lost("read");
        }
        return count;
    }

    /** Discards whatever has been received and not read. */
    public void discardInput() throws DeviceException {
        requirePort().discardInput();
    }

    private SerialConnection requirePort() throws DeviceException {
        SerialConnection current = port;
        if (current == null) {
            throw new DeviceException(DeviceException.Kind.DISCONNECTED, "line " + path + " is closed");
        }
        return current;
    }

    private void lost(String operation) throws DeviceException {
        close();
        throw new DeviceException(DeviceException.Kind.DISCONNECTED, "serial line lost during " + operation
                + " on " + path);
    }

    /** Closes the port; safe to call twice. */
    @Override
    public void close() {
        SerialConnection current = port;
        port = null;
        if (current != null) {
            current.close();
            if (logged) {
                LOG.info("Closed serial line {}", path);
            }
        }
    }
}
