package kz.sailau.kiosk.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEventType;

/**
 * Voters checked in so far and per hour, for the clerk's and observers' screen and the turnout slip: counts only,
 * by whole hours of the polling station's clock, and only hours that are over. The hour under way is not shown
 * until it ends, and neither is the total: a number that moves while people watch would tell them which minute a
 * voter they saw was checked in, and the hour is the finest time this view gives (decision 0201). Computed from the
 * check-in entries of the audit log ({@code CHECK_IN_BY_FINGERPRINT}, {@code CHECK_IN_BY_OVERRIDE},
 * {@code CHECK_IN_IN_FALLBACK}); nothing per voter.
 *
 * @param asOf  the end of the last whole hour counted (the start of the hour under way)
 * @param hours the whole hours from the first with a check-in up to {@code asOf}, each with its count (hours without
 *              check-ins in between are listed with 0)
 */
public record Turnout(ZonedDateTime asOf, List<Hour> hours) {

    /**
     * One whole hour.
     *
     * @param start    the hour's start in the polling station's time zone
     * @param checkIns voters checked in during it
     */
    public record Hour(ZonedDateTime start, long checkIns) {
        /** @throws IllegalArgumentException on a negative count or a start not on the hour */
        public Hour {
            Objects.requireNonNull(start, "start");
            if (checkIns < 0 || !start.equals(start.truncatedTo(ChronoUnit.HOURS))) {
                throw new IllegalArgumentException("an hour starts on the hour and counts from 0");
            }
        }
    }

    /** Copies the hours. */
    public Turnout {
        Objects.requireNonNull(asOf, "asOf");
        hours = List.copyOf(hours);
    }

    /** Voters checked in up to {@link #asOf}. */
    public long total() {
        return hours.stream().mapToLong(Hour::checkIns).sum();
    }

    /** The busiest hour's count (0 when none), to scale a chart. */
    public long peak() {
        return hours.stream().mapToLong(Hour::checkIns).max().orElse(0);
    }

    /**
     * Counts the check-ins of the log by whole hour, up to the start of the hour under way.
     *
     * @param entries the audit log in chain order
     * @param now     the time now
     * @param zone    the polling station's time zone
     */
    public static Turnout of(List<AuditEntry> entries, Instant now, ZoneId zone) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        ZonedDateTime asOf = now.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        TreeMap<ZonedDateTime, Long> counts = new TreeMap<>();
        for (AuditEntry entry : entries) {
            if (isCheckIn(entry.event().type())) {
                ZonedDateTime hour = entry.time().atZone(zone).truncatedTo(ChronoUnit.HOURS);
                if (hour.isBefore(asOf)) {
                    counts.merge(hour, 1L, Long::sum);
                }
            }
        }
        List<Hour> hours = new ArrayList<>();
        Optional<ZonedDateTime> first = counts.isEmpty() ? Optional.empty() : Optional.of(counts.firstKey());
        for (ZonedDateTime hour = first.orElse(asOf); hour.isBefore(asOf); hour = hour.plusHours(1)) {
            hours.add(new Hour(hour, counts.getOrDefault(hour, 0L)));
        }
        return new Turnout(asOf, hours);
    }

    private static boolean isCheckIn(AuditEventType type) {
        return type == AuditEventType.CHECK_IN_BY_FINGERPRINT || type == AuditEventType.CHECK_IN_BY_OVERRIDE
                || type == AuditEventType.CHECK_IN_IN_FALLBACK || type == AuditEventType.CHECK_IN_ON_SPECIAL_LIST;
    }
}
