package kz.sailau.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import java.util.Objects;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.LegalDocument;
import kz.sailau.kiosk.checkin.OverrideReason;
import kz.sailau.kiosk.checkin.PaperMarkEntry;
import kz.sailau.kiosk.checkin.PrecinctNetworkStatus;
import kz.sailau.kiosk.checkin.SpecialListReason;
import kz.sailau.kiosk.checkin.Session;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.InvalidIinException;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.ui.touch.InputKind;
import kz.sailau.kiosk.ui.touch.KeyboardDock;

/**
 * The commission member's console, laid out for a touchscreen and shown over the right side of the voter screen
 * (decision 0180). Fixed at the top: the console's own language bar (the clerk's choice, kept across voters) with
 * *Close the console*, on a kiosk of a precinct network the network's line (machines in reach of the members, the
 * leader, in the majority or cut off; live, as the engine announces it), and any alert. Scrolling in the middle: the
 * current case (reason and next step, wrapped, never cut) and what the actions that apply need (the override's reason
 * list, the IIN field), then the console's title, the live counters as tiles and the history of exceptions. Fixed at
 * the bottom: only the actions the engine acts on in the current state
 * ({@link CheckInScreenModel#clerkActionsProperty()}: override and retry after failed finger tries, the card-less
 * confirmation, the void of the last token, the IIN typed by hand, cancel), the result of the last action on a line
 * kept when empty, the clerk's login and PIN, and, whenever the engine accepts either, the kiosk controls at the very
 * bottom (pause or resume, manual mode on or off; one greyed out while the engine would not accept it). While a case
 * waits for the clerk's decision neither applies and the case takes their room: at 1024 × 768 the case, its reasons,
 * the credentials and the decision's buttons are all in view without scrolling (decision 0305). A new case clears
 * the IIN, the chosen reason and the last result; an open special-list form stays, with what was typed, while the
 * engine still takes an entry (decision 0497). A refused case is headed in the clerk's words, not the voter's
 * (decision 0416). Once the polls are closed the case says so, and nothing is offered but the language and *Close the
 * console*: the engine takes no action after the close (decision 0415). The console only sends clerk events; every
 * decision stays with the engine.
 */
public final class ClerkConsole extends VBox {

    /**
     * Style class of every node that shows what identifies a voter (name, birth date, IIN, document number): the
     * clerk needs them on the console, but no screenshot may keep them, so the tests' screenshots hide these nodes.
     */
    public static final String PERSONAL_DATA = "personal-data";

    /** Width of the console over the voter screen; every text wraps inside it. */
    static final double WIDTH = 560;
    /** Width inside the scrolling middle: the console minus its border, the scroll bar and the padding. */
    private static final double CONTENT = WIDTH - 3 - 28 - 2 * 16 - 4;
    /** Id of the console's fixed header: its language, its close button and its alerts. */
    private static final String HEADER = "clerk-header";
    /** Id of the row of the action buttons in the footer: what the console's fields are typed for. */
    private static final String ACTIONS = "clerk-actions";
    /** Height of a touch target in pixels (kiosk.css pads buttons and fields to it). */
    static final double TOUCH = 64;

    private final CheckInScreenModel model;
    /** The console's own language: the clerk's choice, kept across voters (the voter screens reset to Kazakh). */
    private final LanguageViewModel language = new LanguageViewModel();
    private final Button close = new Button();
    private final Label kioskHint = wrapped("", "clerk-kiosk-hint");
    private Runnable onClose = () -> { };
    private Object currentCase;
    private final TextField clerkId = new TextField();
    private final PasswordField pin = new PasswordField();
    private final TextField iin = new TextField();
    private final ToggleGroup reasons = new ToggleGroup();
    private final ToggleGroup specialListReasons = new ToggleGroup();
    /**
     * Whether the clerk opened the special-list form: it then has the console to itself, every field and its
     * confirm button in view at 1024 × 768 (decision 0315); closed by its back button and by every new case.
     */
    private boolean specialListOpen;
    private final TextField documentNumber = new TextField();
    private final Label result = wrapped("", "clerk-result");
    /** The voter screen's large text, switched from the console: its own Large text lies under the console. */
    private final ToggleButton largeText = new ToggleButton();
    private final VBox header = new VBox(10);
    private final VBox body = new VBox(10);
    private final VBox footer = new VBox(8);
    private final LanguageBar languageBar;
    private final ScrollPane scroll;
    private String resultKey = "";
    /** Height kept for the result line, shown or not, so that the buttons never move when a result appears. */
    private static final double RESULT_HEIGHT = 40;

