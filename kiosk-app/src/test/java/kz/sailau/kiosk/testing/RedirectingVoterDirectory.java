package kz.sailau.kiosk.testing;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.checkin.RegisteredVoter;
import kz.sailau.kiosk.checkin.VoterDirectory;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;

/** A register plus the authority's redirection table's answers (decision 0210), for tests of the engine and screens. */
public final class RedirectingVoterDirectory implements VoterDirectory {

    private final VoterDirectory register;
    private final Map<Iin, PollingStation> elsewhere;

    /**
     * @param register  the precinct's register
     * @param elsewhere the table's answers by IIN (read on every lookup: a concurrent map may be filled later)
     */
    public RedirectingVoterDirectory(VoterDirectory register, Map<Iin, PollingStation> elsewhere) {
        this.register = Objects.requireNonNull(register, "register");
        this.elsewhere = Objects.requireNonNull(elsewhere, "elsewhere");
    }

    @Override
    public Optional<RegisteredVoter> find(Iin iin) {
        return register.find(iin);
    }

    @Override
    public Optional<PollingStation> pollingStationOf(Iin iin) {
        return Optional.ofNullable(elsewhere.get(iin));
    }

    @Override
    public FingerMatcher.Gallery<Iin> gallery() {
        return register.gallery();
    }
}
