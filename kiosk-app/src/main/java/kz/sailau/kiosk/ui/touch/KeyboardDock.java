package kz.sailau.kiosk.ui.touch;

import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import java.util.function.DoubleSupplier;

/**
 * A screen with the on-screen keyboard docked below it. A tap on a field marked with {@link #use} shows the
 * keyboard with the keys of its {@link InputKind}; the screen above shrinks and scrolls the field into view, so
 * nothing is hidden under the keys ({@link #over} lays the keys over part of the screen instead). The keyboard goes when the focus moves to
 * anything that is not a marked field (after the finger that moved it is lifted, so a tapped button does not move
 * under it), on its hide key, and after enter. A field outside any dock (a screen built
 * without one) simply has no on-screen keyboard.
 */
public final class KeyboardDock extends BorderPane {

    private static final String KIND = KeyboardDock.class.getName() + ".kind";
    private static final String TARGET = KeyboardDock.class.getName() + ".target";

    private final TouchKeyboard keyboard = new TouchKeyboard();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ChangeListener<Node> focus = (o, before, now) -> follow(now);
    private final DoubleSupplier keepClear;
    private StackPane overlay;
    /** A finger (or the mouse) is down on the dock: the keys do not go before it is lifted. */
    private boolean pressed;
    /** The focus left the marked fields while a finger was down: the keys go when it is lifted. */
    private boolean hideOnRelease;

    /** @param content the screen above the keyboard (it shrinks while the keys are shown) */
    public KeyboardDock(Node content) {
        this(content, null);
    }

    /**
     * A dock whose keys lie over the bottom of {@code content}, left of a strip {@code keepClear} pixels wide
     * that stays uncovered (the clerk console beside the voter screen keeps its place and every button); when the
     * keys do not fit left of the strip they take the whole width.
     *
     * @param content   the screen the keys lie over
     * @param keepClear the width of the strip at the right to leave uncovered, read each time the keys show
     */
    public static KeyboardDock over(Node content, DoubleSupplier keepClear) {
        return new KeyboardDock(content, Objects.requireNonNull(keepClear, "keepClear"));
    }

