package kz.sailau.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The Precinct network pane, drawn from {@link PrecinctNetworkViewModel}: whether this machine is with the
 * majority, the members (a tap on a row chooses it), the node certificate chosen from the removable media, "Add a
 * machine", "Remove the chosen machine" and "Replace the chosen machine", each asked first with the machines named
 * ({@link ConfirmationBox}), the message, and back to the administrator screen. Ids start with {@code precinct-}.
 */
public final class PrecinctNetworkPane extends VBox {

    private final LanguageViewModel language;

    /**
     * @param model        the pane's state
     * @param confirmation the administrator screens' confirmation step
     * @param language     the language
     * @param done         back to the administrator screen
     */
    public PrecinctNetworkPane(PrecinctNetworkViewModel model, Confirmation confirmation, LanguageViewModel language,
                               Runnable done) {
        super(14);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(confirmation, "confirmation");
        this.language = Objects.requireNonNull(language, "language");
        Objects.requireNonNull(done, "done");
        AdminControls.paneFrame(this, "precinct-pane", 8);
        Label title = AdminControls.sectionTitle(language, "admin.precinct.title", "precinct-title");
        Label state = AdminControls.wrapped("precinct-state");
        Runnable renderState = () -> state.setText(stateLine(language.messages(), model));
        model.networkProperty().addListener((o, a, b) -> renderState.run());
        model.readProperty().addListener((o, a, b) -> renderState.run());
        language.messagesProperty().addListener((o, a, b) -> renderState.run());
        renderState.run();

        ListView<PrecinctMembership.Member> list = new ListView<>(model.members());
        list.setId("precinct-members");
        AdminControls.choiceList(list, 4, language, this::line);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                model.chosenMemberProperty().set(chosen.name());
            }
        });
        // The list is read again every second: the row of the chosen member stays selected while it is listed.
        Runnable select = () -> {
            String chosen = model.chosenMemberProperty().get();
            PrecinctMembership.Member row = model.members().stream().filter(m -> m.name().equals(chosen))
                    .findFirst().orElse(null);
            if (row == null) {
                list.getSelectionModel().clearSelection();
            } else if (!row.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(row);
            }
        };
        model.chosenMemberProperty().addListener((o, a, b) -> select.run());
        model.members().addListener((ListChangeListener<PrecinctMembership.Member>) c -> select.run());
        AdminControls.shownWhen(list, Bindings.isNotEmpty(model.members()));

        Label certificateLabel = AdminControls.label(language, "admin.precinct.certificate",
                "precinct-certificate-title");
        FileChoiceView certificate = new FileChoiceView(model.certificate(), language, "precinct-certificate",
                "admin.precinct.noCertificate");
        Button add = AdminControls.button(language, "admin.precinct.add", "precinct-add");
        add.setOnAction(e -> model.askAdd());
        Button remove = AdminControls.button(language, "admin.precinct.remove", "precinct-remove");
        remove.getStyleClass().add("danger");
        remove.setOnAction(e -> model.askRemove());
        Button replace = AdminControls.button(language, "admin.precinct.replace", "precinct-replace");
        replace.getStyleClass().add("danger");
        replace.setOnAction(e -> model.askReplace());
        FlowPane actions = AdminControls.flow(add, remove, replace);
        actions.setId("precinct-actions");
        Button back = AdminControls.button(language, "admin.precinct.done", "precinct-done");
        back.getStyleClass().add("secondary");
        back.setOnAction(e -> done.run());
        getChildren().setAll(title, state, list, certificateLabel, certificate, actions,
                new ConfirmationBox(confirmation, Confirmation.Guarded.ADD_NODE, language, model::confirmAdd,
                        model.subjectProperty()),
                new ConfirmationBox(confirmation, Confirmation.Guarded.REMOVE_NODE, language, model::confirmRemove,
                        model.subjectProperty()),
                new ConfirmationBox(confirmation, Confirmation.Guarded.REPLACE_NODE, language, model::confirmReplace,
                        model.subjectProperty()),
                AdminControls.message(language, model.messageProperty(), "precinct-message"), back);
    }

    /** The sentence above the list: not joined yet, with the majority or cut off, and how many are reached. */
    static String stateLine(Messages m, PrecinctNetworkViewModel model) {
        if (model.networkProperty().get().isEmpty()) {
            return m.get(model.readProperty().get() ? "admin.precinct.notRunning" : "admin.precinct.reading");
        }
        PrecinctMembership.Network network = model.networkProperty().get().get();
        long reached = network.members().stream().filter(PrecinctMembership.Member::reachable).count();
        return m.get(network.withMajority() ? "admin.precinct.majority" : "admin.precinct.cutOff", reached,
                network.members().size());
    }

    /** One member's row, e.g. "kiosk-2 — kiosk — reachable — leader". */
    private String line(PrecinctMembership.Member member) {
        Messages m = language.messages();
        List<String> parts = new ArrayList<>();
        parts.add(member.name());
        parts.add(m.get(member.role().map(role -> switch (role) {
            case KIOSK -> "admin.precinct.role.kiosk";
            case CLERK_STATION -> "admin.precinct.role.clerkStation";
            case BALLOT_DESK -> "admin.precinct.role.ballotDesk";
        }).orElse("admin.precinct.role.unknown")));
        parts.add(m.get(member.reachable() ? "admin.precinct.reachable" : "admin.precinct.unreachable"));
        if (member.leader()) {
            parts.add(m.get("admin.precinct.leader"));
        }
        if (member.self()) {
            parts.add(m.get("admin.precinct.self"));
        }
        return String.join(" — ", parts);
    }
}
