package kz.sailau.kiosk.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.ScaleTransition;
import javafx.animation.Timeline;
import javafx.animation.TranslateTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * The voter's screens: one view per {@link CheckInState}, chosen through the engine's
 * {@link CheckInState.Visitor} (exhaustive at compile time). Language bar on every screen; every text from the bundles;
 * touch-sized buttons; a "call a commission member" button on every screen where the voter waits. While the kiosk
 * calls a commission member, a banner across the top of the voter screen says so, large enough to be seen across the
 * room, and a {@link ClerkChime} sounds once. The {@link ClerkConsole} opens over the right side of the screen
 * (decision 0180): the voter screen behind it is never squeezed, so its layout is the same with the console open or
 * closed. The top bar ({@link TopBar}) takes a second row rather than cut a button. The voter's actions ("Done",
 * "Call a commission member", "I understand", "More time" and the countdown they answer) are pinned in a row at the
 * bottom of the screen, outside the part that pans: a screen whose text does not fit (large text on a small screen)
 * pans its text rather than squeeze it, and the voter never has to discover the panning to find what to tap.
 */
public final class KioskView extends StackPane {

    private final CheckInScreenModel model;
    private final LanguageViewModel language;
    private final BorderPane voterPane = new BorderPane();
    private final StackPane centre = new StackPane();
    private final ClerkConsole clerkConsole;
    private final Button clerkButton = new Button();
    private final Button adminButton = new Button();
    private final Label testBanner = new Label();
    private final Label callBanner = new Label();
    private final ToggleButton largeTextButton = new ToggleButton();
    private final ScrollPane scroll = new ScrollPane();
    /** The shown screen's actions, pinned below the part that pans: always in view without panning. */
    private final VBox actions = new VBox(12);
    /**
     * The style class of what the voter takes away from a screen (the token's QR and code): laid out to be in view
     * without panning in any text size, at 1024 × 768 too (decision 0315).
     */
    static final String IN_VIEW = "in-view";
    /** The least side of the token's QR code, in pixels: about 5 px a module, read by the ballot desk's scanner. */
    private static final double TOKEN_QR_LEAST = 200;
    /** Between the token's QR, the code's label and the code. */
    private static final double TOKEN_GAP = 8;
    private final ReadOnlyBooleanWrapper consoleShowing = new ReadOnlyBooleanWrapper();
    private final ClerkChime chime;
    private final List<Animation> running = new ArrayList<>();

    /**
     * Builds the screens bound to the model, with the kiosk's sound for clerk calls.
     *
     * @param model the check-in view model
     */
    public KioskView(CheckInScreenModel model) {
        this(model, ClerkChime.tone());
    }

