package kz.sailau.fingerprint.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The one place that opens serial ports, with jSerialComm: for the fingerprint driver and for the kiosk's card
 * reader and receipt printer alike. A port is opened by path ({@code /dev/ttyUSB0}, a udev link such as
 * {@code /dev/sailau-scanner}, or an emulator's {@code /dev/pts/N}) at 8 data bits, no parity, one stop bit, no flow
 * control, with semi-blocking reads of one slice, and its input is discarded once open.
 *
 * <p>jSerialComm resolves a symbolic link when {@code getCommPort} is called (checked with 2.11.0), so a link
 * re-pointed since the last open is followed. A path that does not exist makes {@code getCommPort} throw, so it is
 * checked first. An unplugged adapter shows as {@code readBytes} returning -1 while {@code isOpen()} stays true:
 * {@link SerialConnection#read} passes the -1 on and the caller closes.
 */
public final class SerialPorts {

    /** errno EACCES on Linux. */
    private static final int EACCES = 13;
    /** errno ENOTTY on Linux: the path is not a terminal device. */
    private static final int ENOTTY = 25;

    private SerialPorts() {
    }

    /**
     * Opens a port.
     *
     * @param path            the device path
     * @param baudRate        line speed
     * @param readSliceMillis the longest one {@link SerialConnection#read} waits for the first byte
     * @return the open port
     * @throws SerialPortException if the path is missing, not a serial device, not accessible or busy
     */
    public static SerialConnection open(Path path, int baudRate, int readSliceMillis) throws SerialPortException {
        Objects.requireNonNull(path, "path");
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new SerialPortException(SerialPortException.Reason.NOT_FOUND, "port " + name + " does not exist",
                    null);
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(name);
        } catch (SerialPortInvalidPortException e) {
            throw new SerialPortException(SerialPortException.Reason.NOT_FOUND, "port " + name + " cannot be used: "
                    + e.getMessage(), e);
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                readSliceMillis, 0);
        if (!port.openPort()) {
            int error = port.getLastErrorCode();
            if (error == EACCES) {
                throw new SerialPortException(SerialPortException.Reason.ACCESS_DENIED,
                        "permission denied opening " + name, null);
            }
            if (error == ENOTTY) {
                throw new SerialPortException(SerialPortException.Reason.NOT_A_SERIAL_DEVICE,
                        name + " is not a serial device", null);
            }
            throw new SerialPortException(SerialPortException.Reason.BUSY, "port " + name
                    + " could not be opened (held by another program?), error " + error + " at "
                    + port.getLastErrorLocation(), null);
        }
        port.flushIOBuffers();
        return new Connection(path, port);
    }

    /**
     * Returns the serial ports the system enumerates now, sorted; empty where jSerialComm has no native support.
     *
     * @return system paths such as {@code /dev/ttyUSB0}
     */
    public static List<String> enumerate() {
        TreeSet<String> ports = new TreeSet<>();
        try {
            for (SerialPort port : SerialPort.getCommPorts()) {
                ports.add(port.getSystemPortPath());
            }
        } catch (RuntimeException | LinkageError e) {
            // No native serial support here: nothing to offer; a path can still be typed.
        }
        return List.copyOf(ports);
    }

    /** A jSerialComm port. */
    private static final class Connection implements SerialConnection {
        private final Path path;
        private final SerialPort port;

        Connection(Path path, SerialPort port) {
            this.path = path;
            this.port = port;
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public int read(byte[] buffer) {
            return port.readBytes(buffer, buffer.length);
        }

        @Override
        public int write(byte[] bytes) {
            return port.writeBytes(bytes, bytes.length);
        }

        @Override
        public void setBaudRate(int baudRate) {
            port.setBaudRate(baudRate);
        }

        @Override
        public int available() {
            return port.bytesAvailable();
        }

        @Override
        public void discardInput() {
            port.flushIOBuffers();
        }

        @Override
        public void close() {
            port.closePort();
        }
    }
}