    /**
     * @param model the check-in view model
     */
    public ClerkConsole(CheckInScreenModel model) {
        this.model = model;
        setId("clerk-console");
        getStyleClass().add("clerk-console");
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        clerkId.setId("clerk-id");
        clerkId.setMinHeight(TOUCH);
        pin.setId("clerk-pin");
        pin.setMinHeight(TOUCH);
        iin.setId("clerk-iin");
        iin.setMinHeight(TOUCH);
        documentNumber.setId("clerk-document-number");
        documentNumber.setMinHeight(TOUCH);
        // What identifies a voter is marked, so that no screenshot of the console keeps it (tests hide it).
        iin.getStyleClass().add(PERSONAL_DATA);
        documentNumber.getStyleClass().add(PERSONAL_DATA);
        // Typed by touch: the on-screen keyboard of the screen's dock (KioskScreens), no physical keyboard needed.
        KeyboardDock.use(clerkId, InputKind.LOGIN);
        KeyboardDock.use(pin, InputKind.DIGITS);
        KeyboardDock.use(iin, InputKind.DIGITS);
        KeyboardDock.use(documentNumber, InputKind.TEXT);
        // The letter keys lie over the console's lower part: the console pans up so that the field typed and, where
        // both fit above the keys, the action buttons it is for stay in view (decision 0360).
        // Its header (close button, language, alerts) stays where it is while the console pans (decision 0400).
        for (TextField field : List.of(clerkId, pin, iin, documentNumber)) {
            KeyboardDock.leadsTo(field, "#" + ACTIONS);
            KeyboardDock.keepsHeader(field, "#" + HEADER);
        }
        header.setPadding(new Insets(16, 16, 8, 16));
        header.setId(HEADER);
        body.setPadding(new Insets(4, 16, 8, 16));
        body.setFillWidth(true);
        footer.setPadding(new Insets(8, 16, 16, 16));
        footer.setId("clerk-footer");
        footer.getStyleClass().add("console-footer");
        // The fixed parts never give up height: the scrolling middle does.
        header.setMinHeight(Region.USE_PREF_SIZE);
        footer.setMinHeight(Region.USE_PREF_SIZE);
        scroll = new ScrollPane(body);
        scroll.setId("clerk-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setPannable(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        close.setId("clerk-console-close");
        close.getStyleClass().add("secondary");
        close.setMinSize(TOUCH, TOUCH);
        close.setMinHeight(Region.USE_PREF_SIZE);
        close.setWrapText(true);
        close.setOnAction(e -> onClose.run());
        result.setMinHeight(RESULT_HEIGHT);
        result.setPrefHeight(RESULT_HEIGHT);
        kioskHint.getStyleClass().add("console-small");
        kioskHint.setMinHeight(44);
        largeText.setId("clerk-large-text");
        largeText.setMinHeight(TOUCH);
        largeText.setWrapText(true);
        largeText.setMaxWidth(CONTENT);
        largeText.setSelected(model.largeTextProperty().get());
        largeText.setOnAction(e -> model.toggleLargeText());
        model.largeTextProperty().addListener((o, a, on) -> largeText.setSelected(on));
        languageBar = new LanguageBar(language, "clerk-language-", 112);
        languageBar.getStyleClass().add("console-language");
        languageBar.setSpacing(6);
        languageBar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, scroll, footer);
        model.stateProperty().addListener((o, a, b) -> {
            clearOnNewCase(b);
            render();
        });
        currentCase = caseOf(model.stateProperty().get());
        model.clerkActionsProperty().addListener((o, a, b) -> render());
        model.countersProperty().addListener((o, a, b) -> render());
        model.printerProblemProperty().addListener((o, a, b) -> render());
        model.clerkCalledProperty().addListener((o, a, b) -> render());
        model.networkProperty().addListener((o, a, b) -> render());
        model.pollsClosedProperty().addListener((o, a, b) -> render());
        model.notices().addListener((ListChangeListener<CheckInScreenModel.ClerkNotice>) c -> render());
        language.messagesProperty().addListener((o, a, b) -> render());
        render();
    }

    /**
     * Pre-fills the clerk login field (the demo's DEMO clerk); the field starts empty otherwise, because a
     * polling station's clerks each type their own badge login.
     */
    public void suggestLogin(String login) {
        clerkId.setText(Objects.requireNonNull(login, "login"));
    }

    /** The console's own language, chosen by the clerk on its language bar and kept across voters. */
    public LanguageViewModel language() {
        return language;
    }

    /** What the console's close button does (the kiosk view hides the console). */
    public void setOnClose(Runnable action) {
        onClose = Objects.requireNonNull(action, "action");
    }

    /**
     * A new case clears what the clerk typed or chose for the last one, and the last result: the voter's IIN,
     * the override reason; the special-list form only once the engine takes no entry in the new case. A case is the
     * state's kind and, for a wait for a clerk or a refusal, its reason.
     */
    private void clearOnNewCase(CheckInState state) {
        Object now = caseOf(state);
        if (!now.equals(currentCase)) {
            currentCase = now;
            reasons.selectToggle(null);
            resultKey = "";
            // The special-list form the clerk is filling in stays, with what was typed, while the engine still takes
            // an entry: a refusal it follows times out to the welcome screen (or the voter taps "I understand") long
            // before the IIN, reason and document number are typed by touch (decision 0497). Anything else closes it.
            if (specialListOpen && model.clerkActionsProperty().get()
                    .contains(CheckInEvent.ClerkAddsToSpecialList.class)) {
                return;
            }
            iin.clear();
            specialListOpen = false;
            specialListReasons.selectToggle(null);
            documentNumber.clear();
            // The new case's heading opens in view.
            scroll.setVvalue(0);
        }
    }