    private KeyboardDock(Node content, DoubleSupplier keepClear) {
        this.keepClear = keepClear;
        Objects.requireNonNull(content, "content");
        if (keepClear == null) {
            setCenter(content);
        } else {
            overlay = new StackPane(content);
            overlay.setId("keyboard-overlay");
            setCenter(overlay);
        }
        getStyleClass().add("keyboard-dock");
        keyboard.setOnHide(this::hide);
        sceneProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.focusOwnerProperty().removeListener(focus);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(focus);
            }
        });
        // A tap on a marked field that already has the focus (the keyboard was hidden) shows it again.
        // A tap on a button while the keys are shown moves the focus at the press; the keys going at once would
        // grow the screen under the finger, so the button moves and the lifted finger misses it. They go after.
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            pressed = false;
            if (hideOnRelease) {
                hideOnRelease = false;
                Platform.runLater(() -> follow(getScene() == null ? null : getScene().getFocusOwner()));
            }
        });
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            pressed = true;
            if (e.getTarget() instanceof Node node) {
                marked(node).ifPresent(owner -> Platform.runLater(() -> {
                    if (owner.isFocused() || owner.isFocusWithin()) {
                        show(owner);
                    }
                }));
            }
        });
    }

    /**
     * Marks {@code field} as typed by touch with the keys of {@code kind}.
     *
     * @return the field
     */
    public static <T extends TextInputControl> T use(T field, InputKind kind) {
        field.getProperties().put(KIND, Objects.requireNonNull(kind, "kind"));
        field.getProperties().put(TARGET, field);
        return field;
    }

    /**
     * Marks an editable combo box (e.g. a serial port typed or chosen) as typed by touch into its editor.
     *
     * @return the combo box
     */
    public static <T extends ComboBoxBase<?>> T use(T comboBox, TextInputControl editor, InputKind kind) {
        comboBox.getProperties().put(KIND, Objects.requireNonNull(kind, "kind"));
        comboBox.getProperties().put(TARGET, Objects.requireNonNull(editor, "editor"));
        return comboBox;
    }

    /** Whether the keyboard is shown. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** The keyboard. */
    public TouchKeyboard keyboard() {
        return keyboard;
    }

    /** Hides the keyboard (the field keeps its text and the focus). */
    public void hide() {
        if (!showing.get()) {
            return;
        }
        keyboard.release();
        if (overlay == null) {
            setBottom(null);
        } else {
            overlay.getChildren().remove(keyboard);
        }
        showing.set(false);
    }

    /**
     * Follows the focus: to another marked field (the keys follow it), or away from every marked field (the keys
     * go, once the finger that moved the focus is lifted). The keys first come only with a tap, never with a focus
     * a screen gives on its own.
     */
    private void follow(Node focused) {
        Optional<Node> owner = focused == null ? Optional.empty() : marked(focused);
        if (owner.isPresent() && isAncestorOf(owner.get())) {
            hideOnRelease = false;
            if (showing.get()) {
                show(owner.get());
            }
        } else if (pressed && showing.get()) {
            hideOnRelease = true;
        } else {
            hide();
        }
    }

    private void show(Node owner) {
        TextInputControl target = (TextInputControl) owner.getProperties().get(TARGET);
        InputKind kind = (InputKind) owner.getProperties().get(KIND);
        if (target == null || kind == null || !isAncestorOf(owner)) {
            return;
        }
        if (showing.get() && keyboard.target() == target && keyboard.kind() == kind) {
            return;
        }
        keyboard.target(target, kind);
        if (overlay == null) {
            if (getBottom() != keyboard) {
                setBottom(keyboard);
            }
        } else {
            if (!overlay.getChildren().contains(keyboard)) {
                overlay.getChildren().add(keyboard);
            }
            keyboard.applyCss();
            double clear = keepClear.getAsDouble();
            boolean fits = keyboard.prefWidth(-1) <= getWidth() - clear;
            StackPane.setAlignment(keyboard, Pos.BOTTOM_LEFT);
            StackPane.setMargin(keyboard, new Insets(0, fits ? clear : 0, 0, 0));
            keyboard.setMaxSize(Double.MAX_VALUE, Region.USE_PREF_SIZE);
        }
        showing.set(true);
        // Lay the shrunk screen out now, so the field is scrolled into the viewport that is left above the keys.
        applyCss();
        layout();
        scrollIntoView(owner);
    }

    private boolean isAncestorOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    /** The marked field or combo box that {@code node} is or lies in (a tap lands on the field's inner text). */
    private static Optional<Node> marked(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getProperties().containsKey(KIND)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /**
     * Scrolls the nearest scroll pane around {@code node} as little as brings {@code node} inside its viewport (16 px
     * from its edge), styled and laid out first; nothing when it is in view already or has no scroll pane around it.
     */
    public static void scrollIntoView(Node node) {
        ScrollPane scroll = null;
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane) {
                scroll = pane;
                break;
            }
        }
        if (scroll == null || scroll.getContent() == null) {
            return;
        }
        Scene scene = node.getScene();
        if (scene == null) {
            return;
        }
        // Styled and laid out as the next frame shows it: a style class just added can change a height above.
        scroll.applyCss();
        scroll.layout();
        Node content = scroll.getContent();
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        double scrollable = contentHeight - viewport;
        if (scrollable <= 0) {
            return;
        }
        double top = scroll.getVvalue() * scrollable;
        if (inContent.getMinY() < top) {
            scroll.setVvalue(Math.max(0, inContent.getMinY() - 16) / scrollable);
        } else if (inContent.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(scrollable, inContent.getMaxY() + 16 - viewport) / scrollable);
        }
    }
}
