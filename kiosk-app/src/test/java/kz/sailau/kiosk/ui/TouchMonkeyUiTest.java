package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.input.MouseButton;
import org.testfx.robot.MouseRobot;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A hostile touch pass (issue 15, decision 0375): for each of a fixed list of seeds, at 1280 × 800 and 1024 × 768,
 * an impatient voter taps whatever button or field is visible and enabled (voter screen, top bar, clerk console,
 * on-screen keyboard), while cards are read, fingers put on the sensor, the paper runs out and the engine's manual
 * clock runs on. After each step: no exception on the FX thread or in the engine, {@link ScreenChecks} clean, the
 * voter screen shows no token but the current one, the engine never issues two tokens for one check-in, and
 * whenever the clock has run past the timeouts the kiosk is back on the welcome screen (or waits for a clerk, who
 * then ends the case).
 */
@ExtendWith(ApplicationExtension.class)
class TouchMonkeyUiTest {

    /** The seeds, each walked at one of the two sizes (alternately), a fixed number of steps each. */
    static final long[] SEEDS = {15, 375, 1280, 768};
    static final int STEPS = 200;
    /** Every this many steps the clock runs past every timeout and the kiosk must be idle again. */
    static final int CHECKPOINT = 40;

    private Stage stage;
    private Scene scene;
    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private KioskScreens screens;
    /** The voter whose card was read last (1-based), whose finger the monkey mostly puts on. */
    private int lastCard = 1;
    /** Voters 6 and on come once each, so that every walk sees many check-ins through (all of age: 28 at most). */
    static final int FRESH_VOTERS = 28;
    private int nextFresh;
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    /** Every token code the engine put on the voter screen, in order (FX thread). */
    private final List<String> issued = new ArrayList<>();
    private int taps;

    /** The window; each walk gives it a scene of its size. */
    @Start
    void start(Stage window) {
        stage = window;
        window.setScene(scene = new Scene(new Group()));
        window.show();
    }

    @Test
    void anImpatientVoterFindsNothingBroken(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        Runnable restore = ScreenStates.collectFxErrors(robot, fxErrors);
        try {
            for (int i = 0; i < SEEDS.length; i++) {
                int[] size = ElectionDayScreens.SIZES[i % ElectionDayScreens.SIZES.length];
                problems.addAll(walk(robot, SEEDS[i], size));
            }
        } finally {
            close();
            restore.run();
        }
        System.out.println("touch pass: " + taps + " taps, " + outsideSteps + " other steps, screens after a step: "
                + visited);
        assertEquals(List.of(), problems);
        assertEquals(SEEDS.length * STEPS, taps + outsideSteps, "every step was taken");
        for (String state : List.of("AwaitingCard", "AwaitingFinger", "TokenIssued", "Refused", "NeedsClerk")) {
            assertTrue(visited.containsKey(state), () -> "the walks never reached " + state + ": " + visited);
        }
    }

    private int outsideSteps;
    /** How often each screen was up after a step, over every walk. */
    private final Map<String, Integer> visited = new TreeMap<>();

    private List<String> walk(FxRobot robot, long seed, int[] size) throws Exception {
        close();
        open(robot, size);
        Random random = new Random(seed);
        Set<String> found = new LinkedHashSet<>();
        for (int step = 1; step <= STEPS; step++) {
            String where = "seed " + seed + " " + size[0] + "x" + size[1] + " step " + step + ": ";
            String did = step(robot, random);
            // Now and then the next step comes while the engine still works (matching, recording, printing):
            // a tap during a screen transition.
            if (random.nextInt(3) == 0) {
                model.settled().get(10, TimeUnit.SECONDS);
                fxRoundTrip();
            } else {
                ScreenStates.idle(model);
            }

            for (String problem : WaitForAsyncUtils.asyncFx(this::invariants).get(30, TimeUnit.SECONDS)) {
                found.add(where + did + ": " + problem);
            }
            visited.merge(model.stateProperty().get().getClass().getSimpleName(), 1, Integer::sum);
            if (step % CHECKPOINT == 0) {
                String stuck = backToWelcome();
                if (stuck != null) {
                    found.add(where + "after the timeouts: " + stuck);
                }
            }
            if (found.size() > 20) {
                break;
            }
        }
        return new ArrayList<>(found);
    }

