package kz.sailau.kiosk.app;

import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditField;
import kz.sailau.kiosk.ui.AdministratorActions.AdministratorException;
import kz.sailau.kiosk.ui.DeviceSettingsActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device settings of the administrator's "Devices" pane over one {@code kiosk.json}: validates each field
 * (a clear key per field), replaces the file atomically with only the three device entries changed (every other
 * key stays as written), checks the written file parses as a whole configuration before it is installed, and
 * records {@link AuditEventType#DEVICES_CONFIGURED} naming which devices changed and their speeds (no paths).
 * If the audit event cannot be written the old file is put back, so a failed save changes nothing.
 *
 * <p>The running kiosk keeps its open devices: saved settings apply at the next start (the screen says so).
 */
public final class KioskDeviceSettings implements DeviceSettingsActions {

    private static final Logger LOG = LoggerFactory.getLogger(KioskDeviceSettings.class);
    private static final int MAX_PORT_LENGTH = 255;

    /** Whether a device's setting changed in a save (the audit event's field values). */
    enum Change {
        /** Port or speed differ from before. */
        CHANGED,
        /** Same port and speed. */
        UNCHANGED
    }

    /** Probes one device on one port; returns the bundle key of the result. */
    @FunctionalInterface
    public interface Probe {
        /** @return the bundle key of the result */
        String test(Device device, PortSetting setting);
    }

    private final Path file;
    private final Probe probe;
    private final Supplier<List<String>> ports;
    private final Consumer<AuditEvent> audit;
    private final String appliesKey;
    private final AtomicFileReplacement.ContentWriter writer;
    private final Map<Device, PortSetting> running;
    private volatile BooleanSupplier devicesOpen = () -> false;
    private Map<Device, PortSetting> current;

    /**
     * @param file          the configuration file to replace (created when absent, e.g. the demo's own file)
     * @param configuration the configuration in force (the starting values)
     * @param probe         tests a device on a port
     * @param ports         lists the serial ports present now
     * @param audit         records an audit event (throws when it cannot)
     * @param appliesKey    bundle key of the sentence saying when saved settings apply
     */
    public KioskDeviceSettings(Path file, KioskConfiguration configuration, Probe probe,
                               Supplier<List<String>> ports, Consumer<AuditEvent> audit, String appliesKey) {
        this(file, settingsOf(configuration), probe, ports, audit, appliesKey, AtomicFileReplacement.WHOLE);
    }

    KioskDeviceSettings(Path file, Map<Device, PortSetting> current, Probe probe, Supplier<List<String>> ports,
                        Consumer<AuditEvent> audit, String appliesKey, AtomicFileReplacement.ContentWriter writer) {
        this.file = Objects.requireNonNull(file, "file");
        this.current = DeviceSettingsActions.ordered(Objects.requireNonNull(current, "current"));
        this.running = DeviceSettingsActions.ordered(current);
        this.probe = Objects.requireNonNull(probe, "probe");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.appliesKey = Objects.requireNonNull(appliesKey, "appliesKey");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** The device settings of a configuration. */
    static Map<Device, PortSetting> settingsOf(KioskConfiguration configuration) {
        Map<Device, PortSetting> settings = new EnumMap<>(Device.class);
        settings.put(Device.SCANNER, of(configuration.scanner()));
        settings.put(Device.MRZ_READER, of(configuration.mrzReader()));
        settings.put(Device.PRINTER, of(configuration.printer()));
        return settings;
    }

    private static PortSetting of(KioskConfiguration.SerialPortSetting setting) {
        return new PortSetting(setting.port(), setting.baud(), setting.profile());
    }

    @Override
    public synchronized Map<Device, PortSetting> current() {
        return DeviceSettingsActions.ordered(current);
    }

    @Override
    public List<Integer> baudRates(Device device) {
        return KioskConfiguration.baudRates(device.configurationKey());
    }

    @Override
    public List<String> profiles(Device device) {
        return KioskConfiguration.profiles(device.configurationKey());
    }

    @Override
    public List<Integer> baudRates(Device device, String profile) {
        return KioskConfiguration.baudRates(device.configurationKey(), profile);
    }

    @Override
    public List<String> presentPorts() {
        return ports.get();
    }

    /**
     * Tells this object when the kiosk's own devices are open (the voter screens run), so that a test never
     * opens the port a running device uses: a second handshake on the scanner's line would disturb a capture.
     *
     * @return this
     */
    public KioskDeviceSettings withDevicesOpen(BooleanSupplier open) {
        devicesOpen = Objects.requireNonNull(open, "open");
        return this;
    }

    @Override
    public String test(Device device, PortSetting setting) {
        List<FieldProblem> problems = new ArrayList<>();
        checkPort(device, setting, problems);
        if (!problems.isEmpty()) {
            return problems.get(0).messageKey();
        }
        if (devicesOpen.getAsBoolean() && running.get(device).port().equals(setting.port().strip())) {
            return "admin.devices.test.inUse";
        }
        return probe.test(device, setting);
    }

    @Override
    public String appliesKey() {
        return appliesKey;
    }

    /**
     * Every field to correct, in device order; empty when the settings can be saved. A port is an absolute path
     * of printable characters without spaces, used by one device only; a speed is one the device supports.
     */
    public static List<FieldProblem> problems(Map<Device, PortSetting> settings) {
        Objects.requireNonNull(settings, "settings");
        List<FieldProblem> problems = new ArrayList<>();
        for (Device device : Device.values()) {
            PortSetting setting = settings.get(device);
            if (setting == null) {
                problems.add(new FieldProblem(device, Field.PORT, "admin.devices.error.portMissing"));
                continue;
            }
            checkPort(device, setting, problems);
            String key = device.configurationKey();
            if (setting.profile() != null && !KioskConfiguration.profiles(key).contains(setting.profile())) {
                problems.add(new FieldProblem(device, Field.PROFILE, "admin.devices.error.profileUnknown"));
            } else if (!KioskConfiguration.baudRates(key, setting.profile()).contains(setting.baud())) {
                problems.add(new FieldProblem(device, Field.BAUD, "admin.devices.error.baudUnsupported"));
            }
        }
        for (Device device : Device.values()) {
            PortSetting setting = settings.get(device);
            if (setting == null || setting.port().isBlank()) {
                continue;
            }
            for (Device other : Device.values()) {
                PortSetting theirs = settings.get(other);
                if (other != device && theirs != null && theirs.port().strip().equals(setting.port().strip())) {
                    problems.add(new FieldProblem(device, Field.PORT, "admin.devices.error.portShared"));
                    break;
                }
            }
        }
        return problems;
    }

    private static void checkPort(Device device, PortSetting setting, List<FieldProblem> problems) {
        String port = setting.port().strip();
        if (port.isEmpty()) {
            problems.add(new FieldProblem(device, Field.PORT, "admin.devices.error.portMissing"));
        } else if (port.length() > MAX_PORT_LENGTH || !port.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problems.add(new FieldProblem(device, Field.PORT, "admin.devices.error.portCharacters"));
        } else if (!port.startsWith("/")) {
            problems.add(new FieldProblem(device, Field.PORT, "admin.devices.error.portNotAbsolute"));
        }
    }

    @Override
    public synchronized String save(Map<Device, PortSetting> requested)
            throws InvalidSettingsException, AdministratorException {
        Map<Device, PortSetting> settings = new EnumMap<>(Device.class);
        for (Device device : Device.values()) {
            PortSetting setting = requested.get(device);
            settings.put(device, setting == null ? null
                    : new PortSetting(setting.port().strip(), setting.baud(), modelOrNull(device, setting.profile())));
        }
        List<FieldProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        if (settings.equals(new EnumMap<>(current))) {
            return "admin.devices.unchanged";
        }
        byte[] before;
        byte[] after;
        try {
            before = Files.exists(file) ? Files.readAllBytes(file) : null;
            after = withDevices(before, settings);
            AtomicFileReplacement.replace(file, after, writer, KioskDeviceSettings::parses);
        } catch (IOException | RuntimeException e) {
            LOG.warn("device settings not saved to {}: {}", file, e.getMessage());
            throw new AdministratorException("admin.devices.error.write", "device settings not saved: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            audit.accept(event(current, settings));
        } catch (RuntimeException e) {
            LOG.error("device settings saved but not audited; putting the old file back: {}", e.getMessage());
            try {
                if (before == null) {
                    Files.deleteIfExists(file);
                } else {
                    AtomicFileReplacement.replace(file, before, AtomicFileReplacement.WHOLE, written -> { });
                }
            } catch (IOException restore) {
                LOG.error("the old configuration could not be put back: {}", restore.getMessage());
            }
            throw new AdministratorException("admin.devices.error.audit", "audit log not written: "
                    + e.getClass().getSimpleName());
        }
        current = settings;
        LOG.info("device settings saved to {}", file);
        return "admin.devices.saved";
    }

    /** The model id as saved: null for the device's default model (so a file names only what differs). */
    private static String modelOrNull(Device device, String profile) {
        if (profile == null || profile.isBlank()) {
            return null;
        }
        String id = profile.strip();
        return id.equals(KioskConfiguration.profiles(device.configurationKey()).get(0)) ? null : id;
    }

    /** {@code DEVICES_CONFIGURED}: per device CHANGED or UNCHANGED and its speed; no paths. */
    static AuditEvent event(Map<Device, PortSetting> before, Map<Device, PortSetting> after) {
        List<AuditField> fields = new ArrayList<>();
        for (Device device : Device.values()) {
            String key = device.configurationKey();
            fields.add(AuditField.code(key, Objects.equals(before.get(device), after.get(device))
                    ? Change.UNCHANGED : Change.CHANGED));
            fields.add(AuditField.count(key + "Baud", after.get(device).baud()));
        }
        return new AuditEvent(AuditEventType.DEVICES_CONFIGURED, fields);
    }

    /** The file's JSON with the three device entries replaced (an absent file becomes one with only those). */
    static byte[] withDevices(byte[] file, Map<Device, PortSetting> settings) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode tree = file == null ? mapper.createObjectNode() : mapper.readTree(file);
        if (!(tree instanceof ObjectNode object)) {
            throw new IOException("the configuration file is not a JSON object");
        }
        for (Device device : Device.values()) {
            ObjectNode entry = mapper.createObjectNode();
            entry.put("port", settings.get(device).port());
            entry.put("baud", settings.get(device).baud());
            if (settings.get(device).profile() != null) {
                entry.put("profile", settings.get(device).profile());
            }
            object.set(device.configurationKey(), entry);
        }
        return (mapper.writeValueAsString(object) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void parses(Path written) throws IOException {
        try {
            KioskConfiguration.read(written);
        } catch (ConfigurationException e) {
            throw new IOException("the new configuration would not be accepted: " + e.getMessage(), e);
        }
    }
}
