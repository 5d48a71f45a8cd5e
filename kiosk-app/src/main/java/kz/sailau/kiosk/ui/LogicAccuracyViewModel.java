package kz.sailau.kiosk.ui;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The pre-election test pane: the test package (proposed, or from the removable media), start with load
 * progress, the live TEST counters, and "End test and reset to zero" behind the confirmation step
 * ({@link Confirmation.Guarded#END_TEST}). Holds no JavaFX node.
 */
public final class LogicAccuracyViewModel {

    private final LogicAccuracyTesting testing;
    private final BackgroundWork work;
    private final Confirmation confirmation;
    private final FileChoiceModel testPackage;
    private final ReadOnlyObjectWrapper<LogicAccuracyTesting.Status> status =
            new ReadOnlyObjectWrapper<>(LogicAccuracyTesting.Status.IDLE);
    private final ReadOnlyObjectWrapper<AdminMessage> message = new ReadOnlyObjectWrapper<>();

    /**
     * @param testing      the capability
     * @param work         runs start and end
     * @param confirmation the guard shared by the administrator screens
     * @param media        where test packages are looked for
     */
    public LogicAccuracyViewModel(LogicAccuracyTesting testing, BackgroundWork work, Confirmation confirmation,
                                  RemovableMedia media) {
        this.testing = Objects.requireNonNull(testing, "testing");
        this.work = Objects.requireNonNull(work, "work");
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(media, "media");
        this.testPackage = new FileChoiceModel(work, () -> media.files(".srp"),
                Optional.of(testing.defaultTestPackagePath()));
    }

    /** The test package. */
    public FileChoiceModel testPackage() {
        return testPackage;
    }

    /** The test's state and counters as last read. */
    public ReadOnlyObjectProperty<LogicAccuracyTesting.Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The pane's message; null when none. */
    public ReadOnlyObjectProperty<AdminMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the state and counters again (quietly, on the worker). */
    public void refresh() {
        work.read(testing::status, status::set);
    }

    /** Starts the test with the chosen package. */
    public void start() {
        if (testPackage.chosen().isEmpty()) {
            message.set(AdminMessage.error("la.error.noPackage"));
            return;
        }
        confirmation.cancel();
        if (!work.isBusy()) {
            message.set(AdminMessage.info("la.starting"));
        }
        work.run(progress -> testing.start(testPackage.chosen().get(), progress), started -> {
            status.set(started);
            message.set(AdminMessage.success("la.started", new AdminMessage.Count("count.voters", started.testVoters())));
        }, message::set, "la.error.failed");
    }

    /** First tap on "End test and reset to zero": asks for the confirmation. */
    public void askEnd() {
        message.set(null);
        confirmation.ask(Confirmation.Guarded.END_TEST);
    }

    /** "Yes, end the test": ends it, if the question is still open. */
    public void confirmEnd() {
        if (!confirmation.confirm(Confirmation.Guarded.END_TEST)) {
            message.set(AdminMessage.warning("admin.confirm.expired"));
            return;
        }
        if (!work.isBusy()) {
            message.set(AdminMessage.info("la.ending"));
        }
        work.run(progress -> {
            LogicAccuracyTesting.Status ended = testing.end();
            return new LogicAccuracyTesting.Status[] {ended, testing.status()};
        }, both -> {
            LogicAccuracyTesting.Status ended = both[0];
            status.set(both[1]);
            message.set(AdminMessage.success("la.ended", new AdminMessage.Count("count.checkIns", ended.checkIns()),
                    new AdminMessage.Count("count.refusals", ended.refusals()),
                    new AdminMessage.Count("count.overrides", ended.overrides()),
                    new AdminMessage.Count("count.tokens", ended.tokensIssued())));
        }, message::set, "la.error.failed");
    }

    /** Forgets the message (the screens are locked). */
    public void clear() {
        message.set(null);
    }
}
