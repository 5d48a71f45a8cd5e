package kz.sailau.fingerprint.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.sailau.fingerprint.PortAccessDeniedException;
import kz.sailau.fingerprint.PortBusyException;
import kz.sailau.fingerprint.ScannerDisconnectedException;
import kz.sailau.fingerprint.ScannerException;

/** A {@link SerialLine} on a jSerialComm port: 8N1, no flow control, semi-blocking reads of one slice. */
final class JSerialCommLine implements SerialLine {

    /** The longest a read waits, so cancellation and deadlines are checked this often. */
    static final int READ_SLICE_MILLIS = 50;
    /** errno EACCES on Linux. */
    private static final int EACCES = 13;
    /** errno ENOTTY on Linux: the path is not a terminal device. */
    private static final int ENOTTY = 25;

    private final SerialPort port;

    private JSerialCommLine(SerialPort port) {
        this.port = port;
    }

    /**
     * Opens a port. jSerialComm resolves a symbolic link when {@code getCommPort} is called, so this follows a
     * link that was re-pointed since the last open.
     *
     * @param path     device path
     * @param baudRate line speed
     * @return the open line
     * @throws ScannerException if the path is missing, busy or not accessible
     */
    static SerialLine open(Path path, int baudRate) throws ScannerException {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new ScannerDisconnectedException("port " + name + " does not exist");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(name);
        } catch (SerialPortInvalidPortException e) {
            throw new ScannerDisconnectedException("port " + name + " cannot be used: " + e.getMessage(), e);
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_SLICE_MILLIS, 0);
        if (!port.openPort()) {
            int error = port.getLastErrorCode();
            if (error == EACCES) {
                throw new PortAccessDeniedException("permission denied opening " + name);
            }
            if (error == ENOTTY) {
                throw new ScannerDisconnectedException(name + " is not a serial device");
            }
            throw new PortBusyException("port " + name + " could not be opened (held by another program?), error "
                    + error + " at " + port.getLastErrorLocation());
        }
        port.flushIOBuffers();
        return new JSerialCommLine(port);
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
    public void close() {
        port.closePort();
    }
}
