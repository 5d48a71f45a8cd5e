package kz.sailau.kiosk.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import kz.sailau.kiosk.ui.DeviceSettingsActions.Device;
import kz.sailau.kiosk.ui.DeviceSettingsActions.FieldProblem;
import kz.sailau.kiosk.ui.DeviceSettingsActions.PortSetting;

/**
 * The Devices pane: the settings in force, per device a probe ("Test") with its result, the ports present now,
 * and "Save", which the kiosk validates field by field (every field to correct is marked with its reason) and
 * writes atomically. Holds no JavaFX node.
 */
public final class DevicesViewModel {

    private final DeviceSettingsActions actions;
    private final BackgroundWork work;
    private final ReadOnlyObjectWrapper<Map<Device, PortSetting>> inForce;
    private final ObservableMap<Device, List<String>> statusKeys =
            FXCollections.observableMap(new EnumMap<>(Device.class));
    private final ObservableList<FieldProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<String> presentPorts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AdminMessage> message = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty editing = new SimpleBooleanProperty(false);

    /**
     * @param actions the capability
     * @param work    runs probes and saving
     */
    public DevicesViewModel(DeviceSettingsActions actions, BackgroundWork work) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.work = Objects.requireNonNull(work, "work");
        this.inForce = new ReadOnlyObjectWrapper<>(actions.current());
        for (Device device : Device.values()) {
            statusKeys.put(device, List.of());
        }
    }

    /** The device settings capability (speeds per device, the "applies" sentence). */
    public DeviceSettingsActions actions() {
        return actions;
    }

    /** The settings in force. */
    public ReadOnlyObjectProperty<Map<Device, PortSetting>> inForceProperty() {
        return inForce.getReadOnlyProperty();
    }

    /** Per device, the keys of the last probe's result or of the reasons its fields were refused. */
    public ObservableMap<Device, List<String>> statusKeys() {
        return statusKeys;
    }

    /** The fields to correct after a refused save. */
    public ObservableList<FieldProblem> problems() {
        return problems;
    }

    /** The serial ports present, as last looked for. */
    public ObservableList<String> presentPorts() {
        return presentPorts;
    }

    /** Whether the editor is unfolded. */
    public BooleanProperty editingProperty() {
        return editing;
    }

    /** The pane's message; null when none. */
    public ReadOnlyObjectProperty<AdminMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Looks for the serial ports present now. */
    public void lookForPorts() {
        work.read(actions::presentPorts, presentPorts::setAll);
    }

    /** Probes one device on a port. */
    public void test(Device device, PortSetting setting) {
        if (!work.isBusy()) {
            statusKeys.put(device, List.of("admin.devices.testing"));
        }
        work.run(progress -> actions.test(device, setting), key -> statusKeys.put(device, List.of(key)),
                failure -> statusKeys.put(device, List.of("admin.devices.error.test")));
    }

    /** Validates and saves the settings. */
    public void save(Map<Device, PortSetting> settings) {
        Map<Device, PortSetting> copy = DeviceSettingsActions.ordered(settings);
        if (!work.isBusy()) {
            problems.clear();
            for (Device device : Device.values()) {
                statusKeys.put(device, List.of());
            }
            message.set(AdminMessage.info("admin.devices.saving"));
        }
        work.run(progress -> {
            String done = actions.save(copy);
            return Map.entry(done, actions.current());
        }, saved -> {
            inForce.set(saved.getValue());
            message.set(AdminMessage.success(saved.getKey()));
        }, this::refused);
    }

    private void refused(Exception failure) {
        if (failure instanceof DeviceSettingsActions.InvalidSettingsException invalid) {
            problems.setAll(invalid.problems());
            for (Device device : Device.values()) {
                statusKeys.put(device, invalid.problems().stream().filter(p -> p.device() == device)
                        .map(FieldProblem::messageKey).distinct().toList());
            }
            message.set(AdminMessage.error("admin.devices.error.fields"));
        } else {
            message.set(BackgroundWork.message(failure, "admin.devices.error.write"));
        }
    }

    /** Forgets the message and the results (the screens are locked). */
    public void clear() {
        message.set(null);
        problems.clear();
        for (Device device : Device.values()) {
            statusKeys.put(device, List.of());
        }
        editing.set(false);
    }
}
