package kz.sailau.kiosk.ui;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.checkin.OpenCase;

/**
 * The clerk station's screen: the clerk console of every kiosk on one screen (issue 17). At the top the station's
 * language bar, its title and its own network line; below, one card per kiosk, two to a row on 1024 × 768 and
 * larger: the kiosk's name and state (working, paused, manual mode, checks nobody in, not reachable), its
 * check-ins, each open case in the kiosk console's own words with its next step, and, when a commission member is
 * needed there, "Go to kiosk-2". Nothing is resolved here: the voter is at the kiosk.
 */
public final class ClerkStationView extends VBox {

    /** Width of a kiosk card: two fit side by side on a 1024-pixel screen, with the scroll bar. */
    static final double CARD = 470;

    private final ClerkStationModel model;
    private final LanguageViewModel language;
    private final VBox header = new VBox(8);
    private final FlowPane cards = new FlowPane(12, 12);
    private final LanguageBar languageBar;

    /**
     * @param model    what to show
     * @param language the station's language (it starts in Kazakh, as every screen)
     */
    public ClerkStationView(ClerkStationModel model, LanguageViewModel language) {
        this.model = model;
        this.language = language;
        setId("clerk-station");
        getStyleClass().add("clerk-station");
        header.setPadding(new Insets(12, 16, 8, 16));
        header.setMinHeight(Region.USE_PREF_SIZE);
        cards.setId("station-kiosks");
        cards.setPadding(new Insets(8, 16, 16, 16));
        cards.setPrefWrapLength(2 * CARD + 12);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setId("station-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPannable(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        languageBar = new LanguageBar(language, "station-language-", 116);
        getChildren().addAll(header, scroll);
        model.kiosksProperty().addListener((o, a, b) -> render());
        model.networkProperty().addListener((o, a, b) -> render());
        language.messagesProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        Messages m = language.messages();
        Label title = label(m.get("station.title"), "station-title", CARD * 2 - 400);
        title.getStyleClass().add("console-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, title, gap, languageBar);
        top.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().setAll(top);
        model.networkProperty().get().ifPresent(network -> {
            String line = KioskView.sentence(m.get("station.network", network.reachable(), network.members()));
            Label own = label(line + " " + KioskView.sentence(m.get(network.withMajority()
                    ? "station.network.majority" : "station.network.cutOff")), "station-network", 2 * CARD + 12);
            own.getStyleClass().add(network.withMajority() ? "console-small" : "console-alert");
            header.getChildren().add(own);
        });
        if (model.kiosksProperty().get().isEmpty()) {
            cards.getChildren().setAll(label(m.get("station.noKiosks"), "station-no-kiosks", 2 * CARD));
            return;
        }
        cards.getChildren().setAll(model.kiosksProperty().get().stream().map(kiosk -> card(m, kiosk)).toList());
    }

    private Node card(Messages m, ClerkStationModel.KioskLine kiosk) {
        String id = "station-" + kiosk.name().toLowerCase(Locale.ROOT);
        VBox card = new VBox(6);
        card.setId(id);
        card.getStyleClass().add("station-card");
        card.setPadding(new Insets(10));
        card.setPrefWidth(CARD);
        card.setMinWidth(CARD);
        card.setMaxWidth(CARD);
        double inside = CARD - 20;
        Label name = label(kiosk.name() + " — " + m.get(stateKey(kiosk)), id + "-state", inside);
        name.getStyleClass().add("console-current");
        card.getChildren().add(name);
        if (kiosk.needsClerk()) {
            Label go = label(m.get("station.goTo", kiosk.name()), id + "-go", inside);
            go.getStyleClass().add("console-alert");
            card.getChildren().add(go);
        }
        int n = 0;
        for (String code : kiosk.reachable() ? kiosk.openCases() : List.<String>of()) {
            OpenCase open = OpenCase.of(code);
            Label what = label(m.get(open.messageKey()), id + "-case-" + n, inside);
            what.getStyleClass().add("notice-reason");
            Label next = label(m.get("clerk.nextStep", m.get(open.nextStepKey())), id + "-next-" + n, inside);
            VBox entry = new VBox(2, what, next);
            entry.getStyleClass().add("notice");
            card.getChildren().add(entry);
            n++;
        }
        card.getChildren().add(label(m.get("station.checkIns", kiosk.checkIns()), id + "-checkins", inside));
        return card;
    }

    private static String stateKey(ClerkStationModel.KioskLine kiosk) {
        if (!kiosk.reachable()) {
            return "station.state.unreachable";
        } else if (!kiosk.reported()) {
            return "station.state.noStatus";
        } else if (kiosk.checksNobodyIn()) {
            return "station.state.checksNobodyIn";
        } else if (kiosk.paused()) {
            return "station.state.paused";
        } else if (kiosk.fallback()) {
            return "station.state.fallback";
        }
        return "station.state.working";
    }

    private static Label label(String text, String id, double width) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(width);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
