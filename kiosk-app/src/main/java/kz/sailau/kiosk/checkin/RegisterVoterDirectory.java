package kz.sailau.kiosk.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.register.RegisterStore;

/**
 * The {@link VoterDirectory} over the kiosk's encrypted register store. The 1:N gallery is prepared once
 * from all enrolled templates, keyed by the store's row id; only the few search hits are looked up to get
 * their IIN, so the whole register is never decrypted into memory at once.
 *
 * <p>The gallery is prepared by whoever asks first: {@link #gallery()} on the caller's thread, or
 * {@link #prepareGalleryAhead} on an executor while the caller goes on wiring the rest of the election day
 * (decision 0280); a later {@link #gallery()} waits for that preparation rather than starting another.
 */
public final class RegisterVoterDirectory implements VoterDirectory {

    private final RegisterStore store;
    private final FingerMatcher matcher;
    /** The one preparation of the gallery; replaced by a fresh one when it failed, so that a later call tries again. */
    private FutureTask<FingerMatcher.Gallery<Iin>> preparation;
    private boolean preparingAhead;

    /**
     * @param store   the loaded register
     * @param matcher the matcher that prepares the gallery
     */
    public RegisterVoterDirectory(RegisterStore store, FingerMatcher matcher) {
        this.store = Objects.requireNonNull(store, "store");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    @Override
    public Optional<RegisteredVoter> find(Iin iin) {
        return store.findByIin(Objects.requireNonNull(iin, "iin"))
                .map(v -> new RegisteredVoter(v.voter(), v.templates(), v.priorVote()));
    }

    @Override
    public Optional<PollingStation> pollingStationOf(Iin iin) {
        return store.pollingStationOf(Objects.requireNonNull(iin, "iin"));
    }

    /**
     * Starts preparing the 1:N gallery on {@code executor} (decrypting and decoding every enrolled template), so that
     * it runs while the caller goes on; {@link #gallery()} then waits for it. Call it only once the store is unlocked:
     * the preparation reads the store. Later calls do nothing. A failure of the preparation is not lost: the next
     * {@link #gallery()} throws it and the one after that tries again.
     *
     * @param executor runs the preparation; a thread of its own, since the decoding also uses the common pool
     */
    public void prepareGalleryAhead(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        FutureTask<FingerMatcher.Gallery<Iin>> task;
        synchronized (this) {
            if (preparingAhead) {
                return;
            }
            preparingAhead = true;
            task = preparation();
        }
        executor.execute(task);
    }

    @Override
    public FingerMatcher.Gallery<Iin> gallery() {
        FutureTask<FingerMatcher.Gallery<Iin>> task;
        synchronized (this) {
            task = preparation();
        }
        // Prepares the gallery on this thread, unless another thread is preparing it or has prepared it already.
        task.run();
        try {
            return awaitUninterruptibly(task);
        } catch (ExecutionException e) {
            synchronized (this) {
                if (preparation == task) {
                    preparation = null;
                }
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException("the 1:N gallery cannot be prepared", e.getCause());
        }
    }

    /**
     * Waits for the preparation as a caller preparing it itself would (an interrupt does not cut the wait short, as
     * it did not when the gallery was prepared under this object's lock); the interrupt is kept for the caller.
     */
    private static FingerMatcher.Gallery<Iin> awaitUninterruptibly(FutureTask<FingerMatcher.Gallery<Iin>> task)
            throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The current preparation, a new one when there is none; the caller holds this object's lock. */
    private FutureTask<FingerMatcher.Gallery<Iin>> preparation() {
        if (preparation == null) {
            preparation = new FutureTask<>(this::prepare);
        }
        return preparation;
    }

    private FingerMatcher.Gallery<Iin> prepare() {
        FingerMatcher.Gallery<Long> byRow = matcher.gallery(store.allTemplates());
        return new FingerMatcher.Gallery<>() {
            @Override
            public int size() {
                return byRow.size();
            }

            @Override
            public long templateCount() {
                return byRow.templateCount();
            }

            @Override
            public List<FingerMatcher.SearchHit<Iin>> search(FingerTemplate probe, double threshold) {
                List<FingerMatcher.SearchHit<Iin>> hits = new ArrayList<>();
                for (FingerMatcher.SearchHit<Long> hit : byRow.search(probe, threshold)) {
                    store.findByRowId(hit.key()).ifPresent(
                            v -> hits.add(new FingerMatcher.SearchHit<>(v.voter().iin(), hit.score())));
                }
                return hits;
            }
        };
    }
}
