package kz.sailau.kiosk.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import kz.sailau.kiosk.devices.printer.Receipt;
import kz.sailau.kiosk.runner.DeviceRunner;

/**
 * What the device runner reports for the screens, as read-only properties changed on the FX thread: the scanner's
 * upload progress, whether a finger is on the glass, and the last receipt sent to the printer. Part of
 * {@link CheckInScreenModel}; it only mirrors.
 */
final class DeviceActivity implements DeviceRunner.Observer {

    private final Executor fxThread;
    private final ReadOnlyDoubleWrapper uploadProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper fingerOnSensor = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Optional<Receipt>> lastReceipt = new ReadOnlyObjectWrapper<>(Optional.empty());

    DeviceActivity(Executor fxThread) {
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    ReadOnlyDoubleProperty uploadProgress() {
        return uploadProgress.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty fingerOnSensor() {
        return fingerOnSensor.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Optional<Receipt>> lastReceipt() {
        return lastReceipt.getReadOnlyProperty();
    }

    /** Clears the progress (on the FX thread): a voter left. */
    void clearProgress() {
        uploadProgress.set(-1);
        fingerOnSensor.set(false);
    }

    /** Clears everything (on the FX thread): the screens switched engines. */
    void clear() {
        clearProgress();
        lastReceipt.set(Optional.empty());
    }

    @Override
    public void waitingForFinger() {
        fxThread.execute(this::clearProgress);
    }

    @Override
    public void fingerDetected() {
        fxThread.execute(() -> {
            fingerOnSensor.set(true);
            uploadProgress.set(0);
        });
    }

    @Override
    public void uploaded(long bytesReceived, long totalBytes) {
        double fraction = totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesReceived / totalBytes);
        fxThread.execute(() -> uploadProgress.set(fraction));
    }

    @Override
    public void printing(Receipt receipt) {
        fxThread.execute(() -> lastReceipt.set(Optional.of(receipt)));
    }
}
