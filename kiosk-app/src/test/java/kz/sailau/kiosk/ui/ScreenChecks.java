package kz.sailau.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import kz.sailau.kiosk.ui.touch.KeyboardDock;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a person sees, checked on a scene (call on the FX thread): every visible text is shown whole (no label,
 * button or cell whose rendered text is cut with an ellipsis or clipped by its bounds), every control lies inside
 * the window (inside a vertical scroll pane, inside its width: the rest is reached by panning), and every touch
 * target (button, field, combo box, list row) is at least {@link #TOUCH} pixels wide and high (≈ 15 mm on the
 * kiosk's screen), an empty field's prompt is drawn whole, and no text or prompt shows a message key raw
 * ({@code !key!}, what {@link Messages#get} gives for a key its bundle lacks). {@link #actionsOutOfView} is stricter for actions:
 * in view without scrolling at all. Each problem is one line naming the node's id, its text and what is wrong.
 * Shared by the screens' UI tests.
 */
public final class ScreenChecks {

    /** A message key shown as {@link Messages#get} shows a missing one: {@code !clerk.next.cutOff!}. */
    private static final Pattern RAW_KEY = Pattern.compile("![a-zA-Z]\\w*(\\.\\w+)+!");
    /** The least touch target side, in pixels. */
    public static final double TOUCH = 60;
    private static final double SLACK = 0.5;
    /** The style class of what must be in view without scrolling in any text size ({@link #keptInViewOutOfView}). */
    static final String IN_VIEW = KioskView.IN_VIEW;

    private ScreenChecks() {
    }

    /**
     * In each language, ending in English: the screen's problems and its {@link #brokenWords}, added to
     * {@code problems} as
     * "{@code name WxH LANGUAGE: problem}", and its screenshot {@code prefix-WxH/name-lang}.
     */
    static void checkEveryLanguage(FxRobot robot, Scene scene, LanguageViewModel language, String prefix, int[] size,
                                   String name, List<String> problems) throws Exception {
        for (Language each : List.of(Language.KAZAKH, Language.RUSSIAN, Language.ENGLISH)) {
            robot.interact(() -> language.choose(each));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> found = WaitForAsyncUtils.asyncFx(() -> problems(scene)).get(10, TimeUnit.SECONDS);
            String where = name + " " + size[0] + "x" + size[1] + " " + each;
            found.forEach(problem -> problems.add(where + ": " + problem));
            WaitForAsyncUtils.asyncFx(() -> brokenWords(scene, scene.getRoot())).get(10, TimeUnit.SECONDS)
                    .forEach(problem -> problems.add(where + ": " + problem));
            WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, prefix + "-" + size[0] + "x" + size[1] + "/" + name
                    + "-" + each.locale().getLanguage())).get(10, TimeUnit.SECONDS);
        }
    }

    /** Everything wrong on {@code scene} (laid out first); empty when a person sees every text whole. */
    public static List<String> problems(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        walk(scene.getRoot(), windowBounds(scene), problems);
        return problems;
    }

    /**
     * The problems of every popup window now showing over {@code scene}'s window (a combo box's list: its rows are
     * touch targets too), each against the popup's own bounds. Call on the FX thread.
     */
    static List<String> popupProblems(Scene scene) {
        List<String> problems = new ArrayList<>();
        for (Window window : Window.getWindows()) {
            if (window instanceof PopupWindow popup && popup.isShowing()
                    && popup.getOwnerWindow() == scene.getWindow() && popup.getScene() != null) {
                problems.addAll(problems(popup.getScene()));
            }
        }
        return problems;
    }

    /** The problems of the nodes under {@code root} only (laid out first), against the whole window. */
    static List<String> problems(Scene scene, Node root) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        walk(root, windowBounds(scene), problems);
        return problems;
    }

    /**
     * Every rule for one screen that may share its scene with something else (the demo's voter panel beside the
     * kiosk): the {@link #problems} of the nodes under {@code screen} against the screen's own bounds (not the whole
     * window), its {@link #brokenWords}, and, when {@code actionsInView}, its {@link #actionsOutOfView} against its
     * bounds too. Call on the FX thread; each problem is one line.
     */
    public static List<String> screenProblems(Scene scene, Node screen, boolean actionsInView) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Bounds area = intersection(windowBounds(scene), screen.localToScene(screen.getLayoutBounds()));
        List<String> problems = new ArrayList<>();
        walk(screen, area, problems);
        collectBrokenWords(screen, problems);
        if (actionsInView) {
            collectOutOfView(screen, area, node -> node instanceof ButtonBase || node instanceof TextInputControl
                    || node instanceof ComboBoxBase, problems);
        }
        return problems;
    }

    /**
     * Saves the scene's screenshot {@code name} and adds the {@link #screenProblems} of {@code screen} to
     * {@code problems}, each as "{@code name: problem}". From a test's thread.
     */
    public static void screenshotAndCheck(Scene scene, Node screen, String name, boolean actionsInView,
                                          List<String> problems) throws Exception {
        Screenshots.saveFromTest(scene, name);
        screenProblemsFromTest(scene, screen, actionsInView).forEach(problem -> problems.add(name + ": " + problem));
    }

    /**
     * Gives {@code root} a new scene of {@code width} × {@code height} on {@code stage}, styled, the stage sized to
     * it (never explicitly: the next test class's scene sizes the shared stage again), and placed at the screen's
     * corner if it had no place yet (a stage first shown with an empty scene has none, and taps need one). Call on
     * the FX thread.
     */
    static Scene resize(Stage stage, Scene scene, Parent root, int width, int height) {
        scene.setRoot(new Group());
        Scene resized = new Scene(root, width, height);
        resized.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(resized);
        stage.sizeToScene();
        if (Double.isNaN(stage.getX())) {
            stage.setX(0);
            stage.setY(0);
        }
        return resized;
    }

    /** {@link #screenProblems} from a test's thread, after the pending FX events. */
    public static List<String> screenProblemsFromTest(Scene scene, Node screen, boolean actionsInView)
            throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> screenProblems(scene, screen, actionsInView)).get(10, TimeUnit.SECONDS);
    }

    /**
     * The controls under {@code root} (laid out first) that a person cannot see without scrolling: each button
     * (and field) must lie wholly inside the window and inside the visible part of every scroll pane around it, at
     * the position the screen opened at. {@link #problems} accepts anything inside a vertical scroll pane, because
     * text may be reached by panning; an action may not: a voter who cannot read small text must not have to
     * discover that the screen scrolls to find "Done" or "Call a commission member".
     */
    static List<String> actionsOutOfView(Scene scene, Node root) {
        return outOfView(scene, root, node -> node instanceof ButtonBase || node instanceof TextInputControl
                || node instanceof ComboBoxBase);
    }

    /**
     * The notices under {@code root} (labels of style class {@code hint}: a try's outcome, what to do differently, a
     * device problem; and a progress bar, the voter's sign that the scanner reads) that a person cannot read without scrolling, as {@link #actionsOutOfView} does for actions. In
     * normal text every notice of a voter screen must be in view as the screen opens: it says why the voter is asked
     * again and what to do.
     */
    static List<String> noticesOutOfView(Scene scene, Node root) {
        return outOfView(scene, root, node -> node instanceof Label && node.getStyleClass().contains("hint")
                || node instanceof ProgressBar);
    }

    /**
     * The nodes under {@code root} of style class {@value #IN_VIEW} (what the voter takes away from a screen: the
     * token's QR code and its typed code) that a person cannot see without scrolling, in any text size: unlike
     * the rest of a screen's text they may not be left to panning even with large text.
     */
    static List<String> keptInViewOutOfView(Scene scene, Node root) {
        return outOfView(scene, root, node -> node.getStyleClass().contains(IN_VIEW));
    }

    /**
     * {@code node} itself (a question just asked, the message an action left) when a person cannot see it whole
     * without panning, where the screen now stands: one line, or none.
     */
    static List<String> notInView(Scene scene, Node node) {
        return outOfView(scene, node, each -> each == node);
    }

    /** {@link #notInView} for the node {@code id}, from a test's thread after the pending FX events. */
    static List<String> notInViewFromTest(Scene scene, String id) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> notInView(scene, scene.lookup(id))).get(10, TimeUnit.SECONDS);
    }

    /**
     * With the on-screen keys shown for the focused field (tapped as a person would), what the keys hide of it: one
     * line when the field's scene bounds intersect the keys' bounds, one when the field is not whole in the window and
     * in the visible part of every scroll pane around it, and likewise for each node {@code uncovered} names (the
     * action the field leads to, where the screen keeps it above the keys), and one when it lies under a header held in
     * place over the panned screen (decision 0400); one line when no keys are shown or no
     * field has the focus. An editable combo box (a device's port) counts as the field. Call on the FX thread.
     */
    static List<String> keysOverField(Scene scene, String... uncovered) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Node keys = scene.lookup("#touch-keyboard");
        Node focused = scene.getFocusOwner();
        // An editable combo box takes the focus itself and passes it on to its editor.
        if (keys == null || !keys.isVisible() || !(focused instanceof TextInputControl
                || focused instanceof ComboBoxBase<?> combo && combo.isEditable())) {
            return List.of("no on-screen keys shown for a focused field (focus on " + (focused == null ? "nothing"
                    : name(focused)) + ")");
        }
        Node field = focused;
        for (Node n = focused.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ComboBoxBase) {
                field = n;
            }
        }
        List<Node> checked = new ArrayList<>(List.of(field));
        for (String id : uncovered) {
            Node node = scene.lookup(id);
            if (node == null || !node.isVisible()) {
                return List.of(id + ": not shown with the keys for " + name(field));
            }
            checked.add(node);
        }
        Bounds keysBounds = keys.localToScene(keys.getLayoutBounds());
        // A header held in place while the screen pans under it (decision 0400) is drawn over what slides there.
        List<Node> held = scene.getRoot().lookupAll("." + KeyboardDock.HELD).stream()
                .filter(Node::isVisible).toList();
        List<String> problems = new ArrayList<>();
        for (Node node : checked) {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            Bounds overlap = intersection(bounds, keysBounds);
            if (overlap.getWidth() > SLACK && overlap.getHeight() > SLACK) {
                problems.add(name(node) + ": under the on-screen keys (" + round(bounds) + " overlaps the keys "
                        + round(keysBounds) + ")");
            }
            for (Node header : held) {
                Bounds headerBounds = heldBounds(header);
                Bounds under = intersection(bounds, headerBounds);
                if (!within(node, header) && under.getWidth() > SLACK && under.getHeight() > SLACK) {
                    problems.add(name(node) + ": under the held header " + name(header) + " (" + round(bounds)
                            + " overlaps " + round(headerBounds) + ")");
                }
            }
            Node each = node;
            collectOutOfView(scene.getRoot(), windowBounds(scene), n -> n == each, problems);
        }
        for (Node header : held) {
            problems.addAll(cutByHeldHeader(scene, header));
        }
        return problems;
    }

    /**
     * What shows cut across by the lower edge of {@code header}, held over the screen panned under it (decision
     * 0430): a button, field or text whose visible part lies partly under the header's background and partly below
     * it (a strip of a button row under the header's shadow), or the top or bottom border line of a box crossing that
     * edge. One line each. Call on the FX thread, laid out.
     */
    static List<String> cutByHeldHeader(Scene scene, Node header) {
        double edge = heldBounds(header).getMaxY();
        List<String> problems = new ArrayList<>();
        // What slides under the header: its siblings (the console's middle and footer), not the voter screen beside.
        for (Node sibling : header.getParent().getChildrenUnmodifiable()) {
            collectCut(sibling, header, edge, windowBounds(scene), problems);
        }
        return problems;
    }

    /**
     * What a held header covers, in the scene: its bounds, down to where its background ends (the dock may paint it
     * below them, with negative insets, over what its edge would cut).
     */
    private static Bounds heldBounds(Node header) {
        Bounds own = header.localToScene(header.getLayoutBounds());
        double below = 0;
        if (header instanceof Region region && region.getBackground() != null) {
            for (BackgroundFill fill : region.getBackground().getFills()) {
                below = Math.max(below, -fill.getInsets().getBottom());
            }
        }
        return new javafx.geometry.BoundingBox(own.getMinX(), own.getMinY(), own.getWidth(), own.getHeight() + below);
    }

    private static void collectCut(Node node, Node header, double edge, Bounds visible, List<String> problems) {
        if (node == header || !node.isVisible() || node.getOpacity() == 0 || node instanceof ScrollBar) {
            return;
        }
        // As drawn: a button's background reaches a pixel below its bounds, a line a tester sees.
        Bounds seen = intersection(node.localToScene(node.getBoundsInLocal()), visible);
        boolean drawn = node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ComboBoxBase
                || node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank();
        if (drawn) {
            if (seen.getHeight() > 0 && seen.getMinY() < edge - SLACK && seen.getMaxY() > edge + SLACK) {
                problems.add(name(node) + ": cut across by the held header's edge at " + Math.round(edge) + " ("
                        + round(seen) + ")");
            }
            return;
        }
        if (node instanceof Region region && !(node instanceof Control)
                && region.getBorder() != null && !region.getBorder().isEmpty() && seen.getHeight() > 0) {
            Bounds own = node.localToScene(node.getLayoutBounds());
            double top = region.getBorder().getInsets().getTop();
            double bottom = region.getBorder().getInsets().getBottom();
            for (double[] band : new double[][] {{own.getMinY(), own.getMinY() + top},
                    {own.getMaxY() - bottom, own.getMaxY()}}) {
                if (band[1] - band[0] > 0 && band[0] >= visible.getMinY() && band[1] <= visible.getMaxY()
                        && band[0] < edge - SLACK && band[1] > edge + SLACK) {
                    problems.add(name(node) + ": its border line cut across by the held header's edge at "
                            + Math.round(edge));
                }
            }
        }
        Bounds inner = visible;
        if (node instanceof ScrollPane scroll) {
            Node port = scroll.lookup(".viewport");
            inner = intersection(visible, (port == null ? scroll : port).localToScene(
                    (port == null ? scroll : port).getLayoutBounds()));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectCut(child, header, edge, inner, problems);
            }
        }
    }

    /**
     * Buttons side by side of unequal height under {@code root}: two visible buttons (or toggle buttons) of one
     * parent that share part of a row but not both its edges (a one-line reason or action beside a wrapped one was
     * shorter, the console's rows ragged). One line per pair. Call on the FX thread, laid out.
     */
    static List<String> raggedRows(Node root) {
        List<ButtonBase> choices = new ArrayList<>();
        collectButtons(root, choices);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            for (int j = i + 1; j < choices.size(); j++) {
                ButtonBase a = choices.get(i);
                ButtonBase b = choices.get(j);
                if (a.getParent() != b.getParent()) {
                    continue;
                }
                Bounds ba = a.localToScene(a.getLayoutBounds());
                Bounds bb = b.localToScene(b.getLayoutBounds());
                boolean sameRow = ba.getMinY() < bb.getMaxY() && bb.getMinY() < ba.getMaxY();
                if (sameRow && (Math.abs(ba.getMinY() - bb.getMinY()) > SLACK
                        || Math.abs(ba.getMaxY() - bb.getMaxY()) > SLACK)) {
                    problems.add(name(a) + " and " + name(b) + ": side by side, unequal (" + round(ba) + ", "
                            + round(bb) + ")");
                }
            }
        }
        return problems;
    }

    private static void collectButtons(Node node, List<ButtonBase> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ButtonBase button) {
            into.add(button);
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectButtons(child, into));
        }
    }

    /** Whether {@code node} is {@code ancestor} or lies in it. */
    private static boolean within(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** {@link #keysOverField} from a test's thread, after the pending FX events. */
    static List<String> keysOverFieldFromTest(Scene scene, String... uncovered) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> keysOverField(scene, uncovered)).get(10, TimeUnit.SECONDS);
    }

    /**
     * The walk's check of one step in each of {@code languages} (then back to the first): the screen's
     * {@link #screenProblems} (with its actions in view when {@code actionsInView}), each added to {@code problems}
     * as "{@code name LANGUAGE: problem}", and its screenshot {@code prefix/name-lang}. From a test's thread.
     */
    static void checkStep(FxRobot robot, Scene scene, LanguageViewModel language, List<Language> languages,
                          String prefix, String name, boolean actionsInView, List<String> problems) throws Exception {
        for (Language each : languages) {
            robot.interact(() -> language.choose(each));
            screenProblemsFromTest(scene, scene.getRoot(), actionsInView)
                    .forEach(problem -> problems.add(name + " " + each + ": " + problem));
            Screenshots.saveFromTest(scene, prefix + "/" + name + "-" + each.locale().getLanguage());
        }
        robot.interact(() -> language.choose(languages.get(0)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The wrapped texts under {@code root} (laid out first) that break a word across two lines because the word is
     * wider than the room the text has ("зарегистрир-ованы", "көмектесе-ді"): a person reads two words that are not
     * there. Each is one line naming the node and the word.
     */
    static List<String> brokenWords(Scene scene, Node root) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        collectBrokenWords(root, problems);
        return problems;
    }

    private static void collectBrokenWords(Node node, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.isWrapText() && labeled.getText() != null) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text rendered && rendered.getWrappingWidth() > 0) {
                    for (String word : labeled.getText().split("[\\s" + AdminControls.WRAP_POINT + "]+")) {
                        Text alone = new Text(word);
                        alone.setFont(rendered.getFont());
                        if (alone.getLayoutBounds().getWidth() > rendered.getWrappingWidth() + SLACK) {
                            problems.add(name(labeled) + ": the word \"" + word + "\" is broken across lines ("
                                    + Math.round(alone.getLayoutBounds().getWidth()) + " px in "
                                    + Math.round(rendered.getWrappingWidth()) + " px)");
                        }
                    }
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectBrokenWords(child, problems);
            }
        }
    }

    private static List<String> outOfView(Scene scene, Node root, Predicate<Node> mustShow) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        collectOutOfView(root, windowBounds(scene), mustShow, problems);
        return problems;
    }

    private static void collectOutOfView(Node node, Bounds visible, Predicate<Node> mustShow, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0 || node instanceof ScrollBar) {
            return;
        }
        if (mustShow.test(node) && !insideSkinOfAnotherControl(node)) {
            Bounds inScene = node.localToScene(node.getLayoutBounds());
            if (inScene.getMinX() < visible.getMinX() - SLACK || inScene.getMaxX() > visible.getMaxX() + SLACK
                    || inScene.getMinY() < visible.getMinY() - SLACK
                    || inScene.getMaxY() > visible.getMaxY() + SLACK) {
                problems.add(name(node) + ": not in view without scrolling (" + round(inScene) + " not within "
                        + round(visible) + ")");
            }
            return;
        }
        Bounds inner = visible;
        if (node instanceof ScrollPane scroll) {
            // The skin's clipped view of the content: what shows at the current scroll position.
            Node port = scroll.lookup(".viewport");
            Bounds shown = (port == null ? scroll : port).localToScene((port == null ? scroll : port).getLayoutBounds());
            inner = intersection(visible, shown);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectOutOfView(child, inner, mustShow, problems);
            }
        }
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return new javafx.geometry.BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    private static Bounds windowBounds(Scene scene) {
        return new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
    }

    private static void walk(Node node, Bounds area, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof ScrollBar) {
            return;
        }
        Bounds inScene = node.localToScene(node.getLayoutBounds());
        boolean control = node instanceof ButtonBase || node instanceof TextInputControl
                || node instanceof ComboBoxBase || node instanceof IndexedCell;
        if (control && !insideSkinOfAnotherControl(node)) {
            checkInside(node, inScene, area, problems);
            checkTouchTarget(node, problems);
            if (node instanceof ComboBoxBase<?> combo && combo.isEditable() && combo.lookup(".arrow-button") != null) {
                // A tap on an editable combo box's field brings the keys: its list opens from the arrow alone.
                checkTouchTarget(combo.lookup(".arrow-button"), problems);
            }
        }
        if (node instanceof TextField field) {
            checkPromptWhole(field, problems);
        }
        if (node instanceof Labeled labeled) {
            checkWhole(labeled, problems);
        }
        String shown = node instanceof Labeled labeled ? labeled.getText()
                : node instanceof TextInputControl input ? input.getPromptText() : null;
        if (shown != null && RAW_KEY.matcher(shown).find()) {
            problems.add(name(node) + ": a message key shown raw");
        }
        Bounds inner = area;
        if (node instanceof ScrollPane scroll && scroll.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER) {
            // Inside a vertical scroll pane: within its width; any height is reached by panning.
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            inner = new javafx.geometry.BoundingBox(viewport.getMinX(), Double.NEGATIVE_INFINITY,
                    viewport.getWidth(), Double.POSITIVE_INFINITY);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, inner, problems);
            }
        }
    }

    /** A list cell, or a control a skin builds inside another control (a combo box's editor), is checked with it. */
    private static boolean insideSkinOfAnotherControl(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ComboBoxBase || n instanceof TextInputControl) {
                return true;
            }
        }
        return node instanceof IndexedCell<?> cell && cell.isEmpty();
    }

    private static void checkInside(Node node, Bounds inScene, Bounds area, List<String> problems) {
        if (inScene.getMinX() < area.getMinX() - SLACK || inScene.getMaxX() > area.getMaxX() + SLACK
                || inScene.getMinY() < area.getMinY() - SLACK || inScene.getMaxY() > area.getMaxY() + SLACK) {
            problems.add(name(node) + ": outside the window (" + round(inScene) + " not within " + round(area) + ")");
        }
    }

    private static void checkTouchTarget(Node node, List<String> problems) {
        Bounds bounds = node.getLayoutBounds();
        if (bounds.getWidth() < TOUCH - SLACK || bounds.getHeight() < TOUCH - SLACK) {
            problems.add(name(node) + ": touch target " + Math.round(bounds.getWidth()) + " × "
                    + Math.round(bounds.getHeight()) + " px, less than " + (int) TOUCH + " px");
        }
    }

    /**
     * An empty field's prompt (what to type: "Badge login (e.g. C01), never a name or IIN") fits inside the field:
     * a field draws its prompt on one line and cuts the rest without an ellipsis.
     */
    private static void checkPromptWhole(TextField field, List<String> problems) {
        String prompt = field.getPromptText();
        if (prompt == null || prompt.isEmpty() || field.getText() != null && !field.getText().isEmpty()) {
            return;
        }
        Text alone = new Text(prompt);
        alone.setFont(field.getFont());
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        if (alone.getLayoutBounds().getWidth() > room + SLACK) {
            problems.add(name(field) + ": prompt cut (" + Math.round(alone.getLayoutBounds().getWidth()) + " px in "
                    + Math.round(room) + " px)");
        }
    }

    /** The rendered text equals the text and lies within the label's bounds. */
    private static void checkWhole(Labeled labeled, List<String> problems) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return;
        }
        Text rendered = null;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                rendered = t;
                break;
            }
        }
        if (rendered == null) {
            if (labeled.getGraphic() == null) {
                problems.add(name(labeled) + ": text not rendered");
            }
            return;
        }
        if (!text.equals(rendered.getText())) {
            problems.add(name(labeled) + ": cut, shows \"" + rendered.getText() + "\"");
            return;
        }
        Bounds textBounds = rendered.getBoundsInParent();
        Bounds own = labeled.getLayoutBounds();
        // A wrapped line's trailing space counts in the text's width though nothing is drawn there.
        double across = labeled.isWrapText() ? spaceWidth(labeled.getFont()) + 1 : 1;
        if (textBounds.getMaxY() > own.getMaxY() + 1 || textBounds.getMinY() < own.getMinY() - 1
                || textBounds.getMaxX() > own.getMaxX() + across || textBounds.getMinX() < own.getMinX() - across) {
            problems.add(name(labeled) + ": clipped, text " + round(textBounds) + " in " + round(own));
        }
    }

    /** The width of a space in {@code font}: about 10 px in the screens' usual type, 20 px in large-text titles. */
    private static double spaceWidth(Font font) {
        Text space = new Text(" ");
        space.setFont(font);
        return space.getLayoutBounds().getWidth();
    }

    private static String name(Node node) {
        String text = node instanceof Labeled l ? " \"" + l.getText() + "\""
                : node instanceof TextInputControl t ? " (" + t.getPromptText() + ")" : "";
        return node.getClass().getSimpleName() + "#" + node.getId() + text;
    }

    private static String round(Bounds b) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f %.0f×%.0f]", b.getMinX(), b.getMinY(),
                b.getWidth(), b.getHeight());
    }
}
