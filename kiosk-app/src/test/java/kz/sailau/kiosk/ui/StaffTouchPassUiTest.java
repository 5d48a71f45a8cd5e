package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import kz.sailau.fingerprint.Capture;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.ui.touch.TouchKeyboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.MouseRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seeded touch pass as a commission member and an administrator (issue 15, decision 0390): for each seed, at
 * 1280 × 800 or 1024 × 768 and in Kazakh, Russian or English, the walk brings cases to the kiosk (a finger not
 * recognised, a finger of another voter, a card of another precinct, a voter checked in already, an unreadable card,
 * the paper out, a call), and the staff act on them by touch alone: a tap on a button or field of the clerk console,
 * the on-screen keys or the administrator screens (panned to it first, as a finger does), the login, PIN, IIN and
 * passphrase typed on the keys. After each step: no exception, {@link ScreenChecks} clean, no missing string
 * ({@code !key!}) on screen, a tapped field has the keys up and clear of it, the day closed at most once, never more
 * valid tokens than check-ins. Every few steps the clerk ends whatever case waits, by touch, and the kiosk must take
 * the next card.
 */
@ExtendWith(ApplicationExtension.class)
class StaffTouchPassUiTest {

    /** The seeds; walk {@code i} runs at size {@code i % 2} in language {@code i % 3}. */
    static final long[] SEEDS = {46, 390, 391};
    static final int STEPS = 24;
    /** Every this many steps the clerk ends what waits, by touch, and the kiosk must be back on the welcome screen. */
    static final int CHECKPOINT = 8;
    static final int FRESH_VOTERS = 28;
    private static final Pattern MISSING_STRING = Pattern.compile("![a-zA-Z0-9_.]+!");

    @TempDir
    static Path media;

    private Stage stage;
    private Scene scene;
    private UiFixtures fixtures;
    private FakeAdministration administration;
    private CheckInScreenModel model;
    private KioskScreens screens;
    private int nextFresh;
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> visited = new TreeMap<>();
    private final Map<String, Integer> tapped = new TreeMap<>();
    private int steps;

    @Start
    void start(Stage window) {
        stage = window;
        window.setScene(scene = new Scene(new Group()));
        window.show();
    }

    @Test
    void aClerkAndAnAdministratorFindNothingBrokenByTouch(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        Runnable restore = ScreenStates.collectFxErrors(robot, fxErrors);
        try {
            for (int i = 0; i < SEEDS.length; i++) {
                int[] size = ElectionDayScreens.SIZES[i % 2];
                Language language = Language.values()[i % 3];
                problems.addAll(walk(robot, SEEDS[i], size, language));
            }
        } finally {
            close();
            restore.run();
        }
        System.out.println("staff touch pass: " + steps + " steps; states after a step: " + visited
                + "; taps: " + tapped);
        assertEquals(List.of(), problems);
        for (String state : List.of("NeedsClerk", "AwaitingCard")) {
            assertTrue(visited.keySet().stream().anyMatch(s -> s.startsWith(state)),
                    () -> "the walks never reached " + state + ": " + visited);
        }
        assertTrue(tapped.getOrDefault("admin", 0) > 0 && tapped.getOrDefault("console", 0) > 0,
                () -> "the walks tapped the console and the administrator screens: " + tapped);
    }

