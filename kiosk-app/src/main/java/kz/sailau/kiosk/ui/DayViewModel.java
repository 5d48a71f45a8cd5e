package kz.sailau.kiosk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The "End of the day" section: where the bundle goes (the data directory or a removable medium), close the day
 * and, after the close, wipe the biometric data. Both are guarded ({@link Confirmation}): the first tap asks, the
 * screen states the consequence, and only "Yes" within the window acts; the wipe also takes the administrator's
 * passphrase again. Holds no JavaFX node.
 */
public final class DayViewModel {

    private final DayClosing closing;
    private final BackgroundWork work;
    private final Confirmation confirmation;
    private final FileChoiceModel bundle;
    private final ReadOnlyBooleanWrapper dayClosed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<AdminMessage> message = new ReadOnlyObjectWrapper<>();
    private Runnable onDayClosed = () -> { };

    /**
     * @param closing      the capability
     * @param work         runs close and wipe
     * @param confirmation the guard shared by the administrator screens
     * @param media        where the bundle may be written
     */
    public DayViewModel(DayClosing closing, BackgroundWork work, Confirmation confirmation, RemovableMedia media) {
        this.closing = Objects.requireNonNull(closing, "closing");
        this.work = Objects.requireNonNull(work, "work");
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(media, "media");
        this.bundle = new FileChoiceModel(work, () -> media.media().stream()
                .map(medium -> medium.resolve(closing.bundleFileName())).toList(),
                Optional.of(closing.defaultBundlePath()));
    }

    /** Where the bundle is written. */
    public FileChoiceModel bundle() {
        return bundle;
    }

    /** Whether the day is closed (then the wipe is possible and close writes the bundle again). */
    public ReadOnlyBooleanProperty dayClosedProperty() {
        return dayClosed.getReadOnlyProperty();
    }

    /** The section's message; null when none. */
    public ReadOnlyObjectProperty<AdminMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Runs {@code action} on the FX thread once the day is closed here (the voter screen shows "polls closed"). */
    public void setOnDayClosed(Runnable action) {
        onDayClosed = Objects.requireNonNull(action, "action");
    }

    /** Sets whether the day is closed, as read after the unlock. */
    void dayClosed(boolean closed) {
        dayClosed.set(closed);
    }

    /** Reads whether the day is closed (the blocking read on the worker). */
    boolean readDayClosed() {
        return closing.dayClosed();
    }

    /** First tap on "Close the day": asks for the confirmation. */
    public void askCloseDay() {
        if (bundle.chosen().isEmpty()) {
            message.set(AdminMessage.error("admin.error.chooseBundle"));
            return;
        }
        message.set(null);
        confirmation.ask(Confirmation.Guarded.CLOSE_DAY);
    }

    /** "Yes, close the day": closes it, if the question is still open. */
    public void confirmCloseDay() {
        if (!confirmation.confirm(Confirmation.Guarded.CLOSE_DAY)) {
            message.set(AdminMessage.warning("admin.confirm.expired"));
            return;
        }
        Path file = bundle.chosen().orElseThrow();
        if (!work.isBusy()) {
            message.set(AdminMessage.info("admin.closing"));
        }
        work.run(progress -> closing.closeDay(file), closed -> {
            dayClosed.set(true);
            message.set(new AdminMessage(closed.reconciles() ? AdminMessage.Kind.SUCCESS : AdminMessage.Kind.WARNING,
                    "admin.dayClosed", List.of(new AdminMessage.Count("count.checkIns", closed.checkIns()),
                    new AdminMessage.Count("count.tokensIssued", closed.tokensIssued()),
                    new AdminMessage.Count("count.tokensVoided", closed.tokensVoided()),
                    new AdminMessage.Key(closed.reconciles() ? "admin.balanced" : "admin.notBalanced"),
                    closed.bundle().toString())));
            onDayClosed.run();
        }, message::set, "admin.error.closeDay");
    }

    /** First tap on "Wipe biometric data": asks for the confirmation and the passphrase. */
    public void askWipe() {
        message.set(null);
        confirmation.ask(Confirmation.Guarded.WIPE);
    }

    /**
     * "Yes, wipe now" with the passphrase typed again: wipes, if the question is still open and the kiosk accepts
     * the passphrase. The array is cleared.
     */
    public void confirmWipe(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (!confirmation.confirm(Confirmation.Guarded.WIPE)) {
            Arrays.fill(passphrase, '\0');
            message.set(AdminMessage.warning("admin.confirm.expired"));
            return;
        }
        if (passphrase.length == 0) {
            message.set(AdminMessage.error("admin.error.passphraseAgain"));
            return;
        }
        if (!work.isBusy()) {
            message.set(AdminMessage.info("admin.wiping"));
        }
        if (!work.run(progress -> {
            try {
                return closing.wipe(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, wiped -> message.set(AdminMessage.success("admin.wiped",
                new AdminMessage.Count("count.voters", wiped.voters()),
                new AdminMessage.Count("count.templates", wiped.templates()),
                new AdminMessage.Count("count.checkInMarks", wiped.checkIns()))), message::set, "admin.error.wipe")) {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Forgets the message (the screens are locked). */
    public void clear() {
        message.set(null);
    }
}
