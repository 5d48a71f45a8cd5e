package kz.sailau.kiosk.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.sailau.kiosk.clerk.ClerkEntry;

/**
 * The commission members pane: the roster with each login's state and wrong PINs in a row; add (login + PIN
 * twice), new PIN and unlock, and remove (asked twice for the same login; any other step forgets the question).
 * The two PINs are compared here and both arrays cleared; the roster checks the login and the PIN policy and its
 * refusal keys are shown as they are. Holds no JavaFX node.
 */
public final class ClerksViewModel {

    private final ClerkRosterActions roster;
    private final BackgroundWork work;
    private final ObservableList<ClerkEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AdminMessage> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> removing = new ReadOnlyObjectWrapper<>();

    /**
     * @param roster the capability
     * @param work   runs the roster work
     */
    public ClerksViewModel(ClerkRosterActions roster, BackgroundWork work) {
        this.roster = Objects.requireNonNull(roster, "roster");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** The roster as last read. */
    public ObservableList<ClerkEntry> entries() {
        return entries;
    }

    /** The pane's message; null when none. */
    public ReadOnlyObjectProperty<AdminMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The login whose removal is asked (the next "Remove" of it removes it); null when none. */
    public ReadOnlyObjectProperty<String> removingProperty() {
        return removing.getReadOnlyProperty();
    }

    /** Reads the roster again. */
    public void refresh() {
        work.run(progress -> roster.clerks(), this::show, message::set, "store.error.read");
    }

    private void show(List<ClerkEntry> read) {
        entries.setAll(read);
        if (read.isEmpty() && message.get() == null) {
            message.set(AdminMessage.warning("admin.clerks.empty"));
        }
    }

    /** Adds a clerk; both PIN arrays are cleared. */
    public void add(String login, char[] pin, char[] pinAgain) {
        withPin(login, pin, pinAgain, true);
    }

    /** Sets a new PIN and unlocks the clerk; both PIN arrays are cleared. */
    public void resetPin(String login, char[] pin, char[] pinAgain) {
        withPin(login, pin, pinAgain, false);
    }

    private void withPin(String login, char[] pin, char[] pinAgain, boolean adding) {
        removing.set(null);
        String who = login.trim();
        if (who.isEmpty()) {
            clear(pin, pinAgain);
            message.set(AdminMessage.error("admin.clerks.needLogin"));
            return;
        }
        if (!Arrays.equals(pin, pinAgain)) {
            clear(pin, pinAgain);
            message.set(AdminMessage.error("clerk.error.pinsDiffer"));
            return;
        }
        clear(pinAgain);
        if (!work.isBusy()) {
            message.set(AdminMessage.info("admin.clerks.working"));
        }
        if (!work.run(progress -> {
            try {
                if (adding) {
                    roster.addClerk(who, pin);
                } else {
                    roster.resetClerkPin(who, pin);
                }
                return roster.clerks();
            } finally {
                clear(pin);
            }
        }, read -> {
            entries.setAll(read);
            message.set(AdminMessage.success(adding ? "admin.clerks.added" : "admin.clerks.resetDone", who));
        }, message::set, "store.error.write")) {
            clear(pin);
        }
    }

    /** "Remove": the first tap for a login asks, the second removes it. */
    public void remove(String login) {
        String who = login.trim();
        if (who.isEmpty()) {
            removing.set(null);
            message.set(AdminMessage.error("admin.clerks.needLogin"));
            return;
        }
        if (!who.equals(removing.get())) {
            removing.set(who);
            message.set(AdminMessage.warning("admin.clerks.removeQuestion", who));
            return;
        }
        removing.set(null);
        if (!work.isBusy()) {
            message.set(AdminMessage.info("admin.clerks.working"));
        }
        work.run(progress -> {
            roster.removeClerk(who);
            return roster.clerks();
        }, read -> {
            entries.setAll(read);
            message.set(AdminMessage.success("admin.clerks.removed", who));
        }, message::set, "store.error.write");
    }

    /** Forgets the question and the message (the pane is left or the screens are locked). */
    public void clear() {
        removing.set(null);
        message.set(null);
    }

    private static void clear(char[]... secrets) {
        for (char[] secret : secrets) {
            Arrays.fill(secret, '\0');
        }
    }
}
