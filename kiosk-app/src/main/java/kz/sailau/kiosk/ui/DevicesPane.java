package kz.sailau.kiosk.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.ui.DeviceSettingsActions.Device;
import kz.sailau.kiosk.ui.DeviceSettingsActions.FieldProblem;
import kz.sailau.kiosk.ui.DeviceSettingsActions.PortSetting;

/**
 * The administrator's "Devices" pane: per device (scanner, card reader, printer) the port (typed, or chosen
 * from the ports present now) and the speed (only those the device supports), a "Test" button that probes the
 * device, and "Save", which the kiosk validates field by field and writes atomically. A sentence says when saved
 * settings apply. Folded, it shows the settings in force and a "Change" button. Every text follows the language;
 * port probing and saving run on the worker executor.
 */
public final class DevicesPane extends VBox {

    private final DeviceSettingsActions actions;
    private final LanguageViewModel language;
    private final Executor worker;
    private final Executor fxThread;
    private final Map<Device, ComboBox<String>> ports = new EnumMap<>(Device.class);
    private final Map<Device, ComboBox<Integer>> bauds = new EnumMap<>(Device.class);
    private final Map<Device, ComboBox<String>> profiles = new EnumMap<>(Device.class);
    private final Map<Device, Label> names = new EnumMap<>(Device.class);
    private final Map<Device, Button> tests = new EnumMap<>(Device.class);
    private final Map<Device, Label> statuses = new EnumMap<>(Device.class);
    private final Map<Device, List<String>> statusKeys = new EnumMap<>(Device.class);
    private final Label title = new Label();
    private final Label applies = new Label();
    private final Label message = new Label();
    private final Button save = new Button();
    private final Button refresh = new Button();
    private final Button edit = new Button();
    private final Label summary = new Label();
    private final VBox editor = new VBox(8);
    private String messageKey = "";
    private Map<Device, PortSetting> inForce;

