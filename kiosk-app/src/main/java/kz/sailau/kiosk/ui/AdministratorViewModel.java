package kz.sailau.kiosk.ui;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The administrator screens as state, without a screen: locked or unlocked, which pane is shown, the general
 * message, the guarded "Exit the kiosk", and one view model per capability the kiosk offers (absent capability,
 * no pane). One {@link BackgroundWork} runs all their work and one {@link Confirmation} guards all their
 * irreversible actions. Locking (leaving the screens) clears every message and disarms every question; unlocking
 * and moving between panes disarm too. Holds no JavaFX node.
 */
public final class AdministratorViewModel {

    /** What the unlocked administrator screen shows. */
    public enum Pane {
        /** The main screen: voter list, devices, end of the day, leave. */
        MAIN,
        /** The commission members' logins. */
        CLERKS,
        /** The pre-election logic-and-accuracy test. */
        LOGIC_ACCURACY,
        /** The printed reports and the turnout. */
        REPORTS,
        /** The precinct network's members: add, remove, replace machines. */
        PRECINCT
    }

    private final AdministratorActions actions;
    private final BackgroundWork work;
    private final Confirmation confirmation;
    private final Runnable back;
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Pane> pane = new ReadOnlyObjectWrapper<>(Pane.MAIN);
    private final ReadOnlyObjectWrapper<AdminMessage> message = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty backWhileLocked = new SimpleBooleanProperty(true);
    private final Optional<RegisterViewModel> register;
    private final Optional<DevicesViewModel> devices;
    private final Optional<DayViewModel> day;
    private final Optional<LogicAccuracyViewModel> logicAccuracy;
    private final Optional<ClerksViewModel> clerks;
    private final Optional<ReportsViewModel> reports;
    private final Optional<WaitTimesViewModel> waitTimes;
    private final Optional<PrecinctNetworkViewModel> precinct;

