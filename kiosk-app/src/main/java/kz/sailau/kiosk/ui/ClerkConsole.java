package kz.sailau.kiosk.ui;

import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.OverrideReason;
import kz.sailau.kiosk.checkin.Session;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.InvalidIinException;

/**
 * The commission member's console: the exceptions list with reason and next step, the actions of the
 * engine's clerk events (each needs the clerk's id and PIN), and the live counters. The console only sends
 * clerk events; the engine decides whether an action is possible in the current state.
 */
public final class ClerkConsole extends VBox {

    private final CheckInScreenModel model;
    private final LanguageViewModel language;
    private final TextField clerkId = new TextField();
    private final PasswordField pin = new PasswordField();
    private final TextField iin = new TextField();
    private final ToggleGroup reasons = new ToggleGroup();
    private final Label result = new Label();
    private final VBox body = new VBox(10);
    private String resultKey = "";

    /**
     * @param model the check-in view model
     */
    public ClerkConsole(CheckInScreenModel model) {
        super(12);
        this.model = model;
        this.language = model.language();
        setId("clerk-console");
        getStyleClass().add("clerk-console");
        setPadding(new Insets(16));
        setPrefWidth(520);
        setMinWidth(520);
        clerkId.setId("clerk-id");
        clerkId.setText("clerk1");
        pin.setId("clerk-pin");
        iin.setId("clerk-iin");
        result.setId("clerk-result");
        result.setWrapText(true);
        result.setMaxWidth(480);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().add(body);
        model.stateProperty().addListener((o, a, b) -> render());
        model.countersProperty().addListener((o, a, b) -> render());
        model.printerProblemProperty().addListener((o, a, b) -> render());
        model.clerkCalledProperty().addListener((o, a, b) -> render());
        model.notices().addListener((javafx.collections.ListChangeListener<CheckInScreenModel.ClerkNotice>) c -> render());
        language.messagesProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        Messages m = language.messages();
        CheckInState state = model.stateProperty().get();
        clerkId.setPromptText(m.get("clerk.id"));
        pin.setPromptText(m.get("clerk.pin"));
        iin.setPromptText(m.get("clerk.iin"));
        result.setText(resultKey.isEmpty() ? "" : m.get(resultKey));

        Label heading = new Label(m.get("clerk.console.title"));
        heading.getStyleClass().add("console-title");
        Counters c = model.countersProperty().get();
        Label counters = new Label(m.get("clerk.counters", c.checkIns(), c.overrides(), c.cardless(), c.fallback(),
                c.voidedTokens()));
        counters.setId("clerk-counters");
        counters.setWrapText(true);
        counters.setMaxWidth(480);
        counters.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Label current = new Label(currentText(m, state));
        current.setId("clerk-current");
        current.setWrapText(true);
        current.setMaxWidth(480);
        current.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        current.getStyleClass().add("console-current");

        body.getChildren().setAll(heading, counters, current);
        if (model.clerkCalledProperty().get()) {
            Label called = new Label(m.get("clerk.voterCalls"));
            called.setId("clerk-voter-calls");
            called.getStyleClass().add("console-alert");
            called.setWrapText(true);
            called.setMaxWidth(480);
            called.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            body.getChildren().add(called);
        }
        model.printerProblemProperty().get().ifPresent(key -> {
            Label alert = new Label(m.get(key) + " — " + m.get("clerk.next.voidAndReprint"));
            alert.setId("clerk-printer-alert");
            alert.setWrapText(true);
            alert.setMaxWidth(480);
            alert.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            alert.getStyleClass().add("console-alert");
            body.getChildren().add(alert);
        });
        identityToConfirm(state).ifPresent(session -> {
            Label who = new Label(m.get("clerk.confirm.who", session.voter().voter().surname() + " "
                    + session.voter().voter().givenName(), session.voter().voter().birthDate().toString()));
            who.setId("clerk-confirm-who");
            who.setWrapText(true);
            who.setMaxWidth(480);
            who.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            body.getChildren().add(who);
        });

        body.getChildren().add(new HBox(8, clerkId, pin));

        FlowPane reasonButtons = new FlowPane(8, 8);
        OverrideReason selected = reasons.getSelectedToggle() == null ? null
                : (OverrideReason) reasons.getSelectedToggle().getUserData();
        reasons.getToggles().clear();
        for (OverrideReason reason : OverrideReason.values()) {
            ToggleButton button = new ToggleButton(m.get(reason.messageKey()));
            button.setId("override-" + reason.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(reason);
            button.setToggleGroup(reasons);
            button.setSelected(reason == selected);
            button.setMinHeight(56);
            button.setWrapText(true);
            button.setMaxWidth(240);
            reasonButtons.getChildren().add(button);
        }
        body.getChildren().add(new Label(m.get("clerk.override.reason")));
        body.getChildren().add(reasonButtons);

        FlowPane actions = new FlowPane(8, 8);
        actions.getChildren().addAll(
                action(m, "clerk.action.override", "clerk-override", id -> {
                    if (reasons.getSelectedToggle() == null) {
                        return null;
                    }
                    return new CheckInEvent.ClerkOverride(id, (OverrideReason) reasons.getSelectedToggle().getUserData());
                }),
                action(m, "clerk.action.retry", "clerk-retry", CheckInEvent.ClerkAllowsRetry::new),
                action(m, "clerk.action.confirmIdentity", "clerk-confirm", CheckInEvent.ClerkConfirmedIdentity::new),
                action(m, "clerk.action.voidToken", "clerk-void", CheckInEvent.ClerkVoidsToken::new),
                action(m, "clerk.action.cancel", "clerk-cancel", CheckInEvent.ClerkCancels::new),
                action(m, "clerk.action.pause", "clerk-pause", CheckInEvent.ClerkPauses::new),
                action(m, "clerk.action.resume", "clerk-resume", CheckInEvent.ClerkResumes::new),
                action(m, "clerk.action.startFallback", "clerk-start-fallback", CheckInEvent.ClerkStartsFallback::new),
                action(m, "clerk.action.endFallback", "clerk-end-fallback", CheckInEvent.ClerkEndsFallback::new));
        body.getChildren().add(actions);
        HBox iinRow = new HBox(8, iin, action(m, "clerk.action.enterIin", "clerk-enter-iin", id -> {
            try {
                return new CheckInEvent.ClerkEnteredIin(id, new Iin(iin.getText().trim()));
            } catch (InvalidIinException e) {
                showResult(e.reason().messageKey());
                return null;
            }
        }));
        body.getChildren().add(iinRow);
        body.getChildren().add(result);

        Label queueTitle = new Label(m.get("clerk.queue"));
        ListView<CheckInScreenModel.ClerkNotice> queue = new ListView<>(model.notices());
        queue.setId("clerk-queue");
        queue.setPrefHeight(180);
        queue.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CheckInScreenModel.ClerkNotice notice, boolean empty) {
                super.updateItem(notice, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || notice == null ? null
                        : m.get(notice.messageKey()) + " → " + m.get(notice.nextStepKey()));
            }
        });
        body.getChildren().addAll(queueTitle, queue);
    }

    private static String currentText(Messages m, CheckInState state) {
        if (state instanceof CheckInState.NeedsClerk needs) {
            return m.get(needs.reason().messageKey()) + " → " + m.get(needs.reason().nextStepKey());
        } else if (state instanceof CheckInState.Refused refused) {
            return m.get(refused.refusal().messageKey()) + " → " + m.get(refused.refusal().nextStepKey());
        }
        return m.get("clerk.nothingPending");
    }

    private static Optional<Session> identityToConfirm(CheckInState state) {
        if (state instanceof CheckInState.NeedsClerk needs && needs.reason() == ClerkReason.CONFIRM_IDENTITY) {
            return needs.session();
        }
        return Optional.empty();
    }

    private Button action(Messages m, String key, String id, Function<ClerkId, CheckInEvent.ClerkEvent> event) {
        Button button = new Button(m.get(key));
        button.setId(id);
        button.setMinHeight(56);
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
            model.submitAsClerk(clerkEvent, secret).thenAccept(after -> showResult(resultOf(before, after)));
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
        return after.equals(before) ? "clerk.result.notAccepted" : "clerk.result.done";
    }

    private void showResult(String key) {
        resultKey = key;
        result.setText(language.messages().get(key));
    }
}
