package kz.sailau.kiosk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditField;
import kz.sailau.kiosk.checkin.Refusal;
import org.junit.jupiter.api.Test;

class TurnoutTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** A log with events at the given UTC times. */
    private static List<AuditEntry> log(Object... typeAndTime) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        for (int i = 0; i < typeAndTime.length; i += 2) {
            AuditEventType type = (AuditEventType) typeAndTime[i];
            AuditEvent event = type == AuditEventType.CHECK_IN_REFUSED
                    ? AuditEvent.of(type, AuditField.code("reason", Refusal.NOT_IN_REGISTER)) : AuditEvent.of(type);
            AuditEntry entry = AuditEntry.next(i / 2 + 1, Instant.parse((String) typeAndTime[i + 1]), event, previous);
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    @Test
    void countsCheckInsOfEveryMethodByWholeHourOfThePollingStationAndLeavesTheHourUnderWayOut() {
        // Almaty is UTC+5: 02:10Z is 07:10 at the polling station.
        List<AuditEntry> entries = log(
                AuditEventType.CHECK_IN_BY_FINGERPRINT, "2026-11-20T02:10:00Z",
                AuditEventType.CHECK_IN_BY_OVERRIDE, "2026-11-20T02:59:00Z",
                AuditEventType.CHECK_IN_REFUSED, "2026-11-20T03:05:00Z",
                AuditEventType.TOKEN_ISSUED, "2026-11-20T00:00:00Z",
                AuditEventType.CHECK_IN_IN_FALLBACK, "2026-11-20T04:00:00Z",
                AuditEventType.CHECK_IN_BY_FINGERPRINT, "2026-11-20T05:01:00Z");
        Turnout turnout = Turnout.of(entries, Instant.parse("2026-11-20T05:30:00Z"), ALMATY);
        assertEquals(ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ALMATY), turnout.asOf());
        assertEquals(List.of(hour(7, 2), hour(8, 0), hour(9, 1)), turnout.hours());
        assertEquals(3, turnout.total(), "the check-in of 10:01 shows only once 10:00-11:00 is over");
        assertEquals(2, turnout.peak());
        Turnout later = Turnout.of(entries, Instant.parse("2026-11-20T06:00:00Z"), ALMATY);
        assertEquals(4, later.total());
        assertEquals(hour(10, 1), later.hours().get(3));
    }

    @Test
    void beforeTheFirstWholeHourThereIsNothingToShow() {
        List<AuditEntry> entries = log(AuditEventType.CHECK_IN_BY_FINGERPRINT, "2026-11-20T02:10:00Z");
        Turnout turnout = Turnout.of(entries, Instant.parse("2026-11-20T02:50:00Z"), ALMATY);
        assertTrue(turnout.hours().isEmpty());
        assertEquals(0, turnout.total());
        assertTrue(Turnout.of(List.of(), Instant.parse("2026-11-20T12:00:00Z"), ALMATY).hours().isEmpty());
    }

    private static Turnout.Hour hour(int localHour, long count) {
        return new Turnout.Hour(ZonedDateTime.of(2026, 11, 20, localHour, 0, 0, 0, ALMATY), count);
    }
}