    /**
     * @param actions  what the kiosk offers
     * @param worker   runs blocking work
     * @param fxThread runs on the FX thread
     * @param clock    the time the confirmations expire in
     * @param back     returns to the voter screens
     */
    public AdministratorViewModel(AdministratorActions actions, Executor worker, Executor fxThread, Clock clock,
                                  Runnable back) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.work = new BackgroundWork(worker, fxThread);
        this.confirmation = new Confirmation(clock);
        this.back = Objects.requireNonNull(back, "back");
        RemovableMedia media = actions.removableMedia();
        register = actions.registerLoading().map(loading -> new RegisterViewModel(loading, work, media));
        devices = actions.deviceSettingsActions().map(settings -> new DevicesViewModel(settings, work));
        day = actions.dayClosing().map(closing -> new DayViewModel(closing, work, confirmation, media));
        logicAccuracy = actions.logicAccuracyTesting().map(testing ->
                new LogicAccuracyViewModel(testing, work, confirmation, media));
        clerks = actions.clerkRoster().map(roster -> new ClerksViewModel(roster, work));
        reports = actions.reportPrinting().map(printing -> new ReportsViewModel(printing, work));
        waitTimes = actions.waitTimes().map(times -> new WaitTimesViewModel(times, work));
        precinct = actions.precinctMembership().map(membership ->
                new PrecinctNetworkViewModel(membership, work, confirmation, media));
    }

    /** The Precinct network pane, when this kiosk is a node of its precinct network. */
    public Optional<PrecinctNetworkViewModel> precinct() {
        return precinct;
    }

    /** The Wait times section, when the kiosk measures its check-ins. */
    public Optional<WaitTimesViewModel> waitTimes() {
        return waitTimes;
    }

    /** The background work shared by every pane. */
    public BackgroundWork work() {
        return work;
    }

    /** The confirmation step shared by every pane. */
    public Confirmation confirmation() {
        return confirmation;
    }

    /** Whether the passphrase was accepted (and the screens not left since). */
    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    /** The pane shown after the unlock. */
    public ReadOnlyObjectProperty<Pane> paneProperty() {
        return pane.getReadOnlyProperty();
    }

    /** The general message (unlock, leaving, exit); null when none. */
    public ReadOnlyObjectProperty<AdminMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Whether "Back to the voter screen" is offered before the unlock: true when the screens were opened from the
     * voter screen; false on the production start screen, where the voter screens open only after an unlock.
     */
    public BooleanProperty backWhileLockedProperty() {
        return backWhileLocked;
    }

    /** The voter list section, when the kiosk offers it. */
    public Optional<RegisterViewModel> register() {
        return register;
    }

    /** The Devices pane, when the kiosk offers it. */
    public Optional<DevicesViewModel> devices() {
        return devices;
    }

    /** The end-of-day section, when the kiosk offers it. */
    public Optional<DayViewModel> day() {
        return day;
    }

    /** The pre-election test pane, when the kiosk offers it. */
    public Optional<LogicAccuracyViewModel> logicAccuracy() {
        return logicAccuracy;
    }

    /** The commission members pane, when the kiosk offers it. */
    public Optional<ClerksViewModel> clerks() {
        return clerks;
    }

    /** The reports and turnout pane, when the kiosk offers it. */
    public Optional<ReportsViewModel> reports() {
        return reports;
    }

    /** Checks the passphrase (cleared afterwards); on success the main pane opens with no question armed. */
    public void unlock(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        confirmation.cancel();
        if (passphrase.length == 0) {
            message.set(AdminMessage.error("admin.error.noPassphrase"));
            return;
        }
        if (!work.isBusy()) {
            message.set(AdminMessage.info("admin.unlocking"));
        }
        boolean started = work.run(progress -> {
            try {
                actions.unlock(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            return day.map(DayViewModel::readDayClosed).orElse(false);
        }, closed -> {
            confirmation.cancel();
            day.ifPresent(d -> d.dayClosed(closed));
            pane.set(Pane.MAIN);
            unlocked.set(true);
            message.set(AdminMessage.success("admin.unlocked"));
            register.ifPresent(r -> r.file().lookAgain());
            day.ifPresent(d -> d.bundle().lookAgain());
        }, message::set, "admin.error.passphrase");
        if (!started) {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Opens a pane (disarming any question). */
    public void show(Pane next) {
        Objects.requireNonNull(next, "next");
        confirmation.cancel();
        clerks.ifPresent(ClerksViewModel::clear);
        precinct.ifPresent(PrecinctNetworkViewModel::clear);
        if (next == Pane.PRECINCT && precinct.isPresent()) {
            precinct.get().refresh();
            precinct.get().certificate().lookAgain();
        } else if (next == Pane.CLERKS && clerks.isPresent()) {
            clerks.get().refresh();
        } else if (next == Pane.LOGIC_ACCURACY && logicAccuracy.isPresent()) {
            logicAccuracy.get().refresh();
            logicAccuracy.get().testPackage().lookAgain();
        } else if (next == Pane.REPORTS && reports.isPresent()) {
            reports.get().clear();
            reports.get().refresh();
        } else if (next != Pane.MAIN) {
            return;
        }
        pane.set(next);
    }

    /**
     * "Back to the voter screen": refused with a message while the voter screens must stay closed (no clerk could
     * act); otherwise locks and returns.
     */
    public void back() {
        confirmation.cancel();
        if (!unlocked.get()) {
            if (backWhileLocked.get()) {
                lock();
                back.run();
            }
            return;
        }
        work.run(progress -> actions.voterScreensBlocked(), blocked -> {
            if (blocked.isPresent()) {
                message.set(AdminMessage.error(blocked.get()));
                return;
            }
            lock();
            back.run();
        }, message::set, "store.error.read");
    }

    /** Locks the screens: passphrase again, no message left, nothing armed. */
    public void lock() {
        confirmation.cancel();
        unlocked.set(false);
        pane.set(Pane.MAIN);
        message.set(null);
        register.ifPresent(RegisterViewModel::clear);
        devices.ifPresent(DevicesViewModel::clear);
        day.ifPresent(DayViewModel::clear);
        logicAccuracy.ifPresent(LogicAccuracyViewModel::clear);
        clerks.ifPresent(ClerksViewModel::clear);
        reports.ifPresent(ReportsViewModel::clear);
        waitTimes.ifPresent(WaitTimesViewModel::clear);
        precinct.ifPresent(PrecinctNetworkViewModel::clear);
    }

    /** First tap on "Exit the kiosk": asks for the confirmation. */
    public void askExit() {
        message.set(null);
        confirmation.ask(Confirmation.Guarded.EXIT);
    }

    /** "Yes, exit": leaves the kiosk, if the question is still open. */
    public void confirmExit() {
        if (!confirmation.confirm(Confirmation.Guarded.EXIT)) {
            message.set(AdminMessage.warning("admin.confirm.expired"));
            return;
        }
        actions.exitKiosk();
    }

    /** "Cancel" on a question. */
    public void cancelQuestion() {
        confirmation.cancel();
    }

    /**
     * Called every second by the screen: expires questions, follows the test counters while a test runs and the
     * precinct network while its pane is shown.
     */
    public void tick() {
        confirmation.tick();
        if (unlocked.get() && pane.get() == Pane.PRECINCT) {
            precinct.ifPresent(PrecinctNetworkViewModel::refresh);
        }
        if (unlocked.get() && pane.get() == Pane.LOGIC_ACCURACY) {
            logicAccuracy.filter(l -> l.statusProperty().get().running()).ifPresent(LogicAccuracyViewModel::refresh);
        }
    }
}
