package kz.sailau.kiosk.devices;

import java.util.Locale;
import java.util.Objects;

/**
 * A peripheral (identity card reader, receipt printer) failed. Carries what kind of failure it was, a
 * message key for the clerk and a technical message for the log; never personal data.
 */
public class DeviceException extends Exception {

    /** What went wrong; each kind has the clerk message key {@code device.error.<kind>}. */
    public enum Kind {
        /** The device path does not exist: unplugged, or a wrong port in the configuration. */
        NOT_FOUND,
        /** Another program holds the port. */
        BUSY,
        /** The kiosk user may not open the port (udev rule missing). */
        ACCESS_DENIED,
        /** The line went dead while in use: unplugged. */
        DISCONNECTED,
        /** The device did not answer in time. */
        TIMEOUT,
        /** The printer reports the paper roll is empty. */
        OUT_OF_PAPER;

        /** The clerk message key, e.g. {@code device.error.outOfPaper}. */
        public String messageKey() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder key = new StringBuilder("device.error.").append(words[0]);
            for (int i = 1; i < words.length; i++) {
                key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return key.toString();
        }
    }

    private final Kind kind;

    /** @param kind what went wrong; @param technicalMessage for the log */
    public DeviceException(Kind kind, String technicalMessage) {
        this(kind, technicalMessage, null);
    }

    /** @param kind what went wrong; @param technicalMessage for the log; @param cause the cause */
    public DeviceException(Kind kind, String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The clerk message key. */
    public String messageKey() {
        return kind.messageKey();
    }
}
