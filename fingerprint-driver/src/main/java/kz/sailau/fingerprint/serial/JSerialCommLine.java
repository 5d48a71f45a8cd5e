package kz.sailau.fingerprint.serial;

import java.nio.file.Path;
import kz.sailau.fingerprint.PortAccessDeniedException;
import kz.sailau.fingerprint.PortBusyException;
import kz.sailau.fingerprint.ScannerDisconnectedException;
import kz.sailau.fingerprint.ScannerException;

/** A {@link SerialLine} on a port opened by {@link SerialPorts}: 8N1, no flow control, reads of one slice. */
final class JSerialCommLine implements SerialLine {

    /** The longest a read waits, so cancellation and deadlines are checked this often. */
    static final int READ_SLICE_MILLIS = 50;

    private final SerialConnection connection;

    private JSerialCommLine(SerialConnection connection) {
        this.connection = connection;
    }

    /**
     * Opens a port, following a symbolic link re-pointed since the last open.
     *
     * @param path     device path
     * @param baudRate line speed
     * @return the open line
     * @throws ScannerException if the path is missing, busy or not accessible
     */
    static SerialLine open(Path path, int baudRate) throws ScannerException {
        try {
            return new JSerialCommLine(SerialPorts.open(path, baudRate, READ_SLICE_MILLIS));
        } catch (SerialPortException e) {
            throw switch (e.reason()) {
                case NOT_FOUND, NOT_A_SERIAL_DEVICE -> new ScannerDisconnectedException(e.getMessage(), e);
                case ACCESS_DENIED -> new PortAccessDeniedException(e.getMessage());
                case BUSY -> new PortBusyException(e.getMessage());
            };
        }
    }

    @Override
    public int read(byte[] buffer) {
        return connection.read(buffer);
    }

    @Override
    public int write(byte[] bytes) {
        return connection.write(bytes);
    }

    @Override
    public void setBaudRate(int baudRate) {
        connection.setBaudRate(baudRate);
    }

    @Override
    public void close() {
        connection.close();
    }
}
