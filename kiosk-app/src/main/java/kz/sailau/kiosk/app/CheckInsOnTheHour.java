package kz.sailau.kiosk.app;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.sailau.kiosk.ui.ClerkStationModel.KioskLine;

/**
 * The check-in counts the clerk station shows: each kiosk's count as read at the station's first read of the hour,
 * held until the next hour begins (decision 0514). A count that moved at each check-in would tell the room which
 * minute the voter they saw at that kiosk was checked in; the turnout shows nothing finer than the hour either
 * (decision 0201). A kiosk not yet counted this hour (it opened since) shows 0, which it had when the hour was
 * counted. The first read counts at once: the station's start is the administrator's act, not a voter's. Not
 * thread-safe: the station's one reader thread uses it.
 */
final class CheckInsOnTheHour {

    private ZonedDateTime hour;
    private final Map<String, Long> counted = new HashMap<>();

    /**
     * The lines to show now.
     *
     * @param live the lines with the ledger's counts as they are now
     * @param now  the time now in the polling station's zone
     * @return the same lines, each with its count as read on the hour
     */
    List<KioskLine> shown(List<KioskLine> live, ZonedDateTime now) {
        Objects.requireNonNull(live, "live");
        ZonedDateTime thisHour = now.truncatedTo(ChronoUnit.HOURS);
        if (!thisHour.equals(hour)) {
            hour = thisHour;
            counted.clear();
            live.forEach(line -> counted.put(line.name(), line.checkIns()));
        }
        return live.stream().map(line -> new KioskLine(line.name(), line.reachable(), line.reported(), line.paused(),
                line.fallback(), line.checksNobodyIn(), line.callsClerk(), line.openCases(),
                counted.getOrDefault(line.name(), 0L))).toList();
    }
}
