package kz.sailau.kiosk.checkin;

import java.util.Objects;

/**
 * A device of the kiosk failed: which device, what kind of failure (a fixed code, recorded in the audit log),
 * and the message key the clerk reads (the driver's own key, e.g. {@code scanner.error.disconnected} or
 * {@code device.error.outOfPaper}). Carries no personal data and no bytes the device sent.
 *
 * @param device     the device
 * @param kind       the kind of failure, for the audit log
 * @param messageKey resource-bundle key naming the failure for the clerk
 */
public record DeviceFault(Device device, Kind kind, String messageKey) {

    /** The kiosk's devices. */
    public enum Device {
        /** The fingerprint scanner. */
        SCANNER,
        /** The identity-card MRZ reader. */
        CARD_READER,
        /** The receipt printer. */
        PRINTER
    }

    /** What went wrong, as the drivers report it. */
    public enum Kind {
        /** The port does not exist: unplugged or a wrong port in the configuration. */
        NOT_FOUND,
        /** The port exists but cannot be opened. */
        CANNOT_OPEN,
        /** Another program holds the port. */
        BUSY,
        /** The kiosk user may not open the port. */
        ACCESS_DENIED,
        /** The line went dead while in use. */
        DISCONNECTED,
        /** The device stopped answering. */
        TIMEOUT,
        /** The line kept garbling the data (checksums, malformed packets) after the driver's retries. */
        LINE_ERRORS,
        /** The device answered with an error of its own (sensor error, wrong handshake password). */
        DEVICE_ERROR,
        /** The printer has no paper. */
        OUT_OF_PAPER,
        /** Any other failure of the driver. */
        OTHER
    }

    /** @throws NullPointerException on a null field */
    public DeviceFault {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
    }

    /** The audit detail code of this fault: {@code DEVICE:KIND}, both fixed codes. */
    public String auditDetail() {
        return device.name() + ":" + kind.name();
    }
}
