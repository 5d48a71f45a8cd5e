package kz.sailau.kiosk.app.demo;

import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.ui.AdminControls;
import kz.sailau.kiosk.ui.CheckInScreenModel;

/**
 * The demo voter panel: pick a demo voter, insert their card into the emulated MRZ reader, present their right finger, another voter's finger or none on the emulated scanner,
 * make the printer run out of paper, and read the last receipt as the printer emulator parsed it.
 * Shows only synthetic DEMO data.
 */
final class DemoPanel extends VBox {

    private static final LocalDate VALID_UNTIL = LocalDate.of(2031, 1, 1);

    private final DemoKiosk kiosk;
    private final CheckInScreenModel model;
    private final ListView<DemoData.DemoVoter> voters = new ListView<>();
    private final TextArea receipt = new TextArea();
    private final Label status = new Label();
    private int impression;

    DemoPanel(DemoKiosk kiosk, CheckInScreenModel model) {
        super(10);
        this.kiosk = kiosk;
        this.model = model;
        setPadding(new Insets(14));
        setStyle("-fx-font-size: 16px;");
        Label title = new Label("DEMO voter panel — synthetic data only");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        // The device paths wrap between folder names, as the kiosk's file lists do.
        Label secrets = new Label("DEMO passphrase: " + DemoData.PASSPHRASE + "\nDEMO clerk login: "
                + DemoKiosk.CLERK.value() + "   PIN: " + DemoKiosk.CLERK_PIN + "\nScanner: "
                + AdminControls.wrappablePath(kiosk.data().devicesDirectory().resolve("scanner")) + "\nMRZ reader: "
                + AdminControls.wrappablePath(kiosk.data().devicesDirectory().resolve("mrz-reader")) + "\nPrinter: "
                + AdminControls.wrappablePath(kiosk.data().devicesDirectory().resolve("printer")));
        secrets.setWrapText(true);
        secrets.setMinHeight(Region.USE_PREF_SIZE);

        voters.getItems().setAll(kiosk.data().voters());
        voters.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DemoData.DemoVoter voter, boolean empty) {
                super.updateItem(voter, empty);
                // The key and the age only: the panel is in screenshots, and no screenshot shows a name or birth date.
                setText(empty || voter == null ? null
                        : voter.key() + "  age " + Period.between(voter.birthDate(), LocalDate.now()).getYears());
            }
        });
        voters.getSelectionModel().selectFirst();
        voters.setPrefHeight(230);
        // A short window scrolls the panel; it never squeezes the voter list to a line.
        voters.setMinHeight(200);

        FlowPane cards = new FlowPane(8, 8,
                button("Insert card", "demo-card", () -> card(DemoKiosk.mrz(selected()))),
                button("Insert expired card", "demo-expired-card", () -> card(DemoKiosk.mrz(selected(), LocalDate.of(2025, 1, 1)))),
                button("Insert unreadable card", "demo-unreadable-card", () -> card(garble(DemoKiosk.mrz(selected(), VALID_UNTIL)))),
                button("Card of a stranger", "demo-stranger-card", () -> card(DemoKiosk.strangerMrz())));
        FlowPane fingers = new FlowPane(8, 8,
                button("Right finger", "demo-right-finger", () -> finger(selected().liveImages().get(impression++ % selected().liveImages().size()))),
                button("Wrong finger (another voter)", "demo-wrong-finger", () -> finger(other().liveImages().get(0))),
                button("No finger (lift)", "demo-no-finger", () -> kiosk.scannerEmulator().liftFinger()));
        ToggleButton paper = new ToggleButton("Printer out of paper");
        paper.setId("demo-paper-out");
        paper.setOnAction(e -> kiosk.printerEmulator().setPaperOut(paper.isSelected()));
        receipt.setId("demo-receipt");
        receipt.setEditable(false);
        receipt.setPrefRowCount(10);
        receipt.setMinHeight(160);
        receipt.setWrapText(true);
        receipt.setPromptText("The last receipt the printer emulator parsed appears here.");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(title, secrets, new Label("1. Pick a voter:"), voters, new Label("2. Identity card:"),
                cards, new Label("3. Finger on the scanner:"), fingers, new Label("Printer:"), paper);
        kiosk.precinct().ifPresent(network -> getChildren().addAll(new Label("Precinct network:"), cutOff(network)));
        getChildren().addAll(new Label("Last printed receipt:"), receipt, status);
        watchPrinter();
    }

    /**
     * Cuts this kiosk off the DEMO precinct network or reconnects it (the fault-injecting proxies, off the FX
     * thread); the kiosk shows the cut-off screen at its next tick once its node no longer sees the majority.
     */
    private ToggleButton cutOff(DemoPrecinct network) {
        ToggleButton cut = new ToggleButton("Cut this kiosk off the precinct network");
        cut.setId("demo-cut-off");
        cut.setMinHeight(44);
        cut.setOnAction(e -> {
            boolean off = cut.isSelected();
            cut.setText(off ? "Reconnect this kiosk" : "Cut this kiosk off the precinct network");
            status.setText(off ? "Cut off: the kiosk says so once its node sees no majority (a few seconds)."
                    : "Reconnected: the kiosk returns to the welcome screen once the majority is back.");
            Thread links = new Thread(() -> network.cutOff(off), "demo-precinct-links");
            links.setDaemon(true);
            links.start();
        });
        return cut;
    }

    /** The panel in a vertical scroll pane, so that every part stays reachable in a short window. */
    static ScrollPane scrolling(DemoPanel panel) {
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setId("demo-panel-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPannable(true);
        return scroll;
    }

    private DemoData.DemoVoter selected() {
        DemoData.DemoVoter voter = voters.getSelectionModel().getSelectedItem();
        return voter != null ? voter : kiosk.data().voters().get(0);
    }

    private DemoData.DemoVoter other() {
        List<DemoData.DemoVoter> all = kiosk.data().voters();
        return all.get((all.indexOf(selected()) + 1) % all.size());
    }

    private void card(String mrz) {
        status.setText("Card inserted.");
        kiosk.presentCard(mrz);
    }

    private static String garble(String mrz) {
        // Change one digit of the document number so its check digit fails (ICAO 9303 part 3, 4.9).
        char[] chars = mrz.toCharArray();
        int at = 6;
        chars[at] = chars[at] == '1' ? '2' : '1';
        return new String(chars);
    }

    /** Touches the emulated glass once with the image: the scanner reads it once, as a finger pressed and lifted. */
    private void finger(BufferedImage image) {
        kiosk.devices().touch(image);
        status.setText("Finger touched the scanner.");
    }

    private void watchPrinter() {
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    ReceiptPrinterEmulator.PrintedReceipt printed = kiosk.printerEmulator().nextReceipt(1,
                            TimeUnit.SECONDS);
                    if (printed != null) {
                        String text = String.join("\n", printed.textLines()) + "\n[QR] "
                                + String.join("\n[QR] ", printed.qrPayloads());
                        Platform.runLater(() -> receipt.setText(text));
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "demo-printer-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinHeight(44);
        button.setOnAction(e -> action.run());
        return button;
    }
}
