package kz.sailau.kiosk.ui;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The "Voter list" section of the administrator screen: a register package chosen from the removable media and
 * loaded with progress; the register's refusal keys reach the screen unchanged. Holds no JavaFX node.
 */
public final class RegisterViewModel {

    private final RegisterLoading loading;
    private final BackgroundWork work;
    private final FileChoiceModel file;
    private final ReadOnlyObjectWrapper<AdminMessage> message = new ReadOnlyObjectWrapper<>();

    /**
     * @param loading the capability
     * @param work    runs the load
     * @param media   where packages are looked for
     */
    public RegisterViewModel(RegisterLoading loading, BackgroundWork work, RemovableMedia media) {
        this.loading = Objects.requireNonNull(loading, "loading");
        this.work = Objects.requireNonNull(work, "work");
        Objects.requireNonNull(media, "media");
        this.file = new FileChoiceModel(work, () -> media.files(".srp"), Optional.empty());
    }

    /** The package to load. */
    public FileChoiceModel file() {
        return file;
    }

    /** The section's message; null when none. */
    public ReadOnlyObjectProperty<AdminMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Loads the chosen package (refused with a message while none is chosen). */
    public void load() {
        if (file.chosen().isEmpty()) {
            message.set(AdminMessage.error("admin.error.choosePackage"));
            return;
        }
        if (!work.isBusy()) {
            message.set(AdminMessage.info("admin.loading"));
        }
        work.run(progress -> loading.load(file.chosen().get(), progress),
                loaded -> message.set(AdminMessage.success("admin.loaded", loaded.election(), loaded.precinct(),
                        loaded.version(), new AdminMessage.Count("count.voters", loaded.voters()))),
                message::set, "register.error.read");
    }

    /** Forgets the message (the screens are locked). */
    public void clear() {
        message.set(null);
    }
}