    private static Object caseOf(CheckInState state) {
        if (state instanceof CheckInState.NeedsClerk needs) {
            return needs.reason();
        } else if (state instanceof CheckInState.Refused refused) {
            return refused.refusal();
        }
        return state.getClass();
    }

    private void render() {
        Messages m = language.messages();
        CheckInState state = model.stateProperty().get();
        Set<Class<? extends CheckInEvent.ClerkEvent>> accepted = model.clerkActionsProperty().get();
        clerkId.setPromptText(m.get("clerk.id"));
        pin.setPromptText(m.get("clerk.pin"));
        iin.setPromptText(m.get("clerk.iin"));
        result.setText(resultKey.isEmpty() ? "" : m.get(resultKey));
        result.getStyleClass().removeAll("console-alert", "console-done");
        if (!resultKey.isEmpty()) {
            result.getStyleClass().add(resultKey.equals("clerk.result.done") ? "console-done" : "console-alert");
        }
        close.setText(m.get("clerk.console.close"));

        // Fixed at the top: the console's language and its close button, and any alert.
        Label heading = wrapped(m.get("clerk.console.title"), "clerk-title");
        heading.getStyleClass().add("console-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        close.setMinWidth(160);
        close.setMaxWidth(160);
        HBox titleRow = new HBox(8, languageBar, gap, close);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().setAll(titleRow);
        if (model.pollsClosedProperty().get()) {
            renderDayClosed(m, heading);
            return;
        }
        model.networkProperty().get().ifPresent(network -> header.getChildren().add(networkLine(m, network)));
        if (model.clerkCalledProperty().get()) {
            header.getChildren().add(alert(m.get("clerk.voterCalls"), "clerk-voter-calls"));
        }
        model.printerProblemProperty().get().ifPresent(key ->
                header.getChildren().add(alert(KioskView.sentences(m.get(key), m.get("clerk.next.voidAndReprint")),
                        "clerk-printer-alert")));
        footer.setVisible(true);
        footer.setManaged(true);

        // Scrolling in the middle: the current case and what its actions need (the reasons, the IIN) open it, in
        // view without scrolling; the console's title heads the overview after them: the counters and the history.
        boolean form = specialListOpen && accepted.contains(CheckInEvent.ClerkAddsToSpecialList.class);
        if (form) {
            renderSpecialList(m);
            return;
        }
        body.getChildren().setAll(currentCase(m, state));
        identityToConfirm(state).ifPresent(session -> body.getChildren().add(wrapped(m.get("clerk.confirm.who",
                fullName(session.voter().voter()), m.date(session.voter().voter().birthDate())), "clerk-confirm-who",
                PERSONAL_DATA)));
        VBox inputs = new VBox(6);
        inputs.setId("clerk-inputs");
        VBox buttons = new VBox(8);
        buttons.setId(ACTIONS);
        actions(m, accepted, inputs, buttons);
        if (!inputs.getChildren().isEmpty()) {
            body.getChildren().add(inputs);
        }
        body.getChildren().addAll(heading, counters(m, model.countersProperty().get()), history(m));

        // Fixed at the bottom: the result of the last action, login and PIN, and the kiosk controls.
        footer.getChildren().setAll(buttons, result, credentials());
        kioskControls(m, state, accepted).ifPresent(footer.getChildren()::add);
    }

    /**
     * After the day is closed (decision 0415): the closed day as the case, its next step, then the counters and the
     * history; no action, no login or PIN and no kiosk control, since the engine takes none any more. The header keeps
     * the language and *Close the console*; the alerts of the open day are not repeated.
     */
    private void renderDayClosed(Messages m, Label heading) {
        Label current = wrapped(m.get("clerk.dayClosed"), "clerk-current");
        current.getStyleClass().add("console-current");
        VBox box = new VBox(6, current,
                wrapped(m.get("clerk.nextStep", m.get("clerk.next.dayClosed")), "clerk-next-step"));
        box.setId("clerk-case");
        box.getStyleClass().addAll("console-case", "clerk-day-closed");
        body.getChildren().setAll(box, heading, counters(m, model.countersProperty().get()), history(m));
        footer.getChildren().clear();
        footer.setVisible(false);
        footer.setManaged(false);
    }

    private HBox credentials() {
        clerkId.setPrefWidth(CONTENT / 2 - 4);
        pin.setPrefWidth(CONTENT / 2 - 4);
        HBox credentials = new HBox(8, clerkId, pin);
        credentials.setId("clerk-credentials");
        return credentials;
    }

    /**
     * The special-list form, opened by its button: its title, the IIN, the legal reasons and the document's number
     * in the middle; below them its confirm and back buttons, the result, login and PIN. Nothing else (the case, the
     * kiosk controls, the counters) takes its room, so that all of it is in view without scrolling on the kiosk's
     * smallest screen.
     */
    private void renderSpecialList(Messages m) {
        VBox inputs = new VBox(6);
        inputs.setId("clerk-inputs");
        List<Button> shown = new ArrayList<>();
        specialList(m, inputs, shown);
        Button back = specialListToggle(m, "clerk.specialList.back", "clerk-special-list-back", false);
        back.getStyleClass().add("secondary");
        shown.add(back);
        body.getChildren().setAll(inputs);
        VBox buttons = new VBox(8, row(shown));
        buttons.setId(ACTIONS);
        footer.getChildren().setAll(buttons, result, credentials());
    }

    /**
     * Only the actions the engine acts on now: what they need (the reason list, the IIN field) goes into
     * {@code inputs}, in the scrolling middle; their buttons into {@code buttons}, fixed above the footer, two
     * to a row, so that they never scroll away.
     */
    private void actions(Messages m, Set<Class<? extends CheckInEvent.ClerkEvent>> accepted, VBox inputs,
                         VBox buttons) {
        List<ButtonBase> shown = new ArrayList<>();
        if (accepted.contains(CheckInEvent.ClerkOverride.class)) {
            inputs.getChildren().addAll(wrapped(m.get("clerk.override.reason"), "clerk-reason-title"),
                    reasonButtons(m));
            shown.add(action(m, "clerk.action.override", "clerk-override", id -> {
                if (reasons.getSelectedToggle() == null) {
                    return null;
                }
                return new CheckInEvent.ClerkOverride(id, (OverrideReason) reasons.getSelectedToggle().getUserData());
            }));
        }
        if (accepted.contains(CheckInEvent.ClerkAllowsRetry.class)) {
            shown.add(action(m, "clerk.action.retry", "clerk-retry", CheckInEvent.ClerkAllowsRetry::new));
        }
        if (accepted.contains(CheckInEvent.ClerkConfirmedIdentity.class)) {
            shown.add(action(m, "clerk.action.confirmIdentity", "clerk-confirm",
                    CheckInEvent.ClerkConfirmedIdentity::new));
        }
        if (accepted.contains(CheckInEvent.ClerkVoidsToken.class)) {
            shown.add(action(m, "clerk.action.voidToken", "clerk-void", CheckInEvent.ClerkVoidsToken::new));
        }
        if (accepted.contains(CheckInEvent.ClerkEnteredIin.class)) {
            iin.setMaxWidth(Double.MAX_VALUE);
            inputs.getChildren().addAll(wrapped(m.get("clerk.iin.title"), "clerk-iin-title"), iin);
            shown.add(action(m, "clerk.action.enterIin", "clerk-enter-iin",
                    id -> typedIin().map(typed -> new CheckInEvent.ClerkEnteredIin(id, typed)).orElse(null)));
        }
        if (accepted.contains(CheckInEvent.ClerkAddsToSpecialList.class)) {
            // A form of its own: opened here, shown alone (renderSpecialList).
            shown.add(specialListToggle(m, "clerk.specialList.open", "clerk-special-list-open", true));
        }
        if (accepted.contains(CheckInEvent.ClerkEntersPaperMark.class)) {
            paperMarks(m, inputs, shown);
        }
        if (accepted.contains(CheckInEvent.ClerkAssistsVoter.class)) {
            Button assist = action(m, "access.assisted", "clerk-assist", CheckInEvent.ClerkAssistsVoter::new);
            assist.getStyleClass().add("secondary");
            shown.add(assist);
            // With a voter's session, beside the help, the voter screen's large text: the voter's own switch lies
            // under the console, and every console control is in view without panning (decision 0476).
            if (accepted.contains(CheckInEvent.ClerkCancels.class)) {
                largeText.setText(m.get("clerk.largeText"));
                shown.add(largeText);
            }
        }
        if (accepted.contains(CheckInEvent.ClerkCancels.class)) {
            Button cancel = action(m, "clerk.action.cancel", "clerk-cancel", CheckInEvent.ClerkCancels::new);
            cancel.getStyleClass().add("secondary");
            shown.add(cancel);
        }
        // Two to a row; three side by side only for a case's decision (override, retry, cancel) so that the reasons
        // above keep their room on a 768-pixel screen, with less padding so that no word breaks (decision 0315).
        // Likewise the help, large text and cancel of a voter at the kiosk: a third row would take the case's room.
        boolean decision = shown.size() == 3 && (accepted.contains(CheckInEvent.ClerkOverride.class)
                || shown.contains(largeText));
        int perRow = decision ? 3 : 2;
        largeText.getStyleClass().remove("console-third");
        if (decision) {
            shown.forEach(button -> button.getStyleClass().add("console-third"));
        }
        for (int i = 0; i < shown.size(); i += perRow) {
            buttons.getChildren().add(row(shown.subList(i, Math.min(shown.size(), i + perRow))));
        }
    }

    /**
     * Paper marks, while the kiosk is paused: the IIN of a voter marked on the printed voter list during an outage,
     * one at a time; the IIN field empties when the mark is entered, ready for the next.
     */
    private void paperMarks(Messages m, VBox inputs, List<? super Button> shown) {
        iin.setMaxWidth(Double.MAX_VALUE);
        inputs.getChildren().addAll(wrapped(m.get("clerk.paperMark.title"), "clerk-paper-mark-title"), iin);
        shown.add(action(m, "clerk.action.paperMark", "clerk-paper-mark",
                id -> typedIin().map(typed -> new CheckInEvent.ClerkEntersPaperMark(id, typed)).orElse(null)));
    }

    /** The IIN in the field, or empty after telling the clerk why it is not one (length, digits, control digit). */
    private Optional<Iin> typedIin() {
        try {
            return Optional.of(new Iin(iin.getText().trim()));
        } catch (InvalidIinException e) {
            showResult(e.reason().messageKey());
            return Optional.empty();
        }
    }

    /** The six live counters as tiles: a large number above a wrapped caption. */
    private Node counters(Messages m, Counters c) {
        GridPane grid = new GridPane();
        grid.setId("clerk-counters");
        grid.setHgap(8);
        grid.setVgap(8);
        Object[][] tiles = {
                {"checkins", c.checkIns(), "clerk.count.checkIns"},
                {"overrides", c.overrides(), "clerk.count.overrides"},
                {"cardless", c.cardless(), "clerk.count.cardless"},
                {"fallback", c.fallback(), "clerk.count.fallback"},
                {"voided", c.voidedTokens(), "clerk.count.voided"},
                {"paper-marks", c.paperMarks(), "clerk.count.paperMarks"}};
        double width = (CONTENT - 2 * 8) / 3;
        for (int i = 0; i < tiles.length; i++) {
            Label number = new Label(m.number((Long) tiles[i][1]));
            number.setId("clerk-count-" + tiles[i][0]);
            number.getStyleClass().add("counter-number");
            Label caption = wrapped(m.get((String) tiles[i][2]), "clerk-count-" + tiles[i][0] + "-caption");
            caption.getStyleClass().add("counter-caption");
            caption.setMaxWidth(width - 16);
            VBox tile = new VBox(2, number, caption);
            tile.getStyleClass().add("counter-tile");
            tile.setAlignment(Pos.TOP_CENTER);
            tile.setPrefWidth(width);
            tile.setMinWidth(width);
            tile.setMaxWidth(width);
            grid.add(tile, i % 3, i / 3);
        }
        return grid;
    }

    /** The case waiting for the clerk: what happened and the next step, in two wrapped lines. */
    private Node currentCase(Messages m, CheckInState state) {
        String what;
        Optional<String> next = Optional.empty();
        if (state instanceof CheckInState.NeedsClerk needs) {
            what = m.get(needs.reason().messageKey());
            next = Optional.of(m.get(needs.reason().nextStepKey()));
        } else if (state instanceof CheckInState.Refused refused) {
            // In the clerk's words: the voter's screen says "you", the console says "the voter" (decision 0416).
            what = m.get(RefusalWording.clerkHeadingKey(refused.refusal()))
                    + StationLine.forClerk(m, refused).map(line -> "\n" + line).orElse("");
            next = Optional.of(m.get(refused.refusal().nextStepKey()));
        } else if (state instanceof CheckInState.Paused paused) {
            what = m.get("screen.paused");
            next = paused.paperMark().flatMap(mark -> paperMarkLine(m, mark));
        } else if (state instanceof CheckInState.Fallback) {
            what = m.get("screen.fallback");
        } else if (state instanceof CheckInState.CutOff) {
            what = m.get("screen.cutOff");
            next = Optional.of(m.get("clerk.next.cutOff"));
        } else if (model.printerProblemProperty().get().isPresent()) {
            // The token did not print: the voter waits for a clerk, so the case is pending, not "nothing pending".
            what = m.get(model.printerProblemProperty().get().get());
            next = Optional.of(m.get("clerk.next.voidAndReprint"));
        } else if (model.clerkCalledProperty().get()) {
            // A voter called from a screen that waits for nobody: the call is the case pending. No next-step line:
            // it would push manual mode's IIN field out of view at 1024 x 768 under the header's alert.
            what = m.get(ClerkReason.VOTER_REQUEST.messageKey());
        } else {
            what = m.get("clerk.nothingPending");
        }
        Label current = wrapped(what, "clerk-current");
        current.getStyleClass().add("console-current");
        VBox box = new VBox(6, current);
        if (state instanceof CheckInState.Paused) {
            next.ifPresent(text -> box.getChildren().add(wrapped(text, "clerk-paper-mark-outcome")));
        } else {
            next.ifPresent(text -> box.getChildren().add(wrapped(m.get("clerk.nextStep", text), "clerk-next-step")));
        }
        box.setId("clerk-case");
        box.getStyleClass().add("console-case");
        return box;
    }

    /** The outcome of the last paper mark, for the case box: entered with its reference, or why not. */
    private static Optional<String> paperMarkLine(Messages m, PaperMarkEntry mark) {
        if (mark instanceof PaperMarkEntry.Entered entered) {
            return Optional.of(m.get("clerk.paperMark.entered", entered.reference().text()));
        } else if (mark instanceof PaperMarkEntry.NotEntered not) {
            return Optional.of(m.get("clerk.paperMark.notEntered", m.get(not.messageKey())) + "\n"
                    + m.get("clerk.nextStep", m.get(not.nextStepKey())));
        }
        return Optional.empty();
    }

    /**
     * The special list: the legal reason, the document's number and the IIN from the voter's identity document (the
     * IIN field is the one of "enter IIN"), the form's title heading them.
     */
    private void specialList(Messages m, VBox inputs, List<? super Button> shown) {
        Node legal = choiceButtons(specialListReasons, SpecialListReason.values(), SpecialListReason::messageKey, m,
                "clerk-special-list-reasons", "special-list-");
        documentNumber.setId("clerk-document-number");
        documentNumber.setPromptText(m.get("clerk.specialList.number"));
        iin.setMaxWidth(Double.MAX_VALUE);
        Label title = wrapped(m.get("clerk.specialList.title"), "clerk-special-list-title");
        title.getStyleClass().add("console-current");
        inputs.getChildren().addAll(title, wrapped(m.get("clerk.iin.title"), "clerk-iin-title"), iin, legal,
                documentNumber);
        shown.add(action(m, "clerk.action.specialList", "clerk-special-list", id -> {
            if (specialListReasons.getSelectedToggle() == null) {
                return null;
            }
            try {
                LegalDocument document = new LegalDocument(
                        (SpecialListReason) specialListReasons.getSelectedToggle().getUserData(),
                        documentNumber.getText());
                // The number stays typed until the engine takes the entry: a wrong PIN must not cost the clerk
                // the document's number typed by touch (decision 0531).
                return new CheckInEvent.ClerkAddsToSpecialList(id, new Iin(iin.getText().trim()), document);
            } catch (InvalidIinException e) {
                showResult(e.reason().messageKey());
                return null;
            } catch (IllegalArgumentException e) {
                showResult("clerk.specialList.badNumber");
                return null;
            }
        }));
    }

    /** The button that opens ({@code open}) or closes the special-list form; no PIN: it changes nothing yet. */
    private Button specialListToggle(Messages m, String key, String id, boolean open) {
        Button button = new Button(m.get(key));
        button.setId(id);
        button.setWrapText(true);
        button.setMinHeight(Region.USE_PREF_SIZE);
        button.setOnAction(e -> {
            specialListOpen = open;
            resultKey = "";
            render();
            scroll.setVvalue(0);
        });
        return button;
    }

    private Node reasonButtons(Messages m) {
        return choiceButtons(reasons, OverrideReason.values(), OverrideReason::messageKey, m, "clerk-reasons",
                "override-");
    }

    /**
     * One toggle button per value, two to a row, in {@code group} (rebuilt on every render, keeping the selection):
     * the override reasons, the special list's legal reasons. The two of a row are as tall as each other, their
     * text at the left: a one-line reason beside a wrapped one was shorter and centred, the grid ragged.
     */
    private static <E extends Enum<E>> Node choiceButtons(ToggleGroup group, E[] values,
                                                          Function<E, String> messageKey, Messages m, String id,
                                                          String buttonIdPrefix) {
        // Rows of two, each an HBox, its buttons as wide as each other in whole pixels and as tall as the row; 4 px
        // between the rows, so that the tallest (Russian) reasons stay in view at 1024 x 768.
        double each = Math.floor((CONTENT - 8) / 2);
        VBox buttons = new VBox(4);
        buttons.setId(id);
        Object selected = group.getSelectedToggle() == null ? null : group.getSelectedToggle().getUserData();
        group.getToggles().clear();
        HBox row = null;
        for (E value : values) {
            ToggleButton button = new ToggleButton(m.get(messageKey.apply(value)));
            if (row == null || row.getChildren().size() == 2) {
                row = new HBox(8) {
                    // As tall as its tallest reason at the width each is laid out at: at a half pixel more, the
                    // row's own estimate took a three-line Russian reason for two, and the button overflowed it.
                    @Override
                    protected double computePrefHeight(double width) {
                        double tallest = 0;
                        for (Node child : getChildren()) {
                            tallest = Math.max(tallest, child.prefHeight(each));
                        }
                        return snappedTopInset() + tallest + snappedBottomInset();
                    }
                };
                buttons.getChildren().add(row);
            }
            row.getChildren().add(button);
            button.setId(buttonIdPrefix + value.name().toLowerCase(Locale.ROOT));
            button.setUserData(value);
            button.setToggleGroup(group);
            button.setSelected(value == selected);
            button.setWrapText(true);
            button.setPrefWidth(each);
            button.setMaxWidth(each);
            button.setMinHeight(Region.USE_PREF_SIZE);
            button.setMaxHeight(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
        }
        return buttons;
    }

    /**
     * Pause or resume, manual mode on or off: at the bottom, one greyed out when not possible now; none while a case
     * waits for the clerk's decision and the engine accepts neither (the case's reasons and actions take the room).
     */
    private Optional<Node> kioskControls(Messages m, CheckInState state,
                                         Set<Class<? extends CheckInEvent.ClerkEvent>> accepted) {
        Button pauseOrResume = state instanceof CheckInState.Paused
                ? action(m, "clerk.action.resume", "clerk-resume", CheckInEvent.ClerkResumes::new)
                : action(m, "clerk.action.pause", "clerk-pause", CheckInEvent.ClerkPauses::new);
        pauseOrResume.setDisable(!accepted.contains(state instanceof CheckInState.Paused
                ? CheckInEvent.ClerkResumes.class : CheckInEvent.ClerkPauses.class));
        Button fallback = state instanceof CheckInState.Fallback
                ? action(m, "clerk.action.endFallback", "clerk-end-fallback", CheckInEvent.ClerkEndsFallback::new)
                : action(m, "clerk.action.startFallback", "clerk-start-fallback", CheckInEvent.ClerkStartsFallback::new);
        fallback.setDisable(!accepted.contains(state instanceof CheckInState.Fallback
                ? CheckInEvent.ClerkEndsFallback.class : CheckInEvent.ClerkStartsFallback.class));
        if (pauseOrResume.isDisabled() && fallback.isDisabled()) {
            return Optional.empty();
        }
        HBox controls = row(List.of(pauseOrResume, fallback));
        controls.setId("clerk-kiosk-controls");
        // Cut off, manual mode would need the network too: the hint says what to do instead. Which control is greyed
        // follows from the state alone, so the hint comes and goes with a state, never within one: it takes its
        // line only when it says something (decision 0315; the idle console needs the room at 1024 x 768).
        String notNow = state instanceof CheckInState.CutOff ? "clerk.kiosk.notNowCutOff" : "clerk.kiosk.notNow";
        boolean greyed = pauseOrResume.isDisabled() || fallback.isDisabled();
        kioskHint.setText(greyed ? m.get(notNow) : "");
        return Optional.of(greyed ? new VBox(6, controls, kioskHint) : new VBox(6, controls));
    }

    private Node history(Messages m) {
        VBox list = new VBox(6);
        list.setId("clerk-queue");
        if (model.notices().isEmpty()) {
            list.getChildren().add(wrapped(m.get("clerk.queue.empty"), "clerk-queue-empty"));
        }
        int n = 0;
        for (CheckInScreenModel.ClerkNotice notice : model.notices()) {
            Label what = wrapped(m.get(notice.messageKey()), "clerk-notice-" + n);
            what.getStyleClass().add("notice-reason");
            Label next = wrapped(m.get("clerk.nextStep", m.get(notice.nextStepKey())), "clerk-notice-next-" + n);
            VBox entry = new VBox(2, what, next);
            entry.getStyleClass().add("notice");
            list.getChildren().add(entry);
            n++;
        }
        return new VBox(6, section(m.get("clerk.queue"), "clerk-queue-title"), list);
    }

    /**
     * The name as the identity card gives it, surname, given name and patronymic (when the voter has one): two voters
     * may share the first two and a birth date (decision 0465).
     */
    private static String fullName(Voter voter) {
        return voter.patronymic().isBlank() ? voter.surname() + " " + voter.givenName()
                : voter.surname() + " " + voter.givenName() + " " + voter.patronymic();
    }

    private static Optional<Session> identityToConfirm(CheckInState state) {
        if (state instanceof CheckInState.NeedsClerk needs && needs.reason() == ClerkReason.CONFIRM_IDENTITY) {
            return needs.session();
        }
        return Optional.empty();
    }

    /** Touch buttons sharing the console's width equally. */
    private static HBox row(List<? extends ButtonBase> buttons) {
        HBox row = new HBox(8);
        double each = (CONTENT - 8 * (buttons.size() - 1)) / buttons.size();
        for (ButtonBase button : buttons) {
            button.setMaxWidth(Double.MAX_VALUE);
            // As tall as the row: a one-line button beside a wrapped one was shorter, the row ragged.
            button.setMaxHeight(Double.MAX_VALUE);
            button.setPrefWidth(each);
            HBox.setHgrow(button, Priority.ALWAYS);
            row.getChildren().add(button);
        }
        return row;
    }

    private static Label section(String text, String id) {
        Label label = wrapped(text, id);
        label.getStyleClass().add("console-section");
        return label;
    }

    /**
     * The precinct network in one line: machines in reach of the voting members, the leader, and whether this kiosk
     * is with the majority (an alert when it is cut off, or when the precinct refused this kiosk's register version).
     */
    static Label networkLine(Messages m, PrecinctNetworkStatus network) {
        String line = m.get("clerk.network.line", network.reachable(), network.members(),
                network.leader().map(leader -> leader.value()).orElse(m.get("clerk.network.noLeader")));
        String verdict = m.get(network.registerRefused() ? "clerk.network.registerMismatch"
                : network.withMajority() ? "clerk.network.majority" : "clerk.network.cutOff");
        Label label = wrapped(KioskView.sentence(line) + " " + KioskView.sentence(verdict), "clerk-network");
        label.getStyleClass().add(network.withMajority() ? "console-small" : "console-alert");
        return label;
    }

    private static Label alert(String text, String id) {
        Label label = wrapped(text, id);
        label.getStyleClass().add("console-alert");
        return label;
    }

    private static Label wrapped(String text, String id, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(CONTENT);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private Button action(Messages m, String key, String id, Function<ClerkId, CheckInEvent.ClerkEvent> event) {
        Button button = new Button(m.get(key));
        button.setId(id);
        button.setWrapText(true);
        // At least TOUCH high through the stylesheet's padding; taller when the text wraps, never cut.
        button.setMinHeight(Region.USE_PREF_SIZE);
        button.setOnAction(e -> {
            String who = clerkId.getText().trim();
            if (who.isEmpty() || pin.getText().isEmpty()) {
                showResult("clerk.result.needPin");
                return;
            }
            ClerkId clerk;
            try {
                clerk = new ClerkId(who);
            } catch (IllegalArgumentException bad) {
                showResult("clerk.result.badClerkId");
                return;
            }
            CheckInEvent.ClerkEvent clerkEvent = event.apply(clerk);
            if (clerkEvent == null) {
                if (resultKey.isEmpty() || key.equals("clerk.action.override")) {
                    showResult("clerk.result.chooseReason");
                }
                return;
            }
            char[] secret = pin.getText().toCharArray();
            pin.clear();
            CheckInState before = model.stateProperty().get();
            model.submitAsClerk(clerkEvent, secret).thenAccept(after -> {
                if (clerkEvent instanceof CheckInEvent.ClerkEntersPaperMark && !after.equals(before)
                        && after instanceof CheckInState.Paused paused
                        && paused.paperMark().orElse(null) instanceof PaperMarkEntry.Entered) {
                    // Entered: the field is ready for the next IIN on the paper list.
                    iin.clear();
                }
                if (clerkEvent instanceof CheckInEvent.ClerkAddsToSpecialList && !after.equals(before)) {
                    documentNumber.clear();
                }
                showResult(resultOf(before, after));
            });
        });
        return button;
    }

    /** What to tell the clerk: the engine keeps the state on a refused action and marks a wrong PIN. */
    private static String resultOf(CheckInState before, CheckInState after) {
        Optional<String> hint = after instanceof CheckInState.AwaitingCard idle ? idle.hintKey()
                : after instanceof CheckInState.Fallback fallback ? fallback.hintKey() : Optional.empty();
        if (hint.filter(CheckInMachine.CLERK_PIN_REJECTED_KEY::equals).isPresent()) {
            return CheckInMachine.CLERK_PIN_REJECTED_KEY;
        }
        // An override or a special-list entry over its cap is refused by a new case: not done, in red, in its words
        // (it said "Done" in green beside "Override limit reached").
        if (after instanceof CheckInState.NeedsClerk needs && (needs.reason() == ClerkReason.OVERRIDE_CAP_REACHED
                || needs.reason() == ClerkReason.SPECIAL_LIST_CAP_REACHED)) {
            return needs.reason().messageKey();
        }
        // A wrong PIN at the paused kiosk drops the last paper mark's outcome and nothing else (the machine's only
        // way from a mark's outcome to none): it said "Done" in green, and the clerk took the next mark as entered.
        if (before instanceof CheckInState.Paused was && was.paperMark().isPresent()
                && after instanceof CheckInState.Paused paused && paused.paperMark().isEmpty()) {
            return CheckInMachine.CLERK_PIN_REJECTED_KEY;
        }
        // A paper mark refused for the same reason twice leaves the same state: the refusal is still the answer.
        if (after instanceof CheckInState.Paused paused
                && paused.paperMark().orElse(null) instanceof PaperMarkEntry.NotEntered not) {
            return not.messageKey();
        }
        // The IIN typed (an unreadable card, manual mode, a card-less miss) or a special-list entry refused: the
        // refusal in the clerk's words, in red; it said "Done" in green beside "The voter is already checked in".
        if (after instanceof CheckInState.Refused refused && !after.equals(before)) {
            return RefusalWording.clerkHeadingKey(refused.refusal());
        }
        return after.equals(before) ? "clerk.result.notAccepted" : "clerk.result.done";
    }

    private void showResult(String key) {
        resultKey = key;
        render();
    }
}
