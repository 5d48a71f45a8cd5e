package kz.sailau.kiosk.ui;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import kz.sailau.kiosk.checkin.CheckInState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits, in the UI tests, until the screen model shows a wanted check-in state: the engine's pending work settled,
 * then the state the FX thread holds, tested again whenever TestFX polls — a wait on a condition, never a fixed pause.
 */
final class ScreenStates {

    /** How long a state may take to come: generous, the machine may be loaded. */
    static final long TIMEOUT_SECONDS = 10;

    private ScreenStates() {
    }

    /**
     * The first state the FX thread holds that {@code wanted} accepts, after the FX events it caused are processed.
     *
     * @throws AssertionError naming the last state seen when none is accepted within {@value #TIMEOUT_SECONDS} s
     */
    static CheckInState await(CheckInScreenModel model, Predicate<CheckInState> wanted) throws Exception {
        AtomicReference<CheckInState> last = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> {
                model.settled().get(5, TimeUnit.SECONDS);
                CheckInState now = onFx(model);
                last.set(now);
                return wanted.test(now);
            });
        } catch (TimeoutException e) {
            CheckInState seen = last.get();
            throw new AssertionError("state not reached; last state "
                    + (seen == null ? "none" : seen.getClass().getSimpleName()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return last.get();
    }

    /** The state of the given type, as {@link #await(CheckInScreenModel, Predicate)}. */
    static <S extends CheckInState> S await(CheckInScreenModel model, Class<S> type) throws Exception {
        return type.cast(await(model, type::isInstance));
    }

    /**
     * Waits until the engine has nothing in hand: its pending calls settled and no matching, eligibility check,
     * recording or printing under way (the touch passes' step boundary).
     *
     * @throws AssertionError naming the state the engine stayed in
     */
    static void idle(CheckInScreenModel model) throws Exception {
        model.settled().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> !working(model.stateProperty().get()));
        } catch (TimeoutException e) {
            throw new AssertionError("the engine stayed in " + model.stateProperty().get().getClass().getSimpleName());
        }
    }

    /** Whether the engine is matching, checking, recording or printing in {@code state}. */
    static boolean working(CheckInState state) {
        return state instanceof CheckInState.Matching || state instanceof CheckInState.Recording
                || state instanceof CheckInState.CheckingEligibility
                || state instanceof CheckInState.TokenIssued t
                && t.printout() instanceof CheckInState.Printout.Printing;
    }

    /**
     * Collects every exception thrown on the FX thread into {@code into} (a touch pass checks it after each step)
     * until the returned action, run from the test's thread, puts the thread's own handler back.
     */
    static Runnable collectFxErrors(FxRobot robot, List<Throwable> into) {
        Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
        robot.interact(() -> {
            before[0] = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> into.add(e));
        });
        return () -> robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0]));
    }

    /** The state the FX thread holds now. */
    static CheckInState onFx(CheckInScreenModel model) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> model.stateProperty().get()).get(5, TimeUnit.SECONDS);
    }
}
