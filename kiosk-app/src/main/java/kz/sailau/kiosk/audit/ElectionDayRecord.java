package kz.sailau.kiosk.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The election day the kiosk judged voters on, as its signed audit log records it (decision 0490). The kiosk judges
 * age and card expiry on the configuration's {@code electionDay}, a line of {@code kiosk.json} that nothing signs:
 * moved a year on, every voter who comes of age within that year is checked in; moved back, young voters are turned
 * away and expired cards taken. Each start records the day in {@code KIOSK_STARTED}, so the day each check-in and
 * refusal was judged on is the day of the last start before it, inside the signed chain. The verifiers print it and
 * fail a log whose voters were judged on more than one day; a start refuses a configuration that names another day
 * than the one the log's voters were judged on.
 */
public final class ElectionDayRecord {

    /** The field of {@code KIOSK_STARTED} that holds the day. */
    public static final String FIELD = "electionDay";

    /** The entries whose outcome depends on the day: every check-in and every refusal at the kiosk. */
    private static final Set<AuditEventType> JUDGED = EnumSet.of(AuditEventType.CHECK_IN_BY_FINGERPRINT,
            AuditEventType.CHECK_IN_BY_OVERRIDE, AuditEventType.CHECK_IN_IN_FALLBACK,
            AuditEventType.CHECK_IN_ON_SPECIAL_LIST, AuditEventType.CHECK_IN_REFUSED);

    private static final Set<AuditEventType> READ = EnumSet.copyOf(JUDGED);

    static {
        READ.add(AuditEventType.KIOSK_STARTED);
    }

    private ElectionDayRecord() {
    }

    /**
     * What a log says of the election day.
     *
     * @param judged       the days the log's check-ins and refusals were judged on (the day of the last start
     *                     before each), in order
     * @param unrecorded   check-ins and refusals after no start that recorded a day (a kiosk of software before
     *                     decision 0490)
     * @param judgedVoters check-ins and refusals after a start that recorded a day
     * @param lastStarted  the day the last start recorded, if any did
     */
    public record Days(SortedSet<String> judged, long unrecorded, long judgedVoters, Optional<String> lastStarted) {
        /** Copies the set. */
        public Days {
            judged = new TreeSet<>(judged);
            Objects.requireNonNull(lastStarted, "lastStarted");
        }
    }

    /** The days {@code entries} (a whole log in order, or its starts, check-ins and refusals) record. */
    public static Days of(List<AuditEntry> entries) {
        SortedSet<String> judged = new TreeSet<>();
        long unrecorded = 0;
        long judgedVoters = 0;
        String day = null;
        for (AuditEntry entry : entries) {
            AuditEventType type = entry.event().type();
            if (type == AuditEventType.KIOSK_STARTED) {
                day = entry.event().field(FIELD);
            } else if (JUDGED.contains(type)) {
                if (day == null) {
                    unrecorded++;
                } else {
                    judged.add(day);
                    judgedVoters++;
                }
            }
        }
        return new Days(judged, unrecorded, judgedVoters, Optional.ofNullable(day));
    }

    /** What the kiosk database's log records, read in {@code connection}. */
    public static Days of(Connection connection) throws SQLException {
        return of(AuditLog.readTypes(connection, READ));
    }

    /**
     * Why a start with {@code configured} as its election day must not go on, if it must not: the log's voters were
     * judged on another day (or on several). Before the first voter the day may still be corrected.
     */
    public static Optional<String> startProblem(Days days, LocalDate configured) {
        String day = Objects.requireNonNull(configured, "configured").toString();
        if (days.judged().isEmpty() || days.judged().equals(new TreeSet<>(Set.of(day)))) {
            return Optional.empty();
        }
        return Optional.of("electionDay: kiosk.json says " + day + ", but this kiosk's signed audit log shows its "
                + days.judgedVoters() + " check-in(s) and refusal(s) judged on " + String.join(" and ", days.judged())
                + ": ages and card expiry would be judged on another day than the voters before; put back "
                + days.judged().last() + " [audit.error.electionDayChanged]");
    }

    /**
     * The verifiers' check {@code election day}: the day the bundle's voters were judged on, printed so that an
     * observer compares it with the election's date; fails when they were judged on more than one day.
     */
    public static BundleVerifier.Check check(List<AuditEntry> entries) {
        Days days = of(entries);
        String older = days.unrecorded() == 0 ? "" : "; " + days.unrecorded() + " check-in(s) and refusal(s) after "
                + "a start that recorded no day (kiosk software before decision 0490)";
        if (days.judged().size() > 1) {
            return BundleVerifier.Check.of(CHECK, false, "voters were judged on " + days.judged().size()
                    + " different election days, " + String.join(" and ", days.judged()) + ": kiosk.json's "
                    + "electionDay was changed between starts, so ages and card expiry were judged on a day that "
                    + "is not the election's for some of them" + older + " [bundle.check.electionDayChanged]");
        }
        if (days.judged().size() == 1) {
            return BundleVerifier.Check.of(CHECK, true, days.judged().first() + ": the " + days.judgedVoters()
                    + " check-in(s) and refusal(s) were judged on it (ages, card expiry); it must be the "
                    + "election's date" + older);
        }
        return BundleVerifier.Check.of(CHECK, true, days.lastStarted().map(d -> d + " (recorded at the last start; "
                + "no voter was judged)").orElse("not recorded (kiosk software before decision 0490)") + older);
    }

    /** The name of the verifiers' check. */
    public static final String CHECK = "election day";
}
