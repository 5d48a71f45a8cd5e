package kz.sailau.kiosk.ui;

import java.util.Arrays;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.ui.DeviceSettingsActions.Device;
import kz.sailau.kiosk.ui.DeviceSettingsActions.FieldProblem;
import kz.sailau.kiosk.ui.DeviceSettingsActions.PortSetting;
import kz.sailau.kiosk.ui.touch.InputKind;
import kz.sailau.kiosk.ui.touch.KeyboardDock;

/**
 * The administrator's "Devices" pane, drawn from {@link DevicesViewModel}: per device (scanner, card reader,
 * printer) its name, then the port (chosen from the ports present now, or typed on the on-screen keyboard), the
 * speed (only those the device supports) and "Test"; "Save" marks every field to correct with its reason. A
 * sentence says when saved settings apply. Folded, it shows the settings in force and a "Change" button.
 */
public final class DevicesPane extends VBox {

    private final DevicesViewModel model;
    private final LanguageViewModel language;
    private final Map<Device, ComboBox<String>> ports = new EnumMap<>(Device.class);
    private final Map<Device, ComboBox<Integer>> bauds = new EnumMap<>(Device.class);
    private final Map<Device, ComboBox<String>> profiles = new EnumMap<>(Device.class);
    private final Map<Device, Label> statuses = new EnumMap<>(Device.class);
    private final Label summary = AdminControls.wrapped("devices-summary");
    private final Button edit = new Button();

    /**
     * @param model    the pane's state
     * @param language the language
     */
    public DevicesPane(DevicesViewModel model, LanguageViewModel language) {
        super(10);
        this.model = Objects.requireNonNull(model, "model");
        this.language = Objects.requireNonNull(language, "language");
        setId("devices-pane");
        getStyleClass().addAll("devices-pane", "admin-section");
        setMaxWidth(AdminControls.CONTENT + 40);
        Label title = AdminControls.sectionTitle(language, "admin.devices", "devices-title");
        edit.setId("devices-edit");
        edit.getStyleClass().add("secondary");
        edit.setMinSize(AdminControls.TOUCH, AdminControls.TOUCH);
        edit.setWrapText(true);
        edit.setPrefWidth(220);
        edit.setOnAction(e -> model.editingProperty().set(!model.editingProperty().get()));
        HBox header = new HBox(16, title, edit);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox editor = new VBox(10);
        editor.setId("devices-editor");
        Map<Device, PortSetting> current = model.inForceProperty().get();
        for (Device device : Device.values()) {
            editor.getChildren().add(deviceRow(device, current.get(device)));
        }
        Label applies = AdminControls.label(language, model.actions().appliesKey(), "devices-applies");
        Button save = AdminControls.button(language, "admin.devices.save", "devices-save");
        save.setOnAction(e -> save());
        Button refresh = AdminControls.button(language, "admin.devices.refresh", "devices-refresh");
        refresh.getStyleClass().add("secondary");
        refresh.setOnAction(e -> model.lookForPorts());
        FlowPane buttons = new FlowPane(16, 12, save, refresh);
        buttons.setPrefWrapLength(AdminControls.CONTENT);
        editor.getChildren().addAll(applies, buttons,
                AdminControls.message(language, model.messageProperty(), "devices-message"));
        AdminControls.shownWhen(editor, model.editingProperty());
        AdminControls.shownWhen(summary, model.editingProperty().not());
        getChildren().addAll(header, summary, editor);
        model.presentPorts().addListener((ListChangeListener<String>) c -> offerPorts());
        model.statusKeys().addListener((MapChangeListener<Device, List<String>>) c -> texts());
        model.problems().addListener((ListChangeListener<FieldProblem>) c -> markErrors());
        model.inForceProperty().addListener((o, a, b) -> texts());
        model.editingProperty().addListener((o, a, b) -> texts());
        language.messagesProperty().addListener((o, a, b) -> texts());
        texts();
    }

