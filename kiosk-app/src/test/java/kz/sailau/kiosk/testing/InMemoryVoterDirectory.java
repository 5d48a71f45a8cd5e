package kz.sailau.kiosk.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.checkin.RegisteredVoter;
import kz.sailau.kiosk.checkin.VoterDirectory;
import kz.sailau.kiosk.model.Iin;

/** A {@link VoterDirectory} over a list of entries held in memory; the gallery is prepared once, lazily. */
public final class InMemoryVoterDirectory implements VoterDirectory {

    private final Map<Iin, RegisteredVoter> voters = new LinkedHashMap<>();
    private final FingerMatcher matcher;
    private FingerMatcher.Gallery<Iin> gallery;

    /**
     * @param entries the register entries
     * @param matcher the matcher that prepares the 1:N gallery
     */
    public InMemoryVoterDirectory(List<RegisteredVoter> entries, FingerMatcher matcher) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        for (RegisteredVoter entry : entries) {
            voters.put(entry.voter().iin(), entry);
        }
    }

    @Override
    public Optional<RegisteredVoter> find(Iin iin) {
        return Optional.ofNullable(voters.get(Objects.requireNonNull(iin, "iin")));
    }

    @Override
    public synchronized FingerMatcher.Gallery<Iin> gallery() {
        if (gallery == null) {
            Map<Iin, List<FingerTemplate>> enrolled = new LinkedHashMap<>();
            voters.forEach((iin, entry) -> enrolled.put(iin, entry.templates()));
            gallery = matcher.gallery(enrolled);
        }
        return gallery;
    }
}
