package kz.sailau.kiosk.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the administrator's "Devices" pane can ask of the kiosk: the current serial settings of the
 * fingerprint scanner, the identity card (MRZ) reader and the receipt printer, the speeds each device
 * supports, the serial ports present now, a probe of one device, and saving. The app wiring implements it
 * over the configuration file; methods that touch a port or a file block and are called on a worker thread.
 */
public interface DeviceSettingsActions {

    /** The three serial devices of a kiosk, with the configuration key and the bundle key of each name. */
    enum Device {
        /** The fingerprint scanner (R30x family). */
        SCANNER("scanner", "admin.devices.scanner"),
        /** The identity card reader sending the machine-readable zone. */
        MRZ_READER("mrzReader", "admin.devices.mrzReader"),
        /** The ESC/POS receipt printer. */
        PRINTER("printer", "admin.devices.printer");

        private final String configurationKey;
        private final String messageKey;

        Device(String configurationKey, String messageKey) {
            this.configurationKey = configurationKey;
            this.messageKey = messageKey;
        }

        /** The key of this device in {@code kiosk.json}, e.g. {@code mrzReader}. */
        public String configurationKey() {
            return configurationKey;
        }

        /** The bundle key of the device's name. */
        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * A port, its speed and the device model as the administrator typed or chose them (not yet validated).
     *
     * @param port    the device path
     * @param baud    the line speed
     * @param profile the model id from the device's catalogue, or {@code null} for the default model
     */
    record PortSetting(String port, int baud, String profile) {
        /** @throws NullPointerException on a null port */
        public PortSetting {
            Objects.requireNonNull(port, "port");
        }

        /** A setting with the default model. */
        public PortSetting(String port, int baud) {
            this(port, baud, null);
        }
    }

    /**
     * One field the administrator must correct: which device, which field, and the bundle key of the reason.
     *
     * @param device     the device
     * @param field      the field
     * @param messageKey what is wrong, e.g. {@code admin.devices.error.portNotAbsolute}
     */
    record FieldProblem(Device device, Field field, String messageKey) {
        /** @throws NullPointerException on null */
        public FieldProblem {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(messageKey, "messageKey");
        }
    }

    /** The fields of a device's setting. */
    enum Field {
        /** The device path. */
        PORT,
        /** The line speed. */
        BAUD,
        /** The device model. */
        PROFILE
    }

    /** Saving was refused: the fields to correct (nothing was written). */
    final class InvalidSettingsException extends Exception {
        private final List<FieldProblem> problems;

        /** @param problems the fields to correct, at least one */
        public InvalidSettingsException(List<FieldProblem> problems) {
            super("device settings refused: " + problems.size() + " field(s)");
            this.problems = List.copyOf(problems);
        }

        /** The fields to correct. */
        public List<FieldProblem> problems() {
            return problems;
        }
    }

    /** The settings in force (as the configuration file has them), in {@link Device} order. */
    Map<Device, PortSetting> current();

    /** The line speeds a device supports, ascending; the baud choice offers exactly these. */
    List<Integer> baudRates(Device device);

    /** The device models a device can be set to (catalogue ids), the default first; empty if not offered. */
    default List<String> profiles(Device device) {
        return List.of();
    }

    /** The line speeds a device supports as a model (null: the default model), ascending. */
    default List<Integer> baudRates(Device device, String profile) {
        return baudRates(device);
    }

    /** The serial ports present now (paths), to offer in the port choice; may be empty. */
    List<String> presentPorts();

    /**
     * Probes a device on a port: the scanner's handshake, the card reader's port opening, the printer's paper
     * status.
     *
     * @return the bundle key of the result the administrator reads ({@code admin.devices.test.ok...}, or a
     *         device error key)
     */
    String test(Device device, PortSetting setting);

    /**
     * Validates and saves the settings (the configuration file is replaced atomically; an audit event names
     * the devices that changed).
     *
     * @return the bundle key of what was done and when it applies
     * @throws InvalidSettingsException       naming every field to correct; nothing was written
     * @throws AdministratorActions.AdministratorException when the file cannot be written (the old file stays)
     */
    String save(Map<Device, PortSetting> settings)
            throws InvalidSettingsException, AdministratorActions.AdministratorException;

    /** The bundle key of the sentence saying when saved settings apply (shown on the pane at all times). */
    String appliesKey();

    /** Copies settings into an ordered, modifiable map (a helper for implementations and the pane). */
    static Map<Device, PortSetting> ordered(Map<Device, PortSetting> settings) {
        Map<Device, PortSetting> copy = new LinkedHashMap<>();
        for (Device device : Device.values()) {
            copy.put(device, settings.get(device));
        }
        return copy;
    }
}
