package kz.sailau.kiosk.ui.touch;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.BoundingBox;
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
 * nothing is hidden under the keys ({@link #over} lays the keys over part of the screen instead, and pans the screen
 * up when they would cover the field, holding the field's header in place: decisions 0360, 0400). The keyboard
 * goes when the focus moves to anything that is not a marked field (after the finger that moved it is lifted, so a
 * tapped button does not move under it), on its hide key, and after enter. A field outside any dock (a screen built
 * without one) simply has no on-screen keyboard.
 */
public final class KeyboardDock extends BorderPane {

    private static final String KIND = KeyboardDock.class.getName() + ".kind";
    private static final String TARGET = KeyboardDock.class.getName() + ".target";
    private static final String ACTION = KeyboardDock.class.getName() + ".action";
    private static final String HEADER = KeyboardDock.class.getName() + ".header";
    /** The style class of a header held in place while the screen under it pans ({@link #keepsHeader}). */
    public static final String HELD = "keyboard-held-header";
    /** The room kept between a panned field (or its action) and the keys, in pixels. */
    static final double PAN_GAP = 8;

    private final TouchKeyboard keyboard = new TouchKeyboard();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ChangeListener<Node> focus = (o, before, now) -> follow(now);
    /**
     * The field typed moved on the screen under the keys (its screen changed under it: a card read while the clerk
     * types brings a new case to the console): the screen pans again after that layout, or when the finger is lifted.
     */
    private final InvalidationListener ownerMoved = o -> {
        if (this.pressed) {
            this.panOnRelease = true;
        } else {
            Platform.runLater(this::keepFieldAboveKeys);
        }
    };
    private final DoubleSupplier keepClear;
    private StackPane overlay;
    /** The screen under the keys of an {@link #over} dock: panned up while the keys would cover the field. */
    private Node panned;
    /** The marked field (or combo box) the keys type into. */
    private Node owner;
    /** The header held in place while the screen pans ({@link #keepsHeader}), or null. */
    private Node held;
    /** A finger (or the mouse) is down on the dock: the keys do not go before it is lifted. */
    private boolean pressed;
    /** The focus left the marked fields while a finger was down: the keys go when it is lifted. */
    private boolean hideOnRelease;
    /** The keys came or changed field while a finger was down: the screen pans when it is lifted, not under it. */
    private boolean panOnRelease;

    /** @param content the screen above the keyboard (it shrinks while the keys are shown) */
    public KeyboardDock(Node content) {
        this(content, null);
    }

    /**
     * A dock whose keys lie over the bottom of {@code content}, left of a strip {@code keepClear} pixels wide
     * that stays uncovered (the clerk console beside the voter screen keeps its place and every button); when the
     * keys do not fit left of the strip they take the whole width, and the screen pans up while they would cover
     * the field typed, so that it (and what it {@link #leadsTo}, where both fit) sits just above them (decision 0360).
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
            panned = content;
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
            if (panOnRelease) {
                panOnRelease = false;
                Platform.runLater(this::keepFieldAboveKeys);
            }
        });
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            pressed = true;
            if (e.getTarget() instanceof Node node && !opensAList(node)) {
                marked(node).ifPresent(field -> Platform.runLater(() -> {
                    if (field.isFocused() || field.isFocusWithin()) {
                        show(field);
                    }
                }));
            }
        });
    }

    /**
     * Whether {@code node} is (inside) a combo box's arrow: a tap there opens the combo box's list to choose from, and
     * brings no keys. Keys coming with the list shrank the screen under it, which left the list where the combo box
     * had been (decision 0390).
     */
    private static boolean opensAList(Node node) {
        for (Node n = node; n != null && !(n instanceof ComboBoxBase); n = n.getParent()) {
            if (n.getStyleClass().contains("arrow-button") && n.getParent() instanceof ComboBoxBase) {
                return true;
            }
        }
        return false;
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

    /**
     * Names what typing into {@code field} leads to: the node {@code actionSelector} finds in the dock (e.g. the row
     * of the buttons the field's text is for, rebuilt by its screen at will). While the keys of an {@link #over} dock
     * would cover the field, the screen pans so that the field and, where both fit above the keys, that node are
     * in view; the field alone otherwise.
     *
     * @return the field
     */
    public static <T extends Node> T leadsTo(T field, String actionSelector) {
        field.getProperties().put(ACTION, Objects.requireNonNull(actionSelector, "actionSelector"));
        return field;
    }

    /**
     * Names the header that stays in view while {@code field} is typed: the node {@code headerSelector} finds in the
     * dock (e.g. the clerk console's row with its close button and language, and its alerts). While the keys of an
     * {@link #over} dock would cover the field and the screen pans up, that header is held where it was, drawn over
     * what slides under it, and the field (with what it {@link #leadsTo}, where all fit) is panned to lie between the
     * header and the keys (decision 0400).
     *
     * @return the field
     */
    public static <T extends Node> T keepsHeader(T field, String headerSelector) {
        field.getProperties().put(HEADER, Objects.requireNonNull(headerSelector, "headerSelector"));
        return field;
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
            panned.setTranslateY(0);
            hold(null, 0, 0);
        }
        own(null, false);
        panOnRelease = false;
        showing.set(false);
    }

    /**
     * Follows the focus: to another marked field (the keys follow it), or away from every marked field (the keys
     * go, once the finger that moved the focus is lifted). The keys first come only with a tap, never with a focus
     * a screen gives on its own.
     */
    private void follow(Node focused) {
        Optional<Node> field = focused == null ? Optional.empty() : marked(focused);
        if (field.isPresent() && isAncestorOf(field.get())) {
            hideOnRelease = false;
            if (showing.get()) {
                show(field.get());
            }
        } else if (pressed && showing.get()) {
            hideOnRelease = true;
        } else {
            hide();
        }
    }

    private void show(Node field) {
        TextInputControl target = (TextInputControl) field.getProperties().get(TARGET);
        InputKind kind = (InputKind) field.getProperties().get(KIND);
        if (target == null || kind == null || !isAncestorOf(field)) {
            return;
        }
        if (showing.get() && keyboard.target() == target && keyboard.kind() == kind) {
            return;
        }
        own(field, overlay != null);
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
        scrollIntoView(field);
        if (overlay != null) {
            if (pressed) {
                panOnRelease = true;
            } else {
                keepFieldAboveKeys();
            }
        }
    }

    /** Makes {@code field} the owner of the keys, watching where it lies while {@code watch} (keys over the screen). */
    private void own(Node field, boolean watch) {
        if (owner != null) {
            owner.localToSceneTransformProperty().removeListener(ownerMoved);
        }
        owner = field;
        if (owner != null && watch) {
            owner.localToSceneTransformProperty().addListener(ownerMoved);
            // Read once: an invalidation listener hears of the next change only after the value was read.
            owner.getLocalToSceneTransform();
        }
    }

    /**
     * Keys over the screen ({@link #over}): when they cover the field, pans the screen up as little as puts the field
     * {@link #PAN_GAP} above them, or, where both fit there, the field and the action it {@link #leadsTo}; never more
     * than the keys are tall, so nothing but keys lies below the screen. Keys beside the field leave the screen where
     * it is. The screen keeps its layout: it moves, it does not shrink (the clerk console's fixed header and footer
     * would leave its middle no room, decision 0360). A header the field {@link #keepsHeader keeps} stays where it
     * was, over what pans under it; the field (and its action, where both fit) then lies between it and the keys
     * (decision 0400); what the header's edge would cut across shows under its background instead ({@link
     * HeaderEdge}, decision 0430).
     */
    private void keepFieldAboveKeys() {
        if (overlay == null || !showing.get() || owner == null || owner.getScene() == null) {
            return;
        }
        overlay.applyCss();
        overlay.layout();
        double now = panned.getTranslateY();
        Bounds keys = keyboard.getBoundsInParent();
        Bounds field = inOverlay(owner, now);
        Node header = shownNode(owner.getProperties().get(HEADER));
        double offset = 0;
        double skirt = 0;
        if (keys.getMinX() < field.getMaxX() && field.getMinX() < keys.getMaxX()) {
            // The room above the keys: below the held header, where the field lies under one.
            double ceiling = header == null ? 0 : inOverlay(header, now).getMaxY() - header.getTranslateY();
            double top = field.getMinY();
            double bottom = field.getMaxY();
            Node action = shownNode(owner.getProperties().get(ACTION));
            if (action != null) {
                Bounds both = inOverlay(action, now);
                double unionTop = Math.min(top, both.getMinY());
                double unionBottom = Math.max(bottom, both.getMaxY());
                if (unionBottom - unionTop + 2 * PAN_GAP <= keys.getMinY() - ceiling) {
                    bottom = unionBottom;
                }
            }
            offset = Math.max(0, Math.min(keys.getHeight(), bottom + PAN_GAP - keys.getMinY()));
            if (header != null) {
                // As drawn: a button's background reaches a pixel below its bounds.
                skirt = HeaderEdge.skirt(header, ceiling, offset, top, PAN_GAP, node -> {
                    Bounds b = overlay.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    return new BoundingBox(b.getMinX(), b.getMinY() - now, b.getWidth(), b.getHeight());
                });
            }
        }
        panned.setTranslateY(-offset);
        hold(offset > 0 ? header : null, offset, skirt);
        // Read again, so that the next move of the field is heard.
        owner.getLocalToSceneTransform();
    }

    /** The visible node in this dock that {@code selector} (a field's property) finds, or null. */
    private Node shownNode(Object selector) {
        Node node = selector instanceof String s ? lookup(s) : null;
        return node != null && node.isVisible() && isAncestorOf(node) ? node : null;
    }

    /**
     * Holds {@code header} where it lies unpanned while the screen is panned up by {@code offset}: moved back down
     * by as much, drawn over its siblings that slide under it, styled {@link #HELD}, its background reaching
     * {@code skirt} pixels below it over what its edge would cut (painted only: its layout stays); lets the header held
     * before go.
     */
    private void hold(Node header, double offset, double skirt) {
        if (held != null && held != header) {
            held.setTranslateY(0);
            held.setViewOrder(0);
            held.getStyleClass().remove(HELD);
            held.setStyle("");
        }
        held = header;
        if (header != null) {
            header.setTranslateY(offset);
            header.setViewOrder(-1);
            // Negative background insets paint below the header's bounds without laying anything out anew.
            header.setStyle(skirt > 0 ? String.format(Locale.ROOT, "-fx-background-insets: 0 0 %.1f 0;", -skirt) : "");
            if (!header.getStyleClass().contains(HELD)) {
                header.getStyleClass().add(HELD);
            }
        }
    }

    /** Where {@code node} lies in the overlay with the screen not panned ({@code pannedBy} is the pan now). */
    private Bounds inOverlay(Node node, double pannedBy) {
        Bounds b = overlay.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        return new BoundingBox(b.getMinX(), b.getMinY() - pannedBy, b.getWidth(), b.getHeight());
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