    private List<String> walk(FxRobot robot, long seed, int[] size, Language language) throws Exception {
        close();
        open(robot, size, language);
        Random random = new Random(seed);
        Set<String> found = new LinkedHashSet<>();
        for (int step = 1; step <= STEPS && found.size() <= 20; step++) {
            String where = "seed " + seed + " " + size[0] + "x" + size[1] + " " + language + " step " + step + ": ";
            List<String> stepProblems = new ArrayList<>();
            String did;
            try {
                did = step(robot, random, stepProblems);
            } catch (AssertionError | TimeoutException e) {
                found.add(where + e.getMessage());
                break;
            }
            settle();
            stepProblems.addAll(WaitForAsyncUtils.asyncFx(this::invariants).get(30, TimeUnit.SECONDS));
            stepProblems.forEach(p -> found.add(where + did + ": " + p));
            CheckInState state = model.stateProperty().get();
            visited.merge(state.getClass().getSimpleName() + (state instanceof CheckInState.NeedsClerk n
                    ? "(" + n.reason() + ")" : ""), 1, Integer::sum);
            steps++;
            if (step % CHECKPOINT == 0) {
                String stuck = clerkEndsTheCaseByTouch(robot);
                if (stuck != null) {
                    found.add(where + "the clerk, by touch: " + stuck);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** One step: a staff member's tap or typing, or a case coming to the kiosk. */
    private String step(FxRobot robot, Random random, List<String> problems) throws Exception {
        int dice = random.nextInt(100);
        if (dice < 40) {
            List<Node> targets = WaitForAsyncUtils.asyncFx(this::staffTargets).get(10, TimeUnit.SECONDS);
            if (!targets.isEmpty()) {
                Node target = targets.get(random.nextInt(targets.size()));
                int times = random.nextInt(8) == 0 ? 2 : 1;
                return tapTarget(robot, target, times, random, problems);
            }
        }
        if (dice < 54) {
            return signInAndAct(robot, random, problems);
        }
        if (dice < 72) {
            return administrator(robot, random, problems);
        }
        int what = random.nextInt(9);
        switch (what) {
            case 0 -> {
                int voter = fresh();
                model.submitCard(fixtures.mrz(voter)).get(5, TimeUnit.SECONDS);
                awaitFinger();
                for (int i = 0; i < fixtures.policy.maxCaptures(); i++) {
                    finger(UiFixtures.capture(voter, 10, ImageQuality.GOOD));
                }
                return "finger not recognised for voter " + voter;
            }
            case 1 -> {
                int voter = fresh();
                model.submitCard(fixtures.mrz(voter)).get(5, TimeUnit.SECONDS);
                awaitFinger();
                finger(UiFixtures.goodCapture(1 + random.nextInt(4)));
                return "card of voter " + voter + ", another voter's finger";
            }
            case 2 -> {
                model.submitCard(fixtures.mrz(5)).get(5, TimeUnit.SECONDS);
                return "card of another precinct";
            }
            case 3 -> {
                int voter = 1 + random.nextInt(4);
                model.submitCard(fixtures.mrz(voter)).get(5, TimeUnit.SECONDS);
                finger(UiFixtures.goodCapture(voter));
                return "card of voter " + voter + " and the finger (checked in already, or now)";
            }
            case 4 -> {
                String mrz = fixtures.mrz(fresh());
                model.submitCard(mrz.substring(0, 40) + "X" + mrz.substring(41)).get(5, TimeUnit.SECONDS);
                return "an unreadable card";
            }
            case 5 -> {
                fixtures.printer.paperOut = !fixtures.printer.paperOut;
                return fixtures.printer.paperOut ? "paper out" : "paper back";
            }
            case 6 -> {
                model.callClerk().get(5, TimeUnit.SECONDS);
                return "a voter calls";
            }
            default -> {
                int seconds = 1 + random.nextInt(40);
                fixtures.clock.advance(Duration.ofSeconds(seconds));
                model.tick().get(5, TimeUnit.SECONDS);
                return "clock +" + seconds + " s";
            }
        }
    }

    private int fresh() {
        return nextFresh < 6 + FRESH_VOTERS ? nextFresh++ : 1;
    }

    private void awaitFinger() throws Exception {
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS,
                    () -> !(model.stateProperty().get() instanceof CheckInState.CheckingEligibility));
        } catch (TimeoutException e) {
            throw new AssertionError("the eligibility check did not end");
        }
    }

    /** A finger on the sensor while the kiosk waits for one; left over, it is taken away. */
    private void finger(Capture capture) throws Exception {
        if (!(model.stateProperty().get() instanceof CheckInState.AwaitingFinger)) {
            return;
        }
        fixtures.scanner.fingers.add(capture);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> fixtures.scanner.fingers.isEmpty()
                || !(model.stateProperty().get() instanceof CheckInState.AwaitingFinger));
        fixtures.scanner.fingers.clear();
        settle();
    }

    /**
     * The clerk's usual round: opens the console if it is closed, types the login and the PIN (one time in five a
     * wrong PIN), and taps one of the case's actions or the kiosk controls, once or twice.
     */
    private String signInAndAct(FxRobot robot, Random random, List<String> problems) throws Exception {
        if (!showing("#clerk-console")) {
            if (showing("#admin-back") || showing("#admin-back-locked")) {
                tapById(robot, showing("#admin-back") ? "#admin-back" : "#admin-back-locked");
            }
            if (!showing("#clerk-console")) {
                tapById(robot, "#open-clerk-console");
            }
            if (!showing("#clerk-console")) {
                return "the console did not open";
            }
        }
        // The console keeps the login between actions; the PIN goes with each.
        if (!UiFixtures.CLERK.value().equals(text("#clerk-id"))) {
            typeByTouch(robot, "#clerk-id", UiFixtures.CLERK.value(), problems);
        }
        boolean wrong = random.nextInt(5) == 0;
        typeByTouch(robot, "#clerk-pin", wrong ? "9999" : UiFixtures.PIN, problems);
        List<Node> actions = WaitForAsyncUtils.asyncFx(() -> {
            List<Node> all = new ArrayList<>();
            for (String id : List.of("#clerk-actions", "#clerk-kiosk-controls", "#clerk-case")) {
                Node row = scene.lookup(id);
                if (row != null && row.isVisible()) {
                    collect(row, all, true);
                }
            }
            return all;
        }).get(10, TimeUnit.SECONDS);
        if (actions.isEmpty()) {
            return "signed in" + (wrong ? " (wrong PIN)" : "") + ", nothing to do";
        }
        Node action = actions.get(random.nextInt(actions.size()));
        return "signed in" + (wrong ? " (wrong PIN)" : "") + ", "
                + tapTarget(robot, action, random.nextInt(4) == 0 ? 2 : 1, random, problems);
    }

    /** The administrator: opens the screens and unlocks them by touch (one time in five a wrong passphrase). */
    private String administrator(FxRobot robot, Random random, List<String> problems) throws Exception {
        if (!showing("#administrator-view")) {
            if (showing("#clerk-console")) {
                tapById(robot, "#clerk-console-close");
            }
            tapById(robot, "#open-administrator");
        }
        if (showing("#admin-passphrase")) {
            boolean wrong = random.nextInt(5) == 0;
            typeByTouch(robot, "#admin-passphrase", wrong ? "wrong" : FakeAdministration.PASSPHRASE, problems);
            return "administrator unlocks" + (wrong ? " (wrong passphrase)" : "");
        }
        if (showing("#confirm-wipe-passphrase")) {
            typeByTouch(robot, "#confirm-wipe-passphrase", FakeAdministration.PASSPHRASE, problems);
            return "administrator types the passphrase to wipe";
        }
        // Unlocked: a tap on any button or field of the administrator screens, panned to it.
        List<Node> targets = WaitForAsyncUtils.asyncFx(() -> {
            List<Node> all = new ArrayList<>();
            Node admin = scene.lookup("#administrator-screen");
            if (admin != null && admin.getScene() != null) {
                collect(admin, all, false);
            }
            return all;
        }).get(10, TimeUnit.SECONDS);
        if (targets.isEmpty()) {
            return "administrator screens, nothing to tap";
        }
        return "administrator: " + tapTarget(robot, targets.get(random.nextInt(targets.size())),
                random.nextInt(6) == 0 ? 2 : 1, random, problems);
    }

    /** Taps {@code target} (panned into view first when it is on the administrator screens) {@code times}. */
    private String tapTarget(FxRobot robot, Node target, int times, Random random, List<String> problems)
            throws Exception {
        String name = name(target);
        tapped.merge(isUnder(target, "#administrator-screen") ? "admin" : isUnder(target, "#clerk-console") ? "console"
                : isUnder(target, "#touch-keyboard") ? "keys" : "other", 1, Integer::sum);
        Point2D at = WaitForAsyncUtils.asyncFx(() -> {
            AdminTouch.reveal(target);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Bounds screen = target.localToScreen(target.getLayoutBounds());
            return screen == null ? null : new Point2D(screen.getCenterX(), screen.getCenterY());
        }).get(10, TimeUnit.SECONDS);
        if (at == null) {
            return "tap " + name + " (gone before the tap)";
        }
        MouseRobot mouse = robot.robotContext().getMouseRobot();
        mouse.moveNoWait(at);
        for (int n = 0; n < times; n++) {
            mouse.pressNoWait(MouseButton.PRIMARY);
            mouse.releaseNoWait(MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
        if (target instanceof TextInputControl field && field.isEditable()) {
            // The keys come for a field tapped, and lie clear of it; the staff type something plausible.
            WaitForAsyncUtils.waitForFxEvents();
            List<String> covered = WaitForAsyncUtils.asyncFx(() -> field.isFocused()
                    ? ScreenChecks.keysOverField(scene) : List.<String>of()).get(10, TimeUnit.SECONDS);
            covered.forEach(p -> problems.add(name + " tapped: " + p));
            if (field.isFocused() && covered.isEmpty()) {
                typeKeys(robot, textFor(field, random));
                return "tap " + name + " and type";
            }
        }
        return "tap " + name + (times > 1 ? " ×" + times : "");
    }

    /** What a staff member types into {@code field}. */
    private String textFor(TextInputControl field, Random random) {
        String id = field.getId() == null ? "" : field.getId();
        if (id.contains("iin")) {
            return fixtures.voters.get(random.nextInt(fixtures.voters.size())).voter().iin().digits();
        }
        if (id.contains("pin")) {
            return UiFixtures.PIN;
        }
        if (field instanceof PasswordField) {
            return FakeAdministration.PASSPHRASE;
        }
        if (id.equals("clerk-id") || id.contains("login")) {
            return random.nextBoolean() ? UiFixtures.CLERK.value() : "c0" + random.nextInt(9);
        }
        return "ab-" + random.nextInt(1000);
    }

    /** Taps {@code id} (panned into view) and types {@code text} on the keys, checked clear of it, then enter. */
    private void typeByTouch(FxRobot robot, String id, String text, List<String> problems) throws Exception {
        if (!showing(id)) {
            return;
        }
        Node field = scene.lookup(id);
        if (field.isDisabled()) {
            return;
        }
        robot.interact(() -> AdminTouch.reveal(field));
        TouchTaps.tap(robot, id);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::keysShown);
        } catch (TimeoutException e) {
            problems.add(id + " tapped: no on-screen keys came");
            return;
        }
        ScreenChecks.keysOverFieldFromTest(scene).forEach(p -> problems.add(id + " typed: " + p));
        robot.interact(() -> ((TextInputControl) field).clear());
        typeKeys(robot, text);
    }

    private void typeKeys(FxRobot robot, String text) throws Exception {
        for (char c : text.toCharArray()) {
            boolean capital = Character.isUpperCase(c);
            if (capital) {
                key(robot, "#key-shift");
            }
            key(robot, c == ' ' ? "#key-space" : "#" + TouchKeyboard.keyId(c));
            if (capital) {
                key(robot, "#key-shift");
            }
        }
        key(robot, "#key-enter");
        settle();
    }

    /**
     * A tap on the key {@code id} through the real scene, as {@link TouchTaps#tap} but waiting for the FX thread
     * only twice (the press and release, then what they queued): a key changes nothing else on the screen.
     */
    private void key(FxRobot robot, String id) throws Exception {
        Point2D at = WaitForAsyncUtils.asyncFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Node key = scene.lookup(id);
            if (key == null || !key.isVisible() || key.getScene() == null) {
                return null;
            }
            Bounds b = key.localToScreen(key.getLayoutBounds());
            return new Point2D(b.getCenterX(), b.getCenterY());
        }).get(10, TimeUnit.SECONDS);
        if (at == null) {
            throw new AssertionError("no key " + id + " on the on-screen keys");
        }
        MouseRobot mouse = robot.robotContext().getMouseRobot();
        mouse.moveNoWait(at);
        mouse.pressNoWait(MouseButton.PRIMARY);
        mouse.releaseNoWait(MouseButton.PRIMARY);
        for (int i = 0; i < 2; i++) {
            WaitForAsyncUtils.asyncFx(() -> { }).get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * By touch alone, the clerk ends whatever waits (back from the administrator screens, the console opened, login
     * and PIN typed, Cancel, Resume or End manual mode tapped), then the clock runs past the timeouts: the kiosk
     * must be back on the welcome screen. Returns what it shows instead, or null.
     */
    private String clerkEndsTheCaseByTouch(FxRobot robot) throws Exception {
        fixtures.printer.paperOut = false;
        List<String> problems = new ArrayList<>();
        List<String> trace = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            fixtures.clock.advance(fixtures.policy.idleTimeout().plus(fixtures.policy.tokenDisplay()).plusSeconds(1));
            model.tick().get(5, TimeUnit.SECONDS);
            settle();
            if (model.stateProperty().get() instanceof CheckInState.AwaitingCard) {
                break;
            }
            if (showing("#administrator-view")) {
                // From a pane (commission members, reports, the test, the precinct) back to the main one first.
                for (String pane : List.of("#clerks-done", "#reports-back", "#la-back", "#precinct-done")) {
                    tapById(robot, pane);
                }
                if (showing("#admin-back-locked")) {
                    tapById(robot, "#admin-back-locked");
                } else if (showing("#admin-back")) {
                    tapById(robot, "#admin-back");
                }
            }
            if (showing("#key-hide")) {
                TouchTaps.tap(robot, "#key-hide");
            }
            if (!showing("#clerk-console")) {
                tapById(robot, "#open-clerk-console");
            }
            String end = List.of("#clerk-cancel", "#clerk-resume", "#clerk-end-fallback").stream()
                    .filter(id -> showing(id) && !scene.lookup(id).isDisabled()).findFirst().orElse(null);
            if (end != null) {
                if (!UiFixtures.CLERK.value().equals(text("#clerk-id"))) {
                    typeByTouch(robot, "#clerk-id", UiFixtures.CLERK.value(), problems);
                }
                typeByTouch(robot, "#clerk-pin", UiFixtures.PIN, problems);
                String login = WaitForAsyncUtils.asyncFx(() -> ((TextInputControl) scene.lookup("#clerk-id")).getText()
                        + "/" + ((TextInputControl) scene.lookup("#clerk-pin")).getText().length()).get(5, TimeUnit.SECONDS);
                tapById(robot, end);
                settle();
                String result = WaitForAsyncUtils.asyncFx(() -> scene.lookup("#clerk-result") == null ? "-"
                        : ((Labeled) scene.lookup("#clerk-result")).getText()).get(5, TimeUnit.SECONDS);
                trace.add(end + " with " + login + " -> " + result + " keys " + keysShown());
            } else {
                trace.add("no Cancel, Resume or End manual mode shown (console " + showing("#clerk-console") + ", admin "
                        + showing("#administrator-view") + ", buttons " + WaitForAsyncUtils.asyncFx(() -> {
                            List<Node> all = new ArrayList<>();
                            collect(scene.getRoot(), all, false);
                            return all.stream().map(StaffTouchPassUiTest::name).toList();
                        }).get(5, TimeUnit.SECONDS) + ")");
            }
        }
        CheckInState now = model.stateProperty().get();
        if (!problems.isEmpty()) {
            return String.join("; ", problems);
        }
        return now instanceof CheckInState.AwaitingCard ? null : "still on " + now.getClass().getSimpleName()
                + " with clerk actions " + model.clerkActionsProperty().get() + " " + trace;
    }

