package kz.sailau.kiosk.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What heads every report: the election, the precinct, and when it was printed (to the minute, in the polling
 * station's time zone).
 *
 * @param election  the election id
 * @param precinct  the precinct number
 * @param printedAt when the report is printed (kept to the minute)
 * @param zone      the polling station's time zone, in which hours are counted and times printed
 */
public record ReportHeading(String election, int precinct, Instant printedAt, ZoneId zone) {

    /** Truncates the time to the minute. */
    public ReportHeading {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(zone, "zone");
        printedAt = Objects.requireNonNull(printedAt, "printedAt").truncatedTo(ChronoUnit.MINUTES);
        if (precinct < 0) {
            throw new IllegalArgumentException("a precinct number is not negative");
        }
    }
}
