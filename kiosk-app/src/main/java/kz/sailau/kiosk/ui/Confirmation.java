package kz.sailau.kiosk.ui;

import java.util.Locale;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The confirmation step of the administrator's guarded actions: an action that cannot be undone is first
 * {@link #ask asked} (the screen states its consequence and offers "Yes" and "Cancel"), and only a
 * {@link #confirm confirm} of the same action within {@link #WINDOW} does it. At most one action is armed; it
 * never stays armed: confirming, cancelling, the window passing ({@link #tick}), going back, locking, unlocking
 * and moving to another pane all disarm it ({@link #cancel}). Time comes from the injected clock. Holds no JavaFX
 * node.
 */
public final class Confirmation {

    /** How long a question waits for its "Yes". */
    public static final Duration WINDOW = Duration.ofSeconds(30);

    /** The guarded actions, each with the keys of its consequence and of its "Yes" button. */
    public enum Guarded {
        /** Closing the election day: no more check-ins, the signed bundle is written. */
        CLOSE_DAY("admin.confirm.closeDay", "admin.confirm.closeDay.yes"),
        /** Leaving the kiosk program. */
        EXIT("admin.confirm.exit", "admin.confirm.exit.yes"),
        /** Wiping templates and personal data for good (asks for the passphrase again). */
        WIPE("admin.confirm.wipe", "admin.confirm.wipe.yes"),
        /** Ending the pre-election test: its data wiped, the counters back to zero. */
        END_TEST("admin.confirm.endTest", "admin.confirm.endTest.yes"),
        /** Admitting a machine to the precinct network ({@code {1}} its name). */
        ADD_NODE("admin.confirm.addNode", "admin.confirm.addNode.yes"),
        /** Withdrawing a machine from the precinct network for good ({@code {1}} its name). */
        REMOVE_NODE("admin.confirm.removeNode", "admin.confirm.removeNode.yes"),
        /** Withdrawing a dead machine, then admitting its spare ({@code {1}} the dead, {@code {2}} the spare). */
        REPLACE_NODE("admin.confirm.replaceNode", "admin.confirm.replaceNode.yes");

        private final String consequenceKey;
        private final String yesKey;

        Guarded(String consequenceKey, String yesKey) {
            this.consequenceKey = consequenceKey;
            this.yesKey = yesKey;
        }

        /**
         * The bundle key of the sentence stating what the action does; {@code {0}} is the seconds left, the
         * arguments after it name what the action is about (see {@link ConfirmationBox}).
         */
        public String consequenceKey() {
            return consequenceKey;
        }

        /** The bundle key of the confirming button. */
        public String yesKey() {
            return yesKey;
        }

        /** The id fragment of this action's nodes, e.g. {@code close-day}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Clock clock;
    private final Duration window;
    private final ReadOnlyObjectWrapper<Guarded> pending = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper();
    private Instant deadline = Instant.MIN;

    /** @param clock the time the window is measured in */
    public Confirmation(Clock clock) {
        this(clock, WINDOW);
    }

    /**
     * @param clock  the time the window is measured in
     * @param window how long a question waits
     */
    public Confirmation(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The armed action, or null when none. */
    public ReadOnlyObjectProperty<Guarded> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** Whether {@code action} is armed now (and its window has not passed). */
    public boolean isPending(Guarded action) {
        tick();
        return pending.get() == action;
    }

    /** The whole seconds left to confirm the armed action. */
    public ReadOnlyLongProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    /** Arms {@code action} (disarming any other) for the window. */
    public void ask(Guarded action) {
        Objects.requireNonNull(action, "action");
        deadline = clock.instant().plus(window);
        pending.set(action);
        secondsLeft.set(window.toSeconds());
    }

    /**
     * Whether {@code action} may be done now: true only when it is armed and its window has not passed. Always
     * disarms, so a second tap needs a new question.
     */
    public boolean confirm(Guarded action) {
        boolean armed = isPending(action);
        cancel();
        return armed;
    }

    /** Disarms whatever is armed. */
    public void cancel() {
        pending.set(null);
        secondsLeft.set(0);
        deadline = Instant.MIN;
    }

    /** Disarms an action whose window has passed and updates the seconds left; the screen calls it every second. */
    public void tick() {
        if (pending.get() == null) {
            return;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            cancel();
        } else {
            secondsLeft.set((left.toMillis() + 999) / 1000);
        }
    }
}
