package kz.sailau.kiosk.runner;

import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.MalformedPacketException;
import kz.sailau.fingerprint.PortAccessDeniedException;
import kz.sailau.fingerprint.PortBusyException;
import kz.sailau.fingerprint.ScannerDisconnectedException;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.ScannerTimeoutException;
import kz.sailau.fingerprint.SensorErrorException;
import kz.sailau.fingerprint.WrongPasswordException;
import kz.sailau.kiosk.checkin.DeviceFault.Device;
import kz.sailau.kiosk.checkin.DeviceFault.Kind;
import kz.sailau.kiosk.checkin.DeviceFault;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.MrzReaderException;

/** Turns the drivers' exceptions into the engine's {@link DeviceFault}s: a fixed kind and the driver's message key. */
final class DeviceFaults {

    /** The clerk's key for a failure a driver did not describe. */
    static final String UNKNOWN_KEY = DeviceException.Kind.DISCONNECTED.messageKey();

    private DeviceFaults() {
    }

    /** A scanner failure. */
    static DeviceFault of(ScannerException e) {
        Kind kind;
        if (e instanceof ScannerDisconnectedException) {
            kind = Kind.DISCONNECTED;
        } else if (e instanceof ScannerTimeoutException) {
            kind = Kind.TIMEOUT;
        } else if (e instanceof ChecksumException || e instanceof MalformedPacketException) {
            kind = Kind.LINE_ERRORS;
        } else if (e instanceof PortBusyException) {
            kind = Kind.BUSY;
        } else if (e instanceof PortAccessDeniedException) {
            kind = Kind.ACCESS_DENIED;
        } else if (e instanceof SensorErrorException || e instanceof WrongPasswordException) {
            kind = Kind.DEVICE_ERROR;
        } else {
            kind = Kind.OTHER;
        }
        return new DeviceFault(Device.SCANNER, kind, e.messageKey());
    }

    /** A printer failure. */
    static DeviceFault of(DeviceException e) {
        Kind kind = switch (e.kind()) {
            case NOT_FOUND -> Kind.NOT_FOUND;
            case BUSY -> Kind.BUSY;
            case ACCESS_DENIED -> Kind.ACCESS_DENIED;
            case DISCONNECTED -> Kind.DISCONNECTED;
            case TIMEOUT -> Kind.TIMEOUT;
            case OUT_OF_PAPER -> Kind.OUT_OF_PAPER;
        };
        return new DeviceFault(Device.PRINTER, kind, e.messageKey());
    }

    /** A card reader failure. */
    static DeviceFault of(MrzReaderException e) {
        String key = e.messageKey() == null ? UNKNOWN_KEY : e.messageKey();
        Kind kind = switch (key) {
            case "device.mrz.notFound" -> Kind.NOT_FOUND;
            case "device.mrz.cannotOpen" -> Kind.CANNOT_OPEN;
            case "device.mrz.disconnected" -> Kind.DISCONNECTED;
            default -> Kind.OTHER;
        };
        return new DeviceFault(Device.CARD_READER, kind, key);
    }

    /** A failure of {@code device}'s driver that is none of its declared exceptions (a bug, a dead line). */
    static DeviceFault unexpected(Device device) {
        return new DeviceFault(device, Kind.OTHER, UNKNOWN_KEY);
    }
}
