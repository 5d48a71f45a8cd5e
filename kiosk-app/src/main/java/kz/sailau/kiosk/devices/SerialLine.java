package kz.sailau.kiosk.devices;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial line to a peripheral, opened with jSerialComm by path ({@code /dev/ttyUSB0}, a udev link such
 * as {@code /dev/sailau-printer}, or an emulator's {@code /dev/pts/N}), 8N1, no flow control.
 *
 * <p>jSerialComm reports an unplugged device by {@code readBytes} returning -1 while {@code isOpen()}
 * stays true; this class turns that into {@link DeviceException.Kind#DISCONNECTED} and closes the port
 * itself, so no handle leaks and the next {@link #open} starts clean.
 */
public final class SerialLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLine.class);
    /** errno EACCES on Linux: permission denied. */
    private static final int EACCES = 13;

    private final Path path;
    private volatile SerialPort port;

    private SerialLine(Path path, SerialPort port) {
        this.path = path;
        this.port = port;
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
        Objects.requireNonNull(path, "path");
        if (!Files.exists(path)) {
            throw new DeviceException(DeviceException.Kind.NOT_FOUND, "port " + path + " does not exist");
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(path.toString());
        } catch (SerialPortInvalidPortException e) {
            throw new DeviceException(DeviceException.Kind.NOT_FOUND, "port " + path + " cannot be used", e);
        }
        candidate.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                readSliceMillis, 0);
        if (!candidate.openPort()) {
            int error = candidate.getLastErrorCode();
            if (error == EACCES) {
                throw new DeviceException(DeviceException.Kind.ACCESS_DENIED, "permission denied opening " + path);
            }
            throw new DeviceException(DeviceException.Kind.BUSY,
                    "port " + path + " could not be opened (held by another program?), error " + error);
        }
        candidate.flushIOBuffers();
        LOG.info("Opened serial line {} at {} baud", path, baud);
        return new SerialLine(path, candidate);
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
        int count = requirePort().readBytes(buffer, buffer.length);
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
        int written = requirePort().writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            lost("write");
        }
    }

    /** Discards whatever has been received and not read. */
    public void discardInput() throws DeviceException {
        requirePort().flushIOBuffers();
    }

    private SerialPort requirePort() throws DeviceException {
        SerialPort current = port;
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
        SerialPort current = port;
        port = null;
        if (current != null) {
            current.closePort();
            LOG.info("Closed serial line {}", path);
        }
    }
}