    private VBox deviceRow(Device device, PortSetting setting) {
        String id = device.configurationKey();
        Label name = AdminControls.label(language, device.messageKey(), "devices-name-" + id);
        name.getStyleClass().add("device-name");
        ComboBox<String> port = new ComboBox<>();
        port.setId("devices-port-" + id);
        port.setEditable(true);
        port.setPrefWidth(400);
        port.setMinWidth(400);
        port.setMinHeight(AdminControls.TOUCH);
        port.getEditor().setText(setting.port());
        port.setValue(setting.port());
        port.promptTextProperty().bind(language.messagesProperty().map(m -> m.get("admin.devices.portPrompt")));
        port.setOnShowing(e -> model.lookForPorts());
        KeyboardDock.use(port, port.getEditor(), InputKind.TEXT);
        ComboBox<Integer> baud = new ComboBox<>();
        baud.setId("devices-baud-" + id);
        baud.getItems().setAll(model.actions().baudRates(device));
        baud.setValue(setting.baud());
        baud.setPrefWidth(170);
        baud.setMinWidth(170);
        baud.setMinHeight(AdminControls.TOUCH);
        ComboBox<String> profile = new ComboBox<>();
        profile.setId("devices-profile-" + id);
        profile.getItems().setAll(model.actions().profiles(device));
        profile.setValue(setting.profile() != null || profile.getItems().isEmpty() ? setting.profile()
                : profile.getItems().get(0));
        profile.setPrefWidth(220);
        profile.setMinWidth(220);
        profile.setMinHeight(AdminControls.TOUCH);
        profile.setVisible(!profile.getItems().isEmpty());
        profile.setManaged(!profile.getItems().isEmpty());
        profile.promptTextProperty().bind(language.messagesProperty().map(m -> m.get("admin.devices.profilePrompt")));
        profile.valueProperty().addListener((o, before, chosen) -> {
            Integer speed = baud.getValue();
            baud.getItems().setAll(model.actions().baudRates(device, chosen));
            baud.setValue(baud.getItems().contains(speed) ? speed : null);
        });
        profiles.put(device, profile);
        Button test = AdminControls.button(language, "admin.devices.test", "devices-test-" + id);
        test.setPrefWidth(220);
        test.setOnAction(e -> model.test(device, typed(device)));
        Label status = AdminControls.wrapped("devices-status-" + id);
        status.getStyleClass().add("hint");
        ports.put(device, port);
        bauds.put(device, baud);
        statuses.put(device, status);
        HBox fields = new HBox(12, port, baud, test);
        fields.setAlignment(Pos.CENTER_LEFT);
        HBox heading = new HBox(16, name, profile);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(6, heading, fields, status);
        row.setId("devices-device-" + id);
        return row;
    }

    private void texts() {
        Messages m = language.messages();
        for (Device device : Device.values()) {
            List<String> keys = model.statusKeys().getOrDefault(device, List.of());
            Label status = statuses.get(device);
            status.setText(keys.stream().map(m::get).collect(Collectors.joining(" ")));
            status.setVisible(!keys.isEmpty());
            status.setManaged(!keys.isEmpty());
        }
        edit.setText(m.get(model.editingProperty().get() ? "admin.devices.close" : "admin.devices.edit"));
        Map<Device, PortSetting> inForce = model.inForceProperty().get();
        summary.setText(Arrays.stream(Device.values()).map(device -> m.get("admin.devices.line",
                        m.get(device.messageKey()), inForce.get(device).port(), inForce.get(device).baud()))
                .collect(Collectors.joining("\n")));
    }

    private void offerPorts() {
        List<String> present = new ArrayList<>(new LinkedHashSet<>(model.presentPorts()));
        for (ComboBox<String> port : ports.values()) {
            if (port.getItems().equals(present)) {
                continue;
            }
            String typed = port.getEditor().getText();
            port.getItems().setAll(present);
            port.getEditor().setText(typed);
            if (port.isShowing()) {
                // The ports are looked for as the list opens and come after it is sized: a list opened empty
                // stayed a sliver without rows. Opened again, it is sized for them (the same ports do not reopen it).
                port.hide();
                port.show();
            }
        }
    }

    private PortSetting typed(Device device) {
        Integer baud = bauds.get(device).getValue();
        return new PortSetting(ports.get(device).getEditor().getText(), baud == null ? 0 : baud,
                profiles.get(device).getValue());
    }

    private void save() {
        Map<Device, PortSetting> settings = new EnumMap<>(Device.class);
        for (Device device : Device.values()) {
            settings.put(device, typed(device));
        }
        model.save(settings);
    }

    private void markErrors() {
        for (Device device : Device.values()) {
            ports.get(device).getStyleClass().remove("field-error");
            bauds.get(device).getStyleClass().remove("field-error");
            profiles.get(device).getStyleClass().remove("field-error");
            for (FieldProblem problem : model.problems()) {
                if (problem.device() == device) {
                    (switch (problem.field()) {
                        case PORT -> ports.get(device);
                        case BAUD -> bauds.get(device);
                        case PROFILE -> profiles.get(device);
                    }).getStyleClass().add("field-error");
                }
            }
        }
    }
}
