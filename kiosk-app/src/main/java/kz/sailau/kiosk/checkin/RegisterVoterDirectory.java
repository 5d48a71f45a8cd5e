package kz.sailau.kiosk.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.register.RegisterStore;

/**
 * The {@link VoterDirectory} over the kiosk's encrypted register store. The 1:N gallery is prepared once
 * from all enrolled templates, keyed by the store's row id; only the few search hits are looked up to get
 * their IIN, so the whole register is never decrypted into memory at once.
 */
public final class RegisterVoterDirectory implements VoterDirectory {

    private final RegisterStore store;
    private final FingerMatcher matcher;
    private FingerMatcher.Gallery<Iin> gallery;

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

    @Override
    public synchronized FingerMatcher.Gallery<Iin> gallery() {
        if (gallery == null) {
            FingerMatcher.Gallery<Long> byRow = matcher.gallery(store.allTemplates());
            gallery = new FingerMatcher.Gallery<>() {
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
        return gallery;
    }
}
