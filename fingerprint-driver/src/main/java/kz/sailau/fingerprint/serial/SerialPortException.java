package kz.sailau.fingerprint.serial;

import java.io.IOException;
import java.util.Objects;

/**
 * A serial port could not be opened by {@link SerialPorts}; {@link #reason()} says why, so that each device maps it
 * to its own error for the user. The message names the path only, never data.
 */
public final class SerialPortException extends IOException {

    /** Why the port could not be opened. */
    public enum Reason {
        /** The path does not exist (unplugged, or a wrong name) or is not a port jSerialComm can use. */
        NOT_FOUND,
        /** The path exists but is not a terminal device (errno ENOTTY). */
        NOT_A_SERIAL_DEVICE,
        /** The user may not open it (errno EACCES: not in group {@code dialout}, no udev rule). */
        ACCESS_DENIED,
        /** Another program holds it, or the system refused for another reason. */
        BUSY
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why
     * @param message what happened, naming the path
     * @param cause   the underlying failure, may be {@code null}
     */
    public SerialPortException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns why the port could not be opened.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
