package kz.sailau.kiosk.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A file chosen by touch rather than typed: the proposed file (when there is one) and what the removable media
 * offer, looked for on the worker ({@link #lookAgain}). The choice is kept while it is still offered. Holds no
 * JavaFX node.
 */
public final class FileChoiceModel {

    private final BackgroundWork work;
    private final Callable<List<Path>> offered;
    private final Optional<Path> proposed;
    private final ObservableList<Path> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Path> chosen = new SimpleObjectProperty<>();

    /**
     * @param work     runs the look-up
     * @param offered  what the media offer (blocking)
     * @param proposed the file proposed first, chosen until the administrator picks another
     */
    public FileChoiceModel(BackgroundWork work, Callable<List<Path>> offered, Optional<Path> proposed) {
        this.work = Objects.requireNonNull(work, "work");
        this.offered = Objects.requireNonNull(offered, "offered");
        this.proposed = Objects.requireNonNull(proposed, "proposed");
        proposed.ifPresent(path -> {
            choices.add(path);
            chosen.set(path);
        });
    }

    /** The files to choose from, the proposed one first. */
    public ObservableList<Path> choices() {
        return choices;
    }

    /** The chosen file; null while none is chosen. */
    public ObjectProperty<Path> chosenProperty() {
        return chosen;
    }

    /** The chosen file, if any. */
    public Optional<Path> chosen() {
        return Optional.ofNullable(chosen.get());
    }

    /** Looks at the media again (a stick was put in or pulled out). */
    public void lookAgain() {
        work.read(offered, this::offer);
    }

    private void offer(List<Path> found) {
        List<Path> all = new ArrayList<>();
        proposed.ifPresent(all::add);
        found.stream().filter(path -> !all.contains(path)).forEach(all::add);
        Path keep = chosen.get();
        choices.setAll(all);
        chosen.set(keep != null && all.contains(keep) ? keep : proposed.orElse(null));
    }
}
