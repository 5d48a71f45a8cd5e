package kz.sailau.kiosk.ui;

import java.util.Optional;
import kz.sailau.kiosk.checkin.CheckInMessageKeys;
import kz.sailau.kiosk.checkin.CheckInState;

/**
 * The line that tells a voter of another precinct, and the clerk, where to vote: "your polling station is No. 102,
 * School 14, Abai Street 5", in the screen's language, from the authority's redirection table (decision 0210).
 */
final class StationLine {

    private StationLine() {
    }

    /** The key of the clerk's line: the voter's polling station, in the clerk's words (decision 0416). */
    static final String CLERK_KEY = "clerk.refusal.station";

    /** The line for a refusal that names a polling station, in the language of {@code m}; empty for any other refusal. */
    static Optional<String> of(Messages m, CheckInState.Refused refused) {
        return of(m, refused, CheckInMessageKeys.OTHER_PRECINCT_STATION_KEY);
    }

    /** The clerk console's line ("The voter's polling station is ..."), as {@link #of(Messages, CheckInState.Refused)}. */
    static Optional<String> forClerk(Messages m, CheckInState.Refused refused) {
        return of(m, refused, CLERK_KEY);
    }

    private static Optional<String> of(Messages m, CheckInState.Refused refused, String key) {
        return refused.station().map(station -> m.get(key, String.valueOf(station.precinct().number()),
                station.address(m.language().locale().getLanguage())));
    }
}