    /**
     * @param actions  the device settings of this kiosk
     * @param language the language
     * @param worker   runs probes and saving
     * @param fxThread runs on the FX thread
     */
    public DevicesPane(DeviceSettingsActions actions, LanguageViewModel language, Executor worker,
                       Executor fxThread) {
        super(8);
        this.actions = Objects.requireNonNull(actions, "actions");
        this.language = Objects.requireNonNull(language, "language");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        setId("devices-pane");
        getStyleClass().add("devices-pane");
        setMaxWidth(1240);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        // Names wrap in their column; the fields and buttons never shrink below their text.
        grid.getColumnConstraints().addAll(column(300), column(440), column(170), column(200));
        Map<Device, PortSetting> current = actions.current();
        inForce = current;
        int row = 0;
        for (Device device : Device.values()) {
            String id = device.configurationKey();
            Label name = new Label();
            name.setId("devices-name-" + id);
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            ComboBox<String> port = new ComboBox<>();
            port.setId("devices-port-" + id);
            port.setEditable(true);
            port.setPrefWidth(440);
            port.setMinWidth(440);
            port.setMinHeight(56);
            port.getEditor().setText(current.get(device).port());
            port.setValue(current.get(device).port());
            port.setOnShowing(e -> offerPorts(port));
            ComboBox<Integer> baud = new ComboBox<>();
            baud.setId("devices-baud-" + id);
            baud.getItems().setAll(actions.baudRates(device));
            baud.setValue(current.get(device).baud());
            baud.setPrefWidth(170);
            baud.setMinWidth(170);
            baud.setMinHeight(56);
            ComboBox<String> profile = new ComboBox<>();
            profile.setId("devices-profile-" + id);
            profile.getItems().setAll(actions.profiles(device));
            String model = current.get(device).profile();
            profile.setValue(model != null || profile.getItems().isEmpty() ? model : profile.getItems().get(0));
            profile.setPrefWidth(440);
            profile.setMinWidth(440);
            profile.setMinHeight(56);
            profile.setVisible(!profile.getItems().isEmpty());
            profile.setManaged(!profile.getItems().isEmpty());
            profile.valueProperty().addListener((o, before, chosen) -> {
                Integer speed = baud.getValue();
                baud.getItems().setAll(actions.baudRates(device, chosen));
                baud.setValue(baud.getItems().contains(speed) ? speed : null);
            });
            profiles.put(device, profile);
            Button test = new Button();
            test.setId("devices-test-" + id);
            test.setMinSize(200, 56);
            test.setOnAction(e -> test(device));
            Label status = new Label();
            status.setId("devices-status-" + id);
            status.setWrapText(true);
            status.setMaxWidth(1000);
            status.setMinHeight(Region.USE_PREF_SIZE);
            status.getStyleClass().add("hint");
            names.put(device, name);
            ports.put(device, port);
            bauds.put(device, baud);
            tests.put(device, test);
            statuses.put(device, status);
            statusKeys.put(device, List.of());
            grid.addRow(row++, name, port, baud, test);
            grid.add(profile, 1, row++);
            grid.add(status, 1, row++, 3, 1);
        }
        save.setId("devices-save");
        save.setMinSize(240, 64);
        save.setOnAction(e -> save());
        refresh.setId("devices-refresh");
        refresh.setMinSize(240, 64);
        refresh.setOnAction(e -> ports.values().forEach(this::offerPorts));
        title.getStyleClass().add("section-title");
        applies.setId("devices-applies");
        applies.setWrapText(true);
        applies.setMaxWidth(1000);
        applies.setMinHeight(Region.USE_PREF_SIZE);
        message.setId("devices-message");
        message.setWrapText(true);
        message.setMaxWidth(1000);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(16, save, refresh, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        edit.setId("devices-edit");
        edit.setMinSize(200, 56);
        edit.setOnAction(e -> {
            editor.setVisible(!editor.isVisible());
            editor.setManaged(editor.isVisible());
            texts();
        });
        summary.setId("devices-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        HBox header = new HBox(16, title, edit);
        header.setAlignment(Pos.CENTER_LEFT);
        editor.getChildren().addAll(grid, applies, buttons);
        editor.setVisible(false);
        editor.setManaged(false);
        getChildren().addAll(header, summary, editor);
        language.messagesProperty().addListener((o, a, b) -> texts());
        texts();
    }

    private static javafx.scene.layout.ColumnConstraints column(double width) {
        javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
        column.setMinWidth(width);
        column.setPrefWidth(width);
        return column;
    }

    private void texts() {
        Messages m = language.messages();
        title.setText(m.get("admin.devices"));
        for (Device device : Device.values()) {
            names.get(device).setText(m.get(device.messageKey()));
            tests.get(device).setText(m.get("admin.devices.test"));
            ports.get(device).setPromptText(m.get("admin.devices.portPrompt"));
            profiles.get(device).setPromptText(m.get("admin.devices.profilePrompt"));
            statuses.get(device).setText(statusKeys.get(device).stream().map(m::get)
                    .collect(Collectors.joining(" ")));
            statuses.get(device).setVisible(!statusKeys.get(device).isEmpty());
            statuses.get(device).setManaged(!statusKeys.get(device).isEmpty());
        }
        save.setText(m.get("admin.devices.save"));
        edit.setText(m.get(editor.isVisible() ? "admin.devices.close" : "admin.devices.edit"));
        summary.setText(java.util.Arrays.stream(Device.values()).map(device -> m.get("admin.devices.line",
                        m.get(device.messageKey()), inForce.get(device).port(), inForce.get(device).baud()))
                .collect(Collectors.joining("\n")));
        summary.setVisible(!editor.isVisible());
        summary.setManaged(!editor.isVisible());
        refresh.setText(m.get("admin.devices.refresh"));
        applies.setText(m.get(actions.appliesKey()));
        message.setText(messageKey.isEmpty() ? "" : m.get(messageKey));
    }

    private void offerPorts(ComboBox<String> port) {
        String typed = port.getEditor().getText();
        CompletableFuture.supplyAsync(actions::presentPorts, worker).thenAccept(present -> fxThread.execute(() -> {
            Set<String> items = new LinkedHashSet<>(present);
            port.getItems().setAll(new ArrayList<>(items));
            port.getEditor().setText(typed);
        }));
    }

    private PortSetting typed(Device device) {
        Integer baud = bauds.get(device).getValue();
        return new PortSetting(ports.get(device).getEditor().getText(), baud == null ? 0 : baud,
                profiles.get(device).getValue());
    }

    private void test(Device device) {
        PortSetting setting = typed(device);
        showStatus(device, List.of("admin.devices.testing"));
        tests.get(device).setDisable(true);
        CompletableFuture.supplyAsync(() -> actions.test(device, setting), worker)
                .whenComplete((key, failure) -> fxThread.execute(() -> {
                    tests.get(device).setDisable(false);
                    showStatus(device, List.of(failure == null ? key : "admin.devices.error.test"));
                }));
    }

    private void save() {
        Map<Device, PortSetting> settings = new EnumMap<>(Device.class);
        for (Device device : Device.values()) {
            settings.put(device, typed(device));
            showStatus(device, List.of());
            markError(device, false, false);
        }
        save.setDisable(true);
        showMessage("admin.devices.saving");
        CompletableFuture.runAsync(() -> {
            try {
                String done = actions.save(settings);
                Map<Device, PortSetting> saved = actions.current();
                fxThread.execute(() -> {
                    save.setDisable(false);
                    inForce = saved;
                    showMessage(done);
                });
            } catch (DeviceSettingsActions.InvalidSettingsException e) {
                fxThread.execute(() -> {
                    save.setDisable(false);
                    showProblems(e.problems());
                    showMessage("admin.devices.error.fields");
                });
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> {
                    save.setDisable(false);
                    showMessage(e.messageKey());
                });
            }
        }, worker);
    }

    private void showProblems(List<FieldProblem> problems) {
        for (Device device : Device.values()) {
            List<FieldProblem> mine = problems.stream().filter(p -> p.device() == device).toList();
            showStatus(device, mine.stream().map(FieldProblem::messageKey).distinct().toList());
            markError(device, mine.stream().anyMatch(p -> p.field() == DeviceSettingsActions.Field.PORT),
                    mine.stream().anyMatch(p -> p.field() == DeviceSettingsActions.Field.BAUD
                            || p.field() == DeviceSettingsActions.Field.PROFILE));
        }
    }

    private void markError(Device device, boolean port, boolean baud) {
        ports.get(device).getStyleClass().remove("field-error");
        bauds.get(device).getStyleClass().remove("field-error");
        if (port) {
            ports.get(device).getStyleClass().add("field-error");
        }
        if (baud) {
            bauds.get(device).getStyleClass().add("field-error");
        }
    }

    private void showStatus(Device device, List<String> keys) {
        statusKeys.put(device, List.copyOf(keys));
        texts();
    }

    private void showMessage(String key) {
        messageKey = key;
        texts();
    }
}
