package kz.sailau.kiosk.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the administrator screens run blocking work: on the worker executor, never on the FX thread, one
 * job at a time. While a job runs {@link #busyProperty() busy} is true (the screens grey their actions) and
 * {@link #progressProperty() progress} follows the job; when it ends, progress always ends too: 1 after success,
 * 0 after a failure, and a progress report that arrives late is dropped, so a bar never stays half full. A failure
 * becomes a message: an {@link AdministratorActions.AdministratorException} its own key, anything else the job's
 * fallback key ("see the log"), logged without personal data. Results and failures are delivered on the FX thread.
 * Holds no JavaFX node; tests run it with direct executors.
 */
public final class BackgroundWork {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    /** A blocking job that may report progress in 0..1. */
    @FunctionalInterface
    public interface Job<T> {
        /** Does the work. */
        T run(DoubleConsumer progress) throws Exception;
    }

    private final Executor worker;
    private final Executor fxThread;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private long generation;

    /**
     * @param worker   runs blocking work
     * @param fxThread runs on the FX thread
     */
    public BackgroundWork(Executor worker, Executor fxThread) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Whether a job runs now. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether a job runs now. */
    public boolean isBusy() {
        return busy.get();
    }

    /** The running job's progress in 0..1; 1 after a success, 0 after a failure. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * Starts a job unless one runs (call on the FX thread).
     *
     * @param job         the work
     * @param onSuccess   receives the result on the FX thread
     * @param onFailure   receives the failure as a message on the FX thread
     * @param fallbackKey the message key of an unexpected failure
     * @return whether the job was started (false while another one runs)
     */
    public <T> boolean run(Job<T> job, Consumer<? super T> onSuccess, Consumer<AdminMessage> onFailure,
                           String fallbackKey) {
        return run(job, onSuccess, failure -> onFailure.accept(message(failure, fallbackKey)));
    }

    /**
     * Starts a job unless one runs, handing any failure itself to {@code onFailure} (a pane that shows more than a
     * message, e.g. the fields to correct). Call on the FX thread.
     *
     * @return whether the job was started
     */
    public <T> boolean run(Job<T> job, Consumer<? super T> onSuccess, Consumer<Exception> onFailure) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onFailure, "onFailure");
        if (busy.get()) {
            return false;
        }
        long mine = ++generation;
        busy.set(true);
        progress.set(0);
        DoubleConsumer report = p -> fxThread.execute(() -> {
            if (busy.get() && generation == mine && p > progress.get()) {
                progress.set(Math.min(1, p));
            }
        });
        try {
            worker.execute(() -> {
                T result;
                try {
                    result = job.run(report);
                } catch (Exception | Error e) {
                    Exception failure = e instanceof Exception ex ? ex : new IllegalStateException(e);
                    fxThread.execute(() -> {
                        end(mine, 0);
                        onFailure.accept(failure);
                    });
                    return;
                }
                fxThread.execute(() -> {
                    end(mine, 1);
                    onSuccess.accept(result);
                });
            });
        } catch (RuntimeException rejected) {
            end(mine, 0);
            onFailure.accept(rejected);
        }
        return true;
    }

    /**
     * Reads something without marking the screens busy (e.g. the test counters every second); a failure is
     * logged and nothing is delivered.
     */
    public <T> void read(Callable<T> read, Consumer<? super T> onResult) {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(onResult, "onResult");
        worker.execute(() -> {
            try {
                T result = read.call();
                fxThread.execute(() -> onResult.accept(result));
            } catch (Exception e) {
                LOG.warn("administrator screen read failed: {}", e.getClass().getSimpleName());
            }
        });
    }

    private void end(long mine, double finalProgress) {
        if (generation == mine) {
            progress.set(finalProgress);
            busy.set(false);
        }
    }

    /** The message of a failure: its own key, or the fallback key for an unexpected one (logged). */
    public static AdminMessage message(Exception failure, String fallbackKey) {
        if (failure instanceof AdministratorActions.AdministratorException e) {
            return AdminMessage.error(e.messageKey());
        }
        LOG.error("administrator action failed unexpectedly: {}", failure.getClass().getName());
        return AdminMessage.error(fallbackKey);
    }
}
