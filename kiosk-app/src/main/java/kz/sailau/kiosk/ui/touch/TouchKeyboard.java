package kz.sailau.kiosk.ui.touch;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.text.Text;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The keys: for {@link InputKind#TEXT} the letter layouts (Latin, Kazakh, Russian) and the symbols, shift, space,
 * backspace and enter; for {@link InputKind#LOGIN} Latin letters and digits; for {@link InputKind#DIGITS} a
 * numeric keypad. Every field starts in small letters, shift switches to capitals and back. Above the keys a line echoes what the field holds (dots for a password field), so the text is
 * seen even where the keyboard covers the field. A key types into the target field at its caret; enter fires
 * the field's action (e.g. the passphrase's "Unlock") and then hides the keyboard. No key takes the focus, so the
 * field keeps it. Every key is at least {@link #KEY} pixels square.
 */
public final class TouchKeyboard extends VBox {

    /** The side of a key in pixels: above the 60 px (≈ 15 mm) touch target of the kiosk's screen. */
    public static final double KEY = 64;
    /** The width of a control key (shift, layouts, backspace, enter, hide). */
    static final double CONTROL = 88;
    /** The gap between keys. */
    static final double GAP = 6;
    /** The width of the letter keys' echo line: twelve keys. */
    static final double LETTERS_ECHO = 12 * (KEY + GAP);
    /**
     * The width of the keypad and of its echo line (three digits and a control key): a 12-digit IIN shows whole,
     * and the keypad fits beside the clerk console at 1280 × 800 and 1024 × 768 (decision 0345).
     */
    static final double KEYPAD = 3 * (KEY + GAP) + CONTROL;

    /** Room kept free on the echo line, in pixels, for the rounding of the label's own text layout. */
    private static final double ECHO_SLACK = 4;

    private final Label echo = new Label();
    private final VBox keys = new VBox(GAP);
    private final InvalidationListener echoText = o -> showEcho();
    private TextInputControl target;
    private InputKind kind = InputKind.TEXT;
    private KeyboardLayout layout = KeyboardLayout.LATIN;
    private boolean shifted;
    private Runnable onHide = () -> { };

    /** An empty keyboard; {@link #target} gives it a field. */
    public TouchKeyboard() {
        super(GAP);
        setId("touch-keyboard");
        getStyleClass().add("touch-keyboard");
        setAlignment(Pos.CENTER);
        setFillWidth(false);
        echo.setId("keyboard-echo");
        echo.getStyleClass().add("keyboard-echo");
        echo.setMinHeight(52);
        echo.fontProperty().addListener(o -> showEcho());
        echoWidth(LETTERS_ECHO);
        keys.setAlignment(Pos.CENTER);
        getChildren().addAll(echo, keys);
    }

    /** The id of the key that types {@code c}: {@code key-a}, {@code key-7}, {@code key-u04d9} for "ә". */
    public static String keyId(char c) {
        char lower = Character.toLowerCase(c);
        if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
            return "key-" + lower;
        }
        return String.format(Locale.ROOT, "key-u%04x", (int) lower);
    }

    /** Runs {@code action} when the keyboard asks to be hidden (the hide key, or after enter). */
    void setOnHide(Runnable action) {
        onHide = Objects.requireNonNull(action, "action");
    }

    /** The field typed into, or null. */
    public TextInputControl target() {
        return target;
    }

    /** The kind of keys shown. */
    public InputKind kind() {
        return kind;
    }

    /** Types into {@code field} with the keys of {@code inputKind}. */
    public void target(TextInputControl field, InputKind inputKind) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(inputKind, "inputKind");
        if (target != null) {
            target.textProperty().removeListener(echoText);
        }
        boolean changedKind = inputKind != kind || target == null;
        boolean changedField = field != target;
        target = field;
        kind = inputKind;
        if (changedKind) {
            layout = KeyboardLayout.LATIN;
        }
        if (changedField) {
            // Every field starts in small letters (decision 0315): the demo login "clerk1" and a passphrase are
            // typed as written, and logins are case-insensitive anyway (decision 0042); shift gives capitals.
            shifted = false;
        }
        field.textProperty().addListener(echoText);
        showEcho();
        build();
    }

    /** Forgets the field. */
    void release() {
        if (target != null) {
            target.textProperty().removeListener(echoText);
        }
        target = null;
        echo.setText("");
    }

    private void echoWidth(double width) {
        echo.setPrefWidth(width);
        echo.setMaxWidth(width);
    }

    private void showEcho() {
        String text = target == null || target.getText() == null ? "" : target.getText();
        echo.setText(tailThatFits(target instanceof PasswordField ? "•".repeat(text.length()) : text) + "▏");
    }

    /**
     * The end of {@code shown} that fits the echo line with the caret, after an ellipsis when the start is left out:
     * the last characters typed and the caret stay in view however long the text (a long passphrase's dots were cut
     * at their end, caret and all, in the touch pass of issue 15, decision 0375).
     */
    private String tailThatFits(String shown) {
        // The echo's own font once styled (the font listener shows the echo again when the style sets it).
        Insets insets = echo.getInsets();
        double room = echo.getMaxWidth() - insets.getLeft() - insets.getRight() - ECHO_SLACK;
        Text measure = new Text();
        measure.setFont(echo.getFont());
        String tail = shown;
        for (int from = 0; from < shown.length(); from++) {
            tail = (from == 0 ? "" : "…") + shown.substring(from);
            measure.setText(tail + "▏");
            if (measure.getLayoutBounds().getWidth() <= room) {
                return tail;
            }
        }
        return tail;
    }

    private void build() {
        keys.getChildren().clear();
        echoWidth(kind == InputKind.DIGITS ? KEYPAD : LETTERS_ECHO);
        if (kind == InputKind.DIGITS) {
            keys.getChildren().addAll(row(type('1'), type('2'), type('3'), backspace()),
                    row(type('4'), type('5'), type('6'), clear()),
                    row(type('7'), type('8'), type('9'), enter()),
                    row(spacer(), type('0'), spacer(), hide()));
            return;
        }
        KeyboardLayout shown = kind == InputKind.LOGIN ? KeyboardLayout.LATIN : layout;
        for (String letters : shown.rows()) {
            HBox row = row();
            for (char c : letters.toCharArray()) {
                if (kind == InputKind.LOGIN && !Character.isLetterOrDigit(c)) {
                    continue;
                }
                row.getChildren().add(type(c));
            }
            keys.getChildren().add(row);
        }
        HBox controls = row();
        if (shown.hasLetters()) {
            controls.getChildren().add(control("⇧", "key-shift", () -> {
                shifted = !shifted;
                build();
            }));
        }
        if (kind == InputKind.TEXT) {
            for (KeyboardLayout other : KeyboardLayout.values()) {
                Button choose = control(other.label(), "key-layout-" + other.name().toLowerCase(Locale.ROOT), () -> {
                    layout = other;
                    build();
                });
                if (other == layout) {
                    choose.getStyleClass().add("key-chosen");
                }
                controls.getChildren().add(choose);
            }
            Button space = control("␣", "key-space", () -> insert(" "));
            space.setMinWidth(3 * KEY);
            space.setPrefWidth(3 * KEY);
            controls.getChildren().add(space);
        }
        controls.getChildren().addAll(backspace(), enter(), hide());
        keys.getChildren().add(controls);
    }

    private HBox row(Region... children) {
        HBox row = new HBox(GAP, children);
        row.setAlignment(Pos.CENTER);
        return row;
    }

    private Button type(char c) {
        String text = String.valueOf(shifted ? Character.toUpperCase(c) : c);
        Button key = key(text, keyId(c));
        key.getStyleClass().add("key-character");
        key.setOnAction(e -> insert(text));
        return key;
    }

    private Button backspace() {
        return control("⌫", "key-backspace", () -> {
            if (target != null) {
                if (target.getSelection().getLength() > 0) {
                    target.replaceSelection("");
                } else {
                    target.deletePreviousChar();
                }
            }
        });
    }

    private Button clear() {
        return control("C", "key-clear", () -> {
            if (target != null) {
                target.clear();
            }
        });
    }

    private Button enter() {
        Button enter = control("⏎", "key-enter", () -> {
            TextInputControl field = target;
            onHide.run();
            if (field != null) {
                field.fireEvent(new ActionEvent(field, field));
            }
        });
        enter.getStyleClass().add("key-enter");
        return enter;
    }

    private Button hide() {
        return control("⌨▾", "key-hide", () -> onHide.run());
    }

    private Region spacer() {
        Region spacer = new Region();
        spacer.setMinSize(KEY, KEY);
        spacer.setPrefSize(KEY, KEY);
        return spacer;
    }

    private Button control(String text, String id, Runnable action) {
        Button key = key(text, id);
        key.getStyleClass().add("key-control");
        key.setMinWidth(CONTROL);
        key.setPrefWidth(CONTROL);
        key.setOnAction(e -> action.run());
        return key;
    }

    private void insert(String text) {
        if (target != null && target.isEditable() && !target.isDisabled()) {
            target.replaceSelection(text);
        }
    }

    private static Button key(String text, String id) {
        Button key = new Button(text);
        key.setId(id);
        key.getStyleClass().add("key");
        key.setFocusTraversable(false);
        key.setMinSize(KEY, KEY);
        key.setPrefSize(KEY, KEY);
        key.setMnemonicParsing(false);
        HBox.setHgrow(key, Priority.NEVER);
        return key;
    }
}
