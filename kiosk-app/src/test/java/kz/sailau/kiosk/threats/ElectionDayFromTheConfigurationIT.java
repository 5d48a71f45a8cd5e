package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.app.KioskAdministration;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: an insider with the configuration file adds ballots, or turns voters away, by moving the day the kiosk
 * judges age and card expiry on (session H67). {@code kiosk.json}'s {@code electionDay} is a line nothing signs and
 * nothing recorded: moved a year on, every voter who comes of age within that year was checked in, and every
 * observer's check passed. Now each start records the day in the signed log (decision 0490): a start whose
 * configuration names another day than the one the log's voters were judged on is refused, and both verifiers print
 * the day the bundle's voters were judged on and fail a bundle whose voters were judged on two days.
 */
class ElectionDayFromTheConfigurationIT {

    private static final LocalDate ELECTION_DAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate A_YEAR_ON = LocalDate.of(2027, 11, 20);

    @TempDir
    Path root;

    @Test
    void aStartWithAnotherElectionDayThanTheVotersWereJudgedOnIsRefused() throws Exception {
        Path kiosk = root.resolve("kiosk");
        try (DayFixture day = DayFixture.open(kiosk, 16)) {
            // Before the first voter the day may still be corrected: a start of another day is no problem yet.
            KioskAdministration.recordStarted(day.database, Optional.of(day.credentials), DayFixture.CLOCK, A_YEAR_ON);
            assertFalse(ThreatWorld.checkOnlyOfFixture(kiosk, ELECTION_DAY).contains("electionDay:"),
                    "no voter was judged yet");
            KioskAdministration.recordStarted(day.database, Optional.of(day.credentials), DayFixture.CLOCK,
                    ELECTION_DAY);
            day.simulate(4);
        }
        String moved = ThreatWorld.checkOnlyOfFixture(kiosk, A_YEAR_ON);
        assertTrue(moved.contains("electionDay: kiosk.json says 2027-11-20, but this kiosk's signed audit log shows its"
                + " "), moved);
        assertTrue(moved.contains("judged on 2026-11-20") && moved.contains("[audit.error.electionDayChanged]"), moved);
        assertFalse(moved.contains("\tat "), "no stack trace");
        assertFalse(ThreatWorld.checkOnlyOfFixture(kiosk, ELECTION_DAY).contains("electionDay:"),
                "the day the voters were judged on");
    }

    @Test
    void bothVerifiersPrintTheDayAndFailVotersJudgedOnTwoDays() throws Exception {
        Path authority = RegisterFixtures.writeCertificate(root.resolve("authority.crt.pem"),
                RegisterFixtures.authority().certificate());
        Path honest = root.resolve("honest.json");
        try (DayFixture day = DayFixture.open(root.resolve("honest"), 16)) {
            KioskAdministration.recordStarted(day.database, Optional.of(day.credentials), DayFixture.CLOCK,
                    ELECTION_DAY);
            day.simulate(6);
            day.close(honest);
        }
        Path moved = root.resolve("moved.json");
        try (DayFixture day = DayFixture.open(root.resolve("moved"), 16)) {
            KioskAdministration.recordStarted(day.database, Optional.of(day.credentials), DayFixture.CLOCK,
                    ELECTION_DAY);
            day.simulate(6);
            // A program that skips the start's check (an older or patched one) starts with the day moved on.
            KioskAdministration.recordStarted(day.database, Optional.of(day.credentials), DayFixture.CLOCK,
                    A_YEAR_ON);
            day.ledger.audit(CheckInAuditEvent.REFUSED, "DOCUMENT_EXPIRED", Optional.empty());
            day.close(moved);
        }
        for (String command : List.of("audit", "bundle")) {
            DayFixture.Console ok = DayFixture.console();
            assertEquals(0, ok.run(command, "verify", honest.toString(), "--authority-cert", authority.toString()),
                    ok.out() + ok.err());
            assertTrue(ok.out().contains("ok\telection day\t2026-11-20: the "), ok.out());
            DayFixture.Console failed = DayFixture.console();
            assertEquals(1, failed.run(command, "verify", moved.toString(), "--authority-cert", authority.toString()),
                    failed.out() + failed.err());
            assertTrue(failed.out().contains("FAILED\telection day\tvoters were judged on 2 different election days, "
                    + "2026-11-20 and 2027-11-20"), failed.out());
            assertTrue(failed.out().contains("[bundle.check.electionDayChanged]"), failed.out());
            assertTrue(failed.err().isEmpty(), failed.err());
        }
    }
}