    /** One step: mostly a tap on something visible, sometimes the world moving (card, finger, clock, paper). */
    private String step(FxRobot robot, Random random) throws Exception {
        int dice = random.nextInt(100);
        if (dice < 72) {
            List<Node> targets = WaitForAsyncUtils.asyncFx(this::tappable).get(10, TimeUnit.SECONDS);
            if (!targets.isEmpty()) {
                Node target = targets.get(random.nextInt(targets.size()));
                String name = name(target);
                Point2D at = (Point2D) target.getProperties().get(TouchMonkeyUiTest.class);
                // A double or triple tap now and then, as an impatient finger gives.
                int times = random.nextInt(10) == 0 ? 2 + random.nextInt(2) : 1;
                MouseRobot mouse = robot.robotContext().getMouseRobot();
                mouse.moveNoWait(at);
                for (int n = 0; n < times; n++) {
                    // Taps of one burst come faster than a frame: no wait between them.
                    mouse.pressNoWait(MouseButton.PRIMARY);
                    mouse.releaseNoWait(MouseButton.PRIMARY);
                }
                fxRoundTrip();
                taps++;
                return "tap " + name + (times > 1 ? " ×" + times : "");
            }
        }
        outsideSteps++;
        int what = random.nextInt(6);
        switch (what) {
            case 0 -> {
                // Mostly a voter not seen yet; else one of the first five (checked in already, another precinct).
                int voter = random.nextInt(3) > 0 && nextFresh < 6 + FRESH_VOTERS ? nextFresh++ : 1 + random.nextInt(5);
                model.submitCard(fixtures.mrz(voter));
                lastCard = voter;
                return "card of voter " + voter;
            }
            case 1 -> {
                int voter = random.nextInt(5) == 0 ? 1 + random.nextInt(5) : lastCard;
                boolean good = random.nextBoolean();
                fixtures.scanner.fingers.add(good ? UiFixtures.goodCapture(voter)
                        : UiFixtures.capture(voter, 10, ImageQuality.LOW_CONTRAST));
                // The scanner hands a finger out only while a capture runs: one left over would land later.
                WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> fixtures.scanner.fingers.isEmpty()
                        || !(model.stateProperty().get() instanceof CheckInState.AwaitingFinger));
                fixtures.scanner.fingers.clear();
                return (good ? "good" : "poor") + " finger of voter " + voter;
            }
            case 2, 3 -> {
                int seconds = 1 + random.nextInt(30);
                fixtures.clock.advance(Duration.ofSeconds(seconds));
                model.tick();
                return "clock +" + seconds + " s";
            }
            case 4 -> {
                fixtures.printer.paperOut = !fixtures.printer.paperOut;
                return fixtures.printer.paperOut ? "paper out" : "paper back";
            }
            default -> {
                Language language = Language.values()[random.nextInt(Language.values().length)];
                robot.interact(() -> model.language().choose(language));
                return "language " + language;
            }
        }
    }

    /** Two trips to the FX thread: the events queued before (a tap's press and release) and what they queued. */
    private static void fxRoundTrip() throws Exception {
        for (int i = 0; i < 2; i++) {
            WaitForAsyncUtils.asyncFx(() -> { }).get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs the clock past every timeout; a case that waits for a clerk is ended by one (as the console would); then
     * the kiosk must be on the welcome screen. Returns what it shows instead, or null.
     */
    private String backToWelcome() throws Exception {
        fixtures.printer.paperOut = false;
        fixtures.scanner.fingers.clear();
        for (int round = 0; round < 4; round++) {
            fixtures.clock.advance(fixtures.policy.idleTimeout().plus(fixtures.policy.tokenDisplay()).plusSeconds(1));
            model.tick();
            ScreenStates.idle(model);
            CheckInState now = model.stateProperty().get();
            if (now instanceof CheckInState.AwaitingCard) {
                return null;
            }
            Set<Class<? extends CheckInEvent.ClerkEvent>> actions = model.clerkActionsProperty().get();
            CheckInEvent.ClerkEvent end = actions.contains(CheckInEvent.ClerkCancels.class)
                    ? new CheckInEvent.ClerkCancels(UiFixtures.CLERK)
                    : actions.contains(CheckInEvent.ClerkResumes.class) ? new CheckInEvent.ClerkResumes(UiFixtures.CLERK)
                    : actions.contains(CheckInEvent.ClerkEndsFallback.class)
                    ? new CheckInEvent.ClerkEndsFallback(UiFixtures.CLERK) : null;
            if (end != null && !waitsForVoterOnly(now)) {
                try {
                    model.submitAsClerk(end, UiFixtures.PIN.toCharArray()).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    return "the clerk could not end " + now.getClass().getSimpleName() + ": " + e.getMessage();
                }
                ScreenStates.idle(model);
            }
        }
        CheckInState now = model.stateProperty().get();
        return now instanceof CheckInState.AwaitingCard ? null : "still on " + now + " with clerk actions "
                + model.clerkActionsProperty().get();
    }

    /** Screens the engine's own timeouts must clear, without a clerk. */
    private static boolean waitsForVoterOnly(CheckInState state) {
        return state instanceof CheckInState.AwaitingFinger && ((CheckInState.AwaitingFinger) state).session().isPresent()
                || state instanceof CheckInState.TokenIssued t && t.printout() instanceof CheckInState.Printout.Printed;
    }

    /** On the FX thread: what is wrong with the kiosk now. */
    private List<String> invariants() {
        List<String> found = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
        for (Throwable e : fxErrors) {
            found.add("exception on the FX thread: " + e);
        }
        fxErrors.clear();
        model.notices().stream().filter(n -> n.messageKey().equals("clerk.notice.internalError")).findAny()
                .ifPresent(n -> found.add("an engine call failed (internal error notice)"));
        Node keys = scene.lookup("#touch-keyboard");
        if (keys != null && keys.isVisible()) {
            // With the letter keys up the screen pans so that the field stays clear of them (decision 0360): what
            // is panned out of view above is meant to be; the keys, the field and what it leads to must be whole.
            found.addAll(ScreenChecks.problems(scene, keys));
            found.addAll(ScreenChecks.keysOverField(scene));
        } else {
            found.addAll(ScreenChecks.problems(scene));
        }
        CheckInState state = model.stateProperty().get();
        Node code = scene.lookup("#token-code");
        if (code != null && code.isVisible()) {
            String shown = plain(((Labeled) code).getText());
            if (!(state instanceof CheckInState.TokenIssued t)) {
                found.add("a token code on screen while the engine is in " + state.getClass().getSimpleName());
            } else if (!shown.equals(plain(t.token().humanCode()))) {
                found.add("the voter screen shows a token that is not the current one");
            } else if (!issued.isEmpty() && !shown.equals(issued.get(issued.size() - 1))) {
                found.add("the voter screen shows an earlier voter's token");
            }
        }
        long valid = fixtures.ledger.issuedTokens().values().stream().filter(voided -> !voided).count();
        long checkIns = fixtures.ledger.counters().checkIns();
        if (valid > checkIns) {
            found.add(valid + " valid tokens for " + checkIns + " check-ins");
        }
        if (new HashSet<>(issued).size() != issued.size()) {
            found.add("one token shown for two check-ins");
        }
        return found;
    }

    /** On the FX thread: every visible, enabled button or field whose middle is inside the window. */
    private List<Node> tappable() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<Node> all = new ArrayList<>();
        collect(scene.getRoot(), all);
        return all;
    }

    private void collect(Node node, List<Node> into) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof ButtonBase || node instanceof TextInputControl) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            double x = b.getCenterX();
            double y = b.getCenterY();
            if (x > 0 && y > 0 && x < scene.getWidth() && y < scene.getHeight()) {
                Bounds screen = node.localToScreen(node.getLayoutBounds());
                node.getProperties().put(TouchMonkeyUiTest.class,
                        new Point2D(screen.getCenterX(), screen.getCenterY()));
                into.add(node);
            }
            if (node instanceof ButtonBase) {
                return;
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    /** A token code without the line breaks and dashes the screen sets it with. */
    private static String plain(String code) {
        return code.replaceAll("[\\s-]", "");
    }

    private static String name(Node node) {
        String text = node instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }

    private void open(FxRobot robot, int[] size) {
        fixtures = UiFixtures.withMoreVoters(FRESH_VOTERS);
        nextFresh = 6;
        model = fixtures.model(new LanguageViewModel());
        issued.clear();
        robot.interact(() -> {
            screens = new KioskScreens(model, new FakeAdministration(), ForkJoinPool.commonPool(),
                    Platform::runLater);
            screens.voterView().clerkConsole().suggestLogin(UiFixtures.CLERK.value());
            model.stateProperty().addListener((obs, old, now) -> {
                if (now instanceof CheckInState.TokenIssued t && !(old instanceof CheckInState.TokenIssued o
                        && o.token().equals(t.token()))) {
                    issued.add(plain(t.token().humanCode()));
                }
            });
            scene.setRoot(new Group());
            scene = new Scene(screens, size[0], size[1]);
            scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.sizeToScene();
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
