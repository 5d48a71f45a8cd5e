package kz.sailau.kiosk.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import java.nio.file.Path;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A file chosen by touch from a list (the proposed file and what the removable media hold), never typed: rows at
 * least {@link AdminControls#TOUCH} pixels high whose path wraps between names ({@link AdminControls#wrappablePath}),
 * "Look again" after a stick is put in, and a sentence when nothing is found. Ids: {@code PREFIX-list},
 * {@code PREFIX-look-again}, {@code PREFIX-none}.
 */
final class FileChoiceView extends VBox {

    /**
     * @param model    the choice
     * @param language the language
     * @param prefix   the id prefix
     * @param noneKey  the sentence shown when nothing is offered
     */
    FileChoiceView(FileChoiceModel model, LanguageViewModel language, String prefix, String noneKey) {
        super(8);
        Objects.requireNonNull(model, "model");
        setId(prefix + "-choice");
        ListView<Path> list = new ListView<>(model.choices());
        list.setId(prefix + "-list");
        list.setPrefHeight(3 * AdminControls.TOUCH + 8);
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setPrefWidth(640);
        list.setMaxWidth(640);
        list.setCellFactory(view -> AdminControls.wrappingCell(600, AdminControls::wrappablePath));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                model.chosenProperty().set(chosen);
            }
        });
        Runnable select = () -> {
            Path chosen = model.chosenProperty().get();
            if (chosen == null) {
                list.getSelectionModel().clearSelection();
            } else if (!chosen.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(chosen);
            }
        };
        model.chosenProperty().addListener((o, a, b) -> select.run());
        model.choices().addListener((ListChangeListener<Path>) c -> select.run());
        select.run();
        Button lookAgain = AdminControls.button(language, "admin.files.lookAgain", prefix + "-look-again");
        lookAgain.getStyleClass().add("secondary");
        lookAgain.setPrefWidth(240);
        lookAgain.setOnAction(e -> model.lookAgain());
        Label none = AdminControls.label(language, noneKey, prefix + "-none");
        none.setMaxWidth(640);
        AdminControls.shownWhen(none, Bindings.isEmpty(model.choices()));
        HBox row = new HBox(16, list, lookAgain);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, none);
    }
}