    private void tapById(FxRobot robot, String id) throws Exception {
        if (showing(id)) {
            robot.interact(() -> AdminTouch.reveal(scene.lookup(id)));
            TouchTaps.tap(robot, id);
            settle();
        }
    }

    private boolean showing(String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Node node = scene.lookup(id);
                if (node == null || node.getScene() == null) {
                    return false;
                }
                for (Node n = node; n != null; n = n.getParent()) {
                    if (!n.isVisible()) {
                        return false;
                    }
                }
                return true;
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot look up " + id, e);
        }
    }

    private String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> scene.lookup(id) instanceof TextInputControl field ? field.getText()
                : "").get(10, TimeUnit.SECONDS);
    }

    private boolean keysShown() {
        Node keys = scene.lookup("#touch-keyboard");
        return keys != null && keys.getScene() != null && keys.isVisible();
    }

    /** Waits until the engine has nothing in hand, then for the FX thread. */
    private void settle() throws Exception {
        ScreenStates.idle(model);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** On the FX thread: what is wrong now. */
    private List<String> invariants() {
        List<String> found = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
        fxErrors.forEach(e -> found.add("exception on the FX thread: " + e));
        fxErrors.clear();
        Node keys = scene.lookup("#touch-keyboard");
        boolean admin = scene.lookup("#administrator-view") != null
                && scene.lookup("#administrator-view").getScene() != null
                && screens.getChildren().contains(scene.lookup("#administrator-screen"));
        if (keys != null && keys.isVisible() && keys.getScene() != null && !admin) {
            // The letter keys over the console pan the screen (decision 0360): the keys and the field must be whole.
            found.addAll(ScreenChecks.problems(scene, keys));
            found.addAll(ScreenChecks.keysOverField(scene));
        } else {
            found.addAll(ScreenChecks.problems(scene));
        }
        collectMissing(scene.getRoot(), found);
        found.addAll(ScreenChecks.popupProblems(scene));
        if (administration.closes.get() > 1) {
            found.add("the day was closed " + administration.closes.get() + " times");
        }
        long valid = fixtures.ledger.issuedTokens().values().stream().filter(voided -> !voided).count();
        long checkIns = fixtures.ledger.counters().checkIns();
        if (valid > checkIns) {
            found.add(valid + " valid tokens for " + checkIns + " check-ins");
        }
        return found;
    }

    private static void collectMissing(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null
                && MISSING_STRING.matcher(labeled.getText()).find()) {
            found.add(name(node) + ": a missing string");
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectMissing(child, found));
        }
    }

    /**
     * On the FX thread: the staff's targets, each visible and enabled: on the administrator screens every one (the
     * walk pans to it), elsewhere those whose middle is inside the window, outside the voter's own screen.
     */
    private List<Node> staffTargets() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<Node> all = new ArrayList<>();
        collect(scene.getRoot(), all, false);
        return all;
    }

    private void collect(Node node, List<Node> into, boolean inWindowOnly) {
        if (!node.isVisible() || node.isDisabled() || "voter-scroll".equals(node.getId())
                || "voter-actions".equals(node.getId())) {
            return;
        }
        if (node instanceof ButtonBase || node instanceof TextInputControl) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            boolean inWindow = b.getCenterX() > 0 && b.getCenterY() > 0 && b.getCenterX() < scene.getWidth()
                    && b.getCenterY() < scene.getHeight();
            if (inWindow || !inWindowOnly && isUnder(node, "#administrator-screen")) {
                into.add(node);
            }
            if (node instanceof ButtonBase) {
                return;
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into, inWindowOnly));
        }
    }

    private static boolean isUnder(Node node, String id) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (id.equals("#" + n.getId())) {
                return true;
            }
        }
        return false;
    }

    private static String name(Node node) {
        String text = node instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }

    private void open(FxRobot robot, int[] size, Language language) {
        fixtures = UiFixtures.withMoreVoters(FRESH_VOTERS);
        nextFresh = 6;
        administration = new FakeAdministration();
        administration.media = new RemovableMedia(List.of(media.toString() + "/*"));
        try {
            Path stick = Files.createDirectories(media.resolve("USB"));
            Files.writeString(stick.resolve("register-v2.srp"), "not a package");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model = fixtures.model(new LanguageViewModel());
        robot.interact(() -> {
            screens = new KioskScreens(model, administration, ForkJoinPool.commonPool(), Platform::runLater);
            model.language().choose(language);
            screens.voterView().clerkConsole().language().choose(language);
            scene = ScreenChecks.resize(stage, scene, screens, size[0], size[1]);
        });
    }

    private void close() {
        if (model != null) {
            model.close();
            fixtures.close();
            model = null;
        }
    }
}
