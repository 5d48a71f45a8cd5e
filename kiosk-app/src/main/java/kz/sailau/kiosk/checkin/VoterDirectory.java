package kz.sailau.kiosk.checkin;

import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;

/** Port: the precinct register as the check-in engine reads it (decrypted, in memory or in the store). */
public interface VoterDirectory {

    /** The register entry for an IIN, if the register has one (of any precinct it carries). */
    Optional<RegisteredVoter> find(Iin iin);

    /**
     * The polling station where the voter of an IIN is registered, from the authority's redirection table (decision
     * 0210); empty when there is no table or it does not have the IIN. Asked only for a voter this register does not
     * hold.
     */
    default Optional<PollingStation> pollingStationOf(Iin iin) {
        return Optional.empty();
    }

    /**
     * The register's enrolled fingers prepared once for 1:N search, keyed by IIN. Built once per kiosk start;
     * the same instance is returned on every call.
     */
    FingerMatcher.Gallery<Iin> gallery();
}
