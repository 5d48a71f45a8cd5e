package kz.sailau.kiosk.ui;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.ui.touch.KeyboardDock;

/**
 * The controls of the administrator screens, made alike: buttons at least {@link #TOUCH} pixels high whose text
 * wraps rather than being cut, wrapped labels, and message lines styled by {@link AdminMessage.Kind}. Every text
 * follows the language.
 */
public final class AdminControls {

    /** The least height and width of a touch target, in pixels (≈ 15 mm on the kiosk's screen). */
    static final double TOUCH = 64;
    /** The width of the administrator screens' content. */
    static final double CONTENT = 900;
    /** The width of a list to choose a row from ({@link #choiceList}). */
    static final double LIST = 720;

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

    /** A section's title: the key's text, styled {@code section-title}. */
    static Label sectionTitle(LanguageViewModel language, String key, String id) {
        Label title = label(language, key, id);
        title.getStyleClass().add("section-title");
        return title;
    }

    /**
     * Lays out an administrator pane that takes the screen in place of the main one: its id, centred at the top, as
     * wide as the content with its margin, {@code padding} pixels inside its edge.
     */
    static void paneFrame(VBox pane, String id, double padding) {
        pane.setId(id);
        pane.setPadding(new Insets(padding));
        pane.setAlignment(Pos.TOP_CENTER);
        pane.setMaxWidth(CONTENT + 40);
    }

    /**
     * Makes {@code list} a list to choose a row from: {@code rows} touch-high rows tall and {@link #LIST} wide,
     * each row's text made by {@code line}, wrapping, and made again when the language changes.
     */
    static <T> void choiceList(ListView<T> list, int rows, LanguageViewModel language, Function<T, String> line) {
        list.setPrefSize(LIST, rows * TOUCH + 8);
        list.setMaxWidth(LIST);
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setCellFactory(view -> wrappingCell(LIST - 40, line));
        language.messagesProperty().addListener((o, a, b) -> list.refresh());
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
        message.addListener((o, a, b) -> {
            render.run();
            if (b != null) {
                scrollIntoView(label);
            }
        });
        language.messagesProperty().addListener((o, a, b) -> render.run());
        render.run();
        return label;
    }

    /**
     * Brings {@code node} into the view of the screen's scroll pane, as little as needed, when it is shown: what an
     * action has just said (its outcome, the question before it) appears where the tap was, never below the fold of
     * a screen that pans, where a touch user would see nothing happen.
     */
    static void scrollIntoView(Node node) {
        // After the change that showed it has run its course (a node is made visible before it is made managed,
        // and the rest of the screen may change with it): then it has its place to scroll to.
        Platform.runLater(() -> {
            if (node.getScene() == null) {
                return;
            }
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return;
                }
            }
            KeyboardDock.scrollIntoView(node);
        });
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

    /**
     * A hair space (U+200A): whitespace to JavaFX's line breaking, which wraps a plain text only at whitespace, yet
     * about a pixel wide on screen.
     */
    static final char WRAP_POINT = '\u200A';

    /**
     * {@code path} as shown in a wrapping text: a {@link #WRAP_POINT} after each name separator, so that a long path
     * wraps after a "/" (between whole names: "/media/admin/USB/" above "register-v2.srp") and never inside a name.
     * Only for display: the path itself is kept as chosen.
     */
    public static String wrappablePath(Path path) {
        String separators = path.getFileSystem().getSeparator() + "/";
        StringBuilder shown = new StringBuilder();
        for (char c : path.toString().toCharArray()) {
            shown.append(c);
            if (separators.indexOf(c) >= 0) {
                shown.append(WRAP_POINT);
            }
        }
        return shown.toString();
    }

    /** Shows {@code node} only while {@code shown} is true (and takes no room otherwise). */
    static void shownWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
