package kz.sailau.kiosk.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import kz.sailau.kiosk.checkin.CheckInState;
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

    /** The state the FX thread holds now. */
    static CheckInState onFx(CheckInScreenModel model) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> model.stateProperty().get()).get(5, TimeUnit.SECONDS);
    }
}
