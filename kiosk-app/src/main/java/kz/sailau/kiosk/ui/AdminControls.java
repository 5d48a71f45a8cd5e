package kz.sailau.kiosk.ui;

import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The controls of the administrator screens, made alike: buttons at least {@link #TOUCH} pixels high whose text
 * wraps rather than being cut, wrapped labels, and message lines styled by {@link AdminMessage.Kind}. Every text
 * follows the language.
 */
final class AdminControls {

    /** The least height and width of a touch target, in pixels (≈ 15 mm on the kiosk's screen). */
    static final double TOUCH = 64;
    /** The width of the administrator screens' content. */
    static final double CONTENT = 900;

    private AdminControls() {
    }

    /** A button whose text is the key's in the current language. */
    static Button button(LanguageViewModel language, String key, String id) {
        Button button = new Button();
        button.setId(id);
        button.setWrapText(true);
        button.setMinHeight(TOUCH);
        button.setMinWidth(TOUCH);
        button.setPrefWidth(280);
        button.setMaxWidth(Region.USE_PREF_SIZE);
        button.setMinHeight(Region.USE_PREF_SIZE);
        button.textProperty().bind(language.messagesProperty().map(m -> m.get(key)));
        return button;
    }

    /** A wrapped label whose text is made from the current language's messages. */
    static Label label(LanguageViewModel language, Function<Messages, String> text, String id) {
        Label label = wrapped(id);
        label.textProperty().bind(language.messagesProperty().map(text));
        return label;
    }

    /** A wrapped label with the key's text. */
    static Label label(LanguageViewModel language, String key, String id) {
        return label(language, m -> m.get(key), id);
    }

    /** An empty wrapped label. */
    static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(CONTENT);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * A message line: the message's text in the current language, styled by its kind, hidden while there is no
     * message.
     */
    static Label message(LanguageViewModel language, ObservableValue<AdminMessage> message, String id) {
        Label label = wrapped(id);
        label.getStyleClass().add("admin-message");
        Runnable render = () -> {
            AdminMessage now = message.getValue();
            label.setText(now == null ? "" : now.text(language.messages()));
            for (AdminMessage.Kind kind : AdminMessage.Kind.values()) {
                label.getStyleClass().remove(kind.styleClass());
            }
            if (now != null) {
                label.getStyleClass().add(now.kind().styleClass());
            }
            label.setVisible(now != null);
            label.setManaged(now != null);
        };
        message.addListener((o, a, b) -> render.run());
        language.messagesProperty().addListener((o, a, b) -> render.run());
        render.run();
        return label;
    }

    /** Buttons in a row that wraps onto the next line when the screen is narrow, centred. */
    static FlowPane flow(Node... children) {
        FlowPane row = new FlowPane(16, 12, children);
        row.setAlignment(Pos.CENTER);
        // Buttons of one row start at the same height when one of them wraps to more lines.
        row.setRowValignment(VPos.TOP);
        row.setPrefWrapLength(CONTENT);
        return row;
    }

    /** A list cell at least {@link #TOUCH} high whose text wraps within {@code width}. */
    static <T> ListCell<T> wrappingCell(double width, Function<T, String> text) {
        return new ListCell<>() {
            {
                setWrapText(true);
                setMinHeight(TOUCH);
                setPrefWidth(width);
                setMaxWidth(width);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** Shows {@code node} only while {@code shown} is true (and takes no room otherwise). */
    static void shownWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