    /**
     * Builds the screens bound to the model.
     *
     * @param model the check-in view model
     * @param chime sounds when the kiosk starts calling a commission member
     */
    public KioskView(CheckInScreenModel model, ClerkChime chime) {
        this.model = Objects.requireNonNull(model, "model");
        this.chime = Objects.requireNonNull(chime, "chime");
        this.language = model.language();
        getStyleClass().add("kiosk");
        voterPane.setPadding(new Insets(16, 24, 16, 24));
        voterPane.setId("voter-screen");
        voterPane.getStyleClass().add("voter-screen");

        clerkButton.setId("open-clerk-console");
        clerkButton.getStyleClass().add("clerk-access");
        clerkButton.setMinSize(Region.USE_PREF_SIZE, 64);
        clerkButton.setOnAction(e -> toggleClerkConsole());
        adminButton.setId("open-administrator");
        adminButton.getStyleClass().add("clerk-access");
        adminButton.setMinSize(Region.USE_PREF_SIZE, 64);
        adminButton.setVisible(false);
        adminButton.managedProperty().bind(adminButton.visibleProperty());
        largeTextButton.setId("access-large-text");
        largeTextButton.getStyleClass().add("access-toggle");
        largeTextButton.setMinSize(Region.USE_PREF_SIZE, 64);
        largeTextButton.setOnAction(e -> model.toggleLargeText());
        model.largeTextProperty().addListener((obs, old, now) -> showLargeText(now));
        HBox access = new HBox(TopBar.GAP, clerkButton, adminButton);
        access.setAlignment(Pos.CENTER_LEFT);
        HBox display = new HBox(TopBar.GAP, largeTextButton, new LanguageBar(language, "language-", 120));
        display.setAlignment(Pos.CENTER_RIGHT);
        // On one row when it fits; on a narrow screen or with large text the display group takes a second row.
        TopBar top = new TopBar(access, display);
        testBanner.setId("test-banner");
        testBanner.getStyleClass().add("test-banner");
        testBanner.setMaxWidth(Double.MAX_VALUE);
        testBanner.visibleProperty().bind(model.testModeProperty());
        testBanner.managedProperty().bind(model.testModeProperty());
        callBanner.setId("clerk-call-banner");
        callBanner.getStyleClass().add("clerk-call-banner");
        callBanner.setMaxWidth(Double.MAX_VALUE);
        callBanner.setWrapText(true);
        callBanner.setMinHeight(Region.USE_PREF_SIZE);
        BooleanBinding calling = Bindings.createBooleanBinding(() -> model.clerkCallProperty().get().isPresent(),
                model.clerkCallProperty());
        callBanner.visibleProperty().bind(calling);
        callBanner.managedProperty().bind(calling);
        model.clerkCallProperty().addListener((obs, old, now) -> {
            // One chime when a call starts (or its reason changes), not again for the same call.
            if (now.isPresent() && (old.isEmpty() || old.get().reason() != now.get().reason())) {
                this.chime.ring();
            }
        });
        voterPane.setTop(new VBox(8, testBanner, top, callBanner));

        centre.setPadding(new Insets(12, 0, 0, 0));
        // A screen never squeezes its text: what does not fit (large text on a small screen) is reached by panning.
        // The centre is at least as tall as the visible area (so a short screen stays centred) and never shorter
        // than its content.
        scroll.setContent(centre);
        scroll.setId("voter-scroll");
        scroll.setFitToWidth(true);
        centre.minHeightProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getHeight(),
                scroll.viewportBoundsProperty()));
        // Large text switched on, or another window size, changes the height: the screen's top stays in view.
        centre.heightProperty().addListener((obs, old, now) -> scroll.setVvalue(scroll.getVmin()));
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        voterPane.setCenter(scroll);
        actions.setId("voter-actions");
        actions.setAlignment(Pos.CENTER);
        actions.setPadding(new Insets(12, 0, 0, 0));
        actions.setMinHeight(Region.USE_PREF_SIZE);
        // The second or third tap of an impatient double or triple tap acts on nothing: the first one changed the
        // screen, and the next screen's button in the same place (Done, then No card) is not what the voter meant
        // (decision 0519).
        actions.addEventFilter(MouseEvent.ANY, e -> {
            if (e.getClickCount() > 1 && (e.getEventType() == MouseEvent.MOUSE_PRESSED
                    || e.getEventType() == MouseEvent.MOUSE_RELEASED || e.getEventType() == MouseEvent.MOUSE_CLICKED)) {
                e.consume();
            }
        });
        voterPane.setBottom(actions);
        clerkConsole = new ClerkConsole(model);
        clerkConsole.setOnClose(this::toggleClerkConsole);
        StackPane.setAlignment(clerkConsole, Pos.CENTER_RIGHT);
        clerkConsole.visibleProperty().bind(consoleShowing);
        getChildren().setAll(voterPane, clerkConsole);

        model.stateProperty().addListener((obs, old, now) -> render());
        language.messagesProperty().addListener((obs, old, now) -> render());
        model.printerProblemProperty().addListener((obs, old, now) -> render());
        model.clerkCalledProperty().addListener((obs, old, now) -> render());
        model.scannerProblemProperty().addListener((obs, old, now) -> render());
        model.pollsClosedProperty().addListener((obs, old, now) -> render());
        render();
    }

    /** Large, high-contrast text on the whole kiosk window (style class {@code large-text}, kiosk.css). */
    private void showLargeText(boolean on) {
        largeTextButton.setSelected(on);
        if (on && !getStyleClass().contains("large-text")) {
            getStyleClass().add("large-text");
        } else if (!on) {
            getStyleClass().remove("large-text");
        }
    }

    /** The clerk console of this kiosk. */
    public ClerkConsole clerkConsole() {
        return clerkConsole;
    }

    /** Shows an "Administrator" button that runs {@code action} (it opens the passphrase screen). */
    public void setAdministratorAccess(Runnable action) {
        adminButton.setOnAction(e -> action.run());
        adminButton.setVisible(true);
    }

    /** Opens the clerk console over the right side of the voter screen, or closes it. */
    public void toggleClerkConsole() {
        consoleShowing.set(!consoleShowing.get());
    }

    /** Whether the clerk console is open. */
    public ReadOnlyBooleanProperty clerkConsoleShowingProperty() {
        return consoleShowing.getReadOnlyProperty();
    }

    private void render() {
        Messages m = language.messages();
        clerkButton.setText(m.get("clerk.console.open"));
        largeTextButton.setText(m.get("access.largeText"));
        adminButton.setText(m.get("admin.open"));
        testBanner.setText(m.get("la.banner"));
        callBanner.setText(m.get("clerk.call.banner"));
        running.forEach(Animation::stop);
        running.clear();
        actions.getChildren().clear();
        if (model.pollsClosedProperty().get()) {
            show(message(m, "checkin.error.dayClosed", "screen.pollsClosed.detail", "state-polls-closed"));
            return;
        }
        CheckInState state = model.stateProperty().get();
        // The engine's visitor makes this exhaustive at compile time: a new state cannot be forgotten.
        Node screen = state.accept(new CheckInState.Visitor<Node>() {
            @Override
            public Node awaitingCard(CheckInState.AwaitingCard s) {
                return KioskView.this.awaitingCard(m, s);
            }

            @Override
            public Node checkingEligibility(CheckInState.CheckingEligibility s) {
                return working(m, "screen.checkingRegister");
            }

            @Override
            public Node awaitingFinger(CheckInState.AwaitingFinger s) {
                return KioskView.this.awaitingFinger(m, s);
            }

            @Override
            public Node matching(CheckInState.Matching s) {
                return working(m, "screen.matching");
            }

            @Override
            public Node recording(CheckInState.Recording s) {
                return working(m, "screen.recording");
            }

            @Override
            public Node tokenIssued(CheckInState.TokenIssued s) {
                return KioskView.this.tokenIssued(m, s);
            }

            @Override
            public Node refused(CheckInState.Refused s) {
                return KioskView.this.refused(m, s);
            }

            @Override
            public Node needsClerk(CheckInState.NeedsClerk s) {
                return KioskView.this.needsClerk(m, s);
            }

            @Override
            public Node paused(CheckInState.Paused s) {
                return waiting(m, "screen.paused", "screen.paused.detail", "state-paused");
            }

            @Override
            public Node fallback(CheckInState.Fallback s) {
                return KioskView.this.fallback(m, s);
            }

            @Override
            public Node cutOff(CheckInState.CutOff s) {
                // Plain words: this kiosk lost the polling station's network; another kiosk or a member helps.
                return waiting(m, "screen.cutOff", "screen.cutOff.detail", "state-cut-off");
            }
        });
        show(screen);
    }

    /** Shows {@code screen} from its top, with the actions its builder pinned ({@link #pin}) below it. */
    private void show(Node screen) {
        centre.getChildren().setAll(screen);
        boolean any = !actions.getChildren().isEmpty();
        actions.setVisible(any);
        actions.setManaged(any);
        scroll.setVvalue(scroll.getVmin());
    }

    /** Puts {@code nodes} (the screen being built's buttons, and a countdown they answer) in the pinned action row. */
    private void pin(Node... nodes) {
        actions.getChildren().addAll(nodes);
    }

    private Node awaitingCard(Messages m, CheckInState.AwaitingCard state) {
        Label title = title(m.get("welcome.title"), "welcome-title");
        Label instruction = instruction(m.get("welcome.insertCard"), "welcome-instruction");
        Node card = cardAnimation();
        Button cardless = bigButton(m.get("welcome.noCard"), "welcome-no-card");
        cardless.setOnAction(e -> model.submit(new CheckInEvent.CardlessRequested()));
        VBox box = new VBox(20, title, instruction, card);
        state.hintKey().ifPresent(key -> box.getChildren().add(hint(m.get(key), "card-hint")));
        pin(buttons(cardless, callOrComing(m, "welcome-ask-clerk")));
        box.setId("state-awaiting-card");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node awaitingFinger(Messages m, CheckInState.AwaitingFinger state) {
        Label title = title(m.get(state.session().isPresent() ? "finger.place" : "finger.placeCardless"),
                "finger-title");
        // Guided captures: which finger this try asks for, in words and on the hands.
        String requested = m.get(requestedFingerKey(state.requestedFinger()));
        Label requestedText = instruction(requested, "finger-requested");
        requestedText.getStyleClass().add("finger-requested");
        HBox finger = new HBox(48, new HandPicture(state.requestedFinger(), requested), fingerAnimation());
        finger.setAlignment(Pos.CENTER);
        ProgressBar progress = new ProgressBar();
        progress.setId("upload-progress");
        progress.setPrefSize(360, 32);
        progress.setMinWidth(200);
        progress.progressProperty().bind(model.uploadProgressProperty());
        Label progressText = instruction("", "upload-text");
        progressText.getStyleClass().add("upload-text");
        progressText.textProperty().bind(Bindings.createStringBinding(
                () -> model.fingerOnSensorProperty().get()
                        ? m.get("finger.reading", (int) Math.round(100 * Math.max(0,
                        model.uploadProgressProperty().get())))
                        : m.get("finger.waiting"),
                model.fingerOnSensorProperty(), model.uploadProgressProperty()));
        HBox upload = new HBox(20, progress, progressText);
        upload.setAlignment(Pos.CENTER);
        HBox.setHgrow(progressText, Priority.SOMETIMES);
        VBox box = new VBox(12, title, requestedText);
        // One notice for the previous try: its number and, after a poor image, what to do differently. It comes
        // before the pictures, so that it stays in view on the kiosk's smallest screen (1024x768) in every language.
        if (state.captures() > 0) {
            String tryAgain = sentence(m.get("finger.tryAgain", state.captures() + 1));
            String quality = state.hint().map(q -> " " + sentence(m.get(q.messageKey()))).orElse("");
            Label notice = hint(tryAgain + quality, "finger-try");
            state.hint().ifPresent(q -> notice.getStyleClass().add("quality-hint"));
            box.getChildren().add(notice);
        }
        model.scannerProblemProperty().get().ifPresent(key ->
                box.getChildren().add(hint(sentences(m.get(key), m.get("clerk.coming")), "scanner-problem")));
        box.getChildren().addAll(finger, upload);
        Node call = callOrComing(m, "finger-call-clerk");
        state.countdownUntil().ifPresentOrElse(until -> {
            Label countdown = countdown(() -> countdownText(m, until), "finger-countdown");
            Button more = bigButton(m.get("finger.moreTime"), "finger-more-time");
            more.setOnAction(e -> model.moreTime());
            pin(countdown, buttons(more, call));
        }, () -> pin(call));
        box.setId("state-awaiting-finger");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /**
     * A notice whose text {@code text} gives (seconds counted on the engine's clock), refreshed every second while
     * its screen is shown.
     */
    private Label countdown(Supplier<String> text, String id) {
        Label countdown = hint(text.get(), id);
        Timeline seconds = new Timeline(new KeyFrame(Duration.seconds(1), e -> countdown.setText(sentence(text.get()))));
        seconds.setCycleCount(Animation.INDEFINITE);
        running.add(seconds);
        seconds.play();
        return countdown;
    }

    private String countdownText(Messages m, Instant until) {
        return m.get("finger.stillThere") + " " + m.get("finger.countdown", model.secondsUntil(until));
    }

    /** The message key of the sentence asking for a finger, e.g. {@code finger.requested.right_index}. */
    static String requestedFingerKey(FingerPosition finger) {
        return "finger.requested." + finger.fileName();
    }

    private Node tokenIssued(Messages m, CheckInState.TokenIssued state) {
        Label title = title(m.get("token.title"), "token-title");
        title.getStyleClass().addAll("success", "token-title");
        title.setAlignment(Pos.CENTER_LEFT);
        title.setTextAlignment(TextAlignment.LEFT);
        ImageView qr = new ImageView(QrCodes.image(state.token().qrPayload(), 8));
        qr.setId("token-qr");
        qr.getStyleClass().add(IN_VIEW);
        qr.setSmooth(false);
        qr.setPreserveRatio(true);
        Label code = new Label(threeGroupsPerLine(state.token().humanCode()));
        code.setId("token-code");
        code.getStyleClass().addAll("token-code", IN_VIEW);
        code.setWrapText(true);
        code.setMinHeight(Region.USE_PREF_SIZE);
        Label codeLabel = new Label(m.get("token.codeLabel"));
        codeLabel.setId("token-code-label");
        codeLabel.setWrapText(true);
        codeLabel.setMinHeight(Region.USE_PREF_SIZE);
        // The QR and its typed code together, in view without panning in any text size (decision 0315): the QR gives
        // up size to the width of the screen and to the height the code needs below it, down to TOKEN_QR_LEAST.
        VBox ticket = new VBox(TOKEN_GAP, qr, codeLabel, code);
        ticket.setId("token-ticket");
        ticket.setMinWidth(Region.USE_PREF_SIZE);
        double full = qr.getImage().getWidth();
        qr.fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(TOKEN_QR_LEAST, Math.min(Math.min(full, 0.36 * centre.getWidth()),
                        scroll.getViewportBounds().getHeight() - centre.getPadding().getTop() - 2 * TOKEN_GAP
                                - codeLabel.getHeight() - code.getHeight() - 4)),
                centre.widthProperty(), scroll.viewportBoundsProperty(), codeLabel.heightProperty(),
                code.heightProperty()));
        Optional<String> problem = model.printerProblemProperty().get();
        VBox text = new VBox(12, title);
        if (problem.isPresent()) {
            // No "take your receipt" when none came out: the voter stays and a commission member comes.
            text.getChildren().add(hint(sentences(m.get(problem.get()), m.get("token.notPrinted")),
                    "printer-problem"));
        } else {
            text.getChildren().add(instruction(m.get("token.takeReceipt"), "token-instruction"));
        }
        if (problem.isEmpty()) {
            Button done = bigButton(m.get("token.done"), "token-done");
            done.setOnAction(e -> model.submit(new CheckInEvent.Acknowledged()));
            pin(buttons(done, callOrComing(m, "token-call-clerk")));
        }
        // The voter is told that the code leaves the screen by itself, so that the next in the queue never sees it.
        model.tokenClearsAt(state).ifPresent(at -> text.getChildren().add(
                countdown(() -> m.get("token.clearsIn", model.secondsUntil(at)), "token-countdown")));
        text.setAlignment(Pos.CENTER_LEFT);
        text.setMaxWidth(720);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(32, ticket, text);
        box.setId("state-token-issued");
        // The QR's top beside the title: in view even when large text makes the screen pan.
        box.setAlignment(Pos.TOP_CENTER);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        return box;
    }

    private Node refused(Messages m, CheckInState.Refused state) {
        VBox box = new VBox(24, title(m.get(state.refusal().messageKey()), "refusal-title"));
        StationLine.of(m, state)
                .ifPresent(line -> box.getChildren().add(instruction(line, "refusal-station")));
        box.getChildren().add(instruction(m.get(RefusalWording.nextStepKey(state.refusal())), "refusal-instruction"));
        Node call = callOrComing(m, "refusal-call-clerk");
        if (RefusalWording.voterActsNext(state.refusal())) {
            Button ok = bigButton(m.get("refusal.understood"), "refusal-ok");
            ok.setOnAction(e -> model.submit(new CheckInEvent.Acknowledged()));
            pin(buttons(ok, call));
        } else {
            // A commission member acts next: nothing here dismisses the screen (it clears itself when idle).
            pin(call);
        }
        box.setId("state-refused");
        box.getStyleClass().add("calm");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node needsClerk(Messages m, CheckInState.NeedsClerk state) {
        // The voter's words only: a reason such as a finger matching another voter is for the clerk's console.
        VBox box = message(m, "clerk.wait", state.reason().voterMessageKey(), "state-needs-clerk");
        box.getChildren().add(hint(m.get("clerk.coming"), "clerk-called"));
        return box;
    }

    private Node fallback(Messages m, CheckInState.Fallback state) {
        VBox box = waiting(m, "screen.fallback", "screen.fallback.detail", "state-fallback");
        state.hintKey().ifPresent(key -> box.getChildren().add(1, hint(m.get(key), "fallback-hint")));
        return box;
    }

    /** A calm message on a screen where the voter waits: with the call button, or the notice that one comes. */
    private VBox waiting(Messages m, String titleKey, String detailKey, String id) {
        VBox box = message(m, titleKey, detailKey, id);
        pin(callOrComing(m, id + "-call-clerk"));
        return box;
    }

    private VBox message(Messages m, String titleKey, String detailKey, String id) {
        VBox box = new VBox(24, title(m.get(titleKey), id + "-title"),
                instruction(sentence(m.get(detailKey)), id + "-detail"));
        box.setId(id);
        box.getStyleClass().add("calm");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node working(Messages m, String key) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(120, 120);
        VBox box = new VBox(32, title(m.get(key), "working-title"), spinner);
        box.setId("state-working");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /**
     * "Call a commission member" ({@code id}), or, once the voter called and until a clerk acts, the notice that one
     * is coming in its place (id {@code clerk-called}), so the voter sees that the call went out.
     */
    private Node callOrComing(Messages m, String id) {
        if (model.clerkCalledProperty().get()) {
            return hint(m.get("clerk.coming"), "clerk-called");
        }
        Button call = bigButton(m.get("welcome.askClerk"), id);
        call.getStyleClass().addAll("secondary", "call-clerk");
        call.setOnAction(e -> model.callClerk());
        return call;
    }

    /** Two touch buttons side by side, each as wide as its text needs (wrapped when the screen is narrow). */
    private static HBox buttons(Node first, Node second) {
        HBox row = new HBox(24, first, second);
        row.setAlignment(Pos.CENTER);
        row.setId(first.getId() + "-row");
        return row;
    }

    /** {@code text} as a sentence: ends with a full stop unless it already ends with punctuation. */
    static String sentence(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return ".!?…".indexOf(last) >= 0 ? trimmed : trimmed + ".";
    }

    /** Two messages as two sentences, each ending with its full stop. */
    static String sentences(String first, String second) {
        return sentence(first) + " " + sentence(second);
    }

    /** A card sliding into a reader slot, repeated. */
    private Node cardAnimation() {
        Rectangle slot = new Rectangle(260, 16, Color.web("#333333"));
        Rectangle card = new Rectangle(220, 140, Color.web("#d8e6f5"));
        card.setStroke(Color.web("#00529b"));
        card.setStrokeWidth(4);
        card.setArcWidth(16);
        card.setArcHeight(16);
        TranslateTransition slide = new TranslateTransition(Duration.seconds(1.6), card);
        slide.setFromY(-40);
        slide.setToY(30);
        slide.setCycleCount(Animation.INDEFINITE);
        slide.setAutoReverse(true);
        slide.setInterpolator(Interpolator.EASE_BOTH);
        running.add(slide);
        slide.play();
        StackPane pane = new StackPane(card, slot);
        StackPane.setAlignment(slot, Pos.BOTTOM_CENTER);
        pane.setMaxSize(280, 200);
        pane.setMinSize(280, 200);
        return pane;
    }

    /** A fingertip pulsing on the sensor glass, repeated. */
    private Node fingerAnimation() {
        // As tall as the hands beside it: with the try's notice above and the upload bar below, the finger screen
        // fits 1024 x 768 in Russian, the bar in view (decision 0315).
        Rectangle glass = new Rectangle(160, 168, Color.web("#1f2937"));
        glass.setArcWidth(24);
        glass.setArcHeight(24);
        Ellipse tip = new Ellipse(50, 64);
        tip.setFill(Color.web("#f2c9a0"));
        tip.setStroke(Color.web("#8a5a2b"));
        tip.setStrokeWidth(3);
        ScaleTransition pulse = new ScaleTransition(Duration.seconds(0.9), tip);
        pulse.setFromX(0.9);
        pulse.setFromY(0.9);
        pulse.setToX(1.05);
        pulse.setToY(1.05);
        pulse.setCycleCount(Animation.INDEFINITE);
        pulse.setAutoReverse(true);
        running.add(pulse);
        pulse.play();
        StackPane pane = new StackPane(glass, tip);
        pane.setId("finger-hint-animation");
        pane.setMaxSize(180, 168);
        return pane;
    }

    private static Label title(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.getStyleClass().add("title");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setAlignment(Pos.CENTER);
        label.setTextAlignment(TextAlignment.CENTER);
        return label;
    }

    private static Label instruction(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.getStyleClass().add("instruction");
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        return label;
    }

    private static Label hint(String text, String id) {
        Label label = new Label(sentence(text));
        label.setId(id);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Button bigButton(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinSize(240, 80);
        button.setMaxWidth(420);
        button.setWrapText(true);
        button.setTextAlignment(TextAlignment.CENTER);
        return button;
    }

    /** Breaks a grouped code {@code ABC-DEF-GHI-JKL...} after every third group so it reads at a glance. */
    static String threeGroupsPerLine(String code) {
        String[] groups = code.split("-");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i > 0) {
                out.append(i % 3 == 0 ? "\n" : "-");
            }
            out.append(groups[i]);
        }
        return out.toString();
    }

    /** For tests: the label text of the centre screen's title, if any. */
    Optional<String> titleText() {
        return centre.lookupAll(".title").stream().findFirst().map(node -> ((Label) node).getText());
    }
}
