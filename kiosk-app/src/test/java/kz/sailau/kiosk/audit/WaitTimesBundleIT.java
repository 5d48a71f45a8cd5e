package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.timeline.CheckInPhase;
import kz.sailau.kiosk.timeline.CheckInTimeline;
import kz.sailau.kiosk.timeline.PhaseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-of-day bundle carries the check-in timeline's table (decision 0190) in a backward-compatible, verified
 * way: written and signed with the bundle, read back exactly, checked by the one verifier; a bundle without it verifies
 * as before; a malformed or impossible table fails the "wait times" check.
 */
class WaitTimesBundleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static PhaseTable table(int fingerprintCheckIns) {
        AtomicLong ticks = new AtomicLong();
        CheckInTimeline timeline = new CheckInTimeline(ticks::get);
        for (int i = 0; i < fingerprintCheckIns; i++) {
            timeline.fingerPlaced();
            ticks.addAndGet(Duration.ofMillis(3_500 + 10L * i).toNanos());
            timeline.tokenShown();
            timeline.record(CheckInPhase.DURABLE_COMMIT, Duration.ofMillis(20 + i));
            timeline.record(CheckInPhase.EXTRACTION, Duration.ofMillis(60 + i));
        }
        return timeline.table();
    }

    private static BundleVerifier.Check waitTimesCheck(BundleVerifier.Result result) {
        return result.checks().stream().filter(c -> c.name().equals("wait times")).findFirst().orElseThrow();
    }

    @Test
    void theTableIsSignedReadBackAndVerified() throws Exception {
        Path out = temp.resolve("day.json");
        PhaseTable table = table(10);
        try (DayFixture day = DayFixture.open(temp.resolve("kiosk"), 20)) {
            day.simulate(15);
            EndOfDay.close(day.database, day.credentials, day.kioskCertificate,
                    RegisterFixtures.authority().certificate(), KioskDataDirectory.at(day.directory).profile(),
                    new EndOfDay.Software("0.1.0-SNAPSHOT", null), table, out, DayFixture.CLOCK, RegisterFixtures.RANDOM);
        }
        byte[] json = Files.readAllBytes(out);
        JsonNode waitTimes = JSON.readTree(json).path("waitTimes");
        assertEquals(DayBundle.WAIT_TIMES_SINCE, waitTimes.path("since").asText());
        assertEquals(3, waitTimes.path("phases").size());
        assertEquals(table, DayBundle.parse(json).bundle().waitTimes(), "read back exactly");
        BundleVerifier.Result result = BundleVerifier.verify(json, Files.readAllBytes(out.resolveSibling(
                "day.json" + DayBundle.SIGNATURE_SUFFIX)), RegisterFixtures.authority().certificate(), OptionalLong.empty());
        assertTrue(result.passed(), result.checks().toString());
        BundleVerifier.Check check = waitTimesCheck(result);
        assertEquals(BundleVerifier.Status.PASSED, check.status());
        assertTrue(check.message().startsWith("3 phases measured since the kiosk started; finger to token p50 3.5"),
                check.message());
    }

    @Test
    void aBundleWithoutATableVerifiesAsBefore() throws Exception {
        Path out = temp.resolve("day.json");
        try (DayFixture day = DayFixture.open(temp.resolve("kiosk"), 10)) {
            day.simulate(5);
            day.close(out);
        }
        byte[] json = Files.readAllBytes(out);
        assertTrue(JSON.readTree(json).path("waitTimes").isMissingNode(), "no field at all: older readers see nothing new");
        BundleVerifier.Result result = BundleVerifier.verify(json, Files.readAllBytes(out.resolveSibling(
                "day.json" + DayBundle.SIGNATURE_SUFFIX)), RegisterFixtures.authority().certificate(), OptionalLong.empty());
        assertTrue(result.passed(), result.checks().toString());
        assertEquals("no table in this bundle", waitTimesCheck(result).message());
    }

    @Test
    void malformedOrImpossibleTablesFailTheCheck() throws Exception {
        Path out = temp.resolve("day.json");
        try (DayFixture day = DayFixture.open(temp.resolve("kiosk"), 20)) {
            day.simulate(15);
            EndOfDay.close(day.database, day.credentials, day.kioskCertificate,
                    RegisterFixtures.authority().certificate(), KioskDataDirectory.at(day.directory).profile(),
                    new EndOfDay.Software("0.1.0-SNAPSHOT", null), table(10), out, DayFixture.CLOCK,
                    RegisterFixtures.RANDOM);
        }
        ObjectNode root = (ObjectNode) JSON.readTree(out.toFile());
        long byFingerprint = root.path("counts").path("byFingerprint").asLong();

        ObjectNode tooMany = root.deepCopy();
        ((ObjectNode) tooMany.path("waitTimes").path("phases").get(2)).put("count", byFingerprint + 1);
        assertWaitTimesFail(tooMany, "the table counts " + (byFingerprint + 1) + " fingerprint check-ins");

        ObjectNode unknownPhase = root.deepCopy();
        ((ObjectNode) unknownPhase.path("waitTimes").path("phases").get(0)).put("phase", "VOTER_NAME");
        assertWaitTimesFail(unknownPhase, "unknown phase");

        ObjectNode extraField = root.deepCopy();
        ((ObjectNode) extraField.path("waitTimes").path("phases").get(0)).put("iin", "1");
        assertWaitTimesFail(extraField, "exactly phase, count, p50Micros, p95Micros");

        ObjectNode inverted = root.deepCopy();
        ((ObjectNode) inverted.path("waitTimes").path("phases").get(0)).put("p50Micros", 999_999_999L);
        assertWaitTimesFail(inverted, "p50 <= p95");

        ObjectNode fractional = root.deepCopy();
        ((ObjectNode) fractional.path("waitTimes").path("phases").get(0)).put("count", 1.5);
        assertWaitTimesFail(fractional, "not a whole number");
    }

    private static void assertWaitTimesFail(ObjectNode bundle, String expected) throws Exception {
        DayBundle.Parsed parsed = DayBundle.parse(JSON.writeValueAsBytes(bundle));
        BundleVerifier.Result result = BundleVerifier.verify(JSON.writeValueAsBytes(bundle), null, null,
                OptionalLong.empty());
        BundleVerifier.Check check = waitTimesCheck(result);
        assertEquals(BundleVerifier.Status.FAILED, check.status(), check.message());
        assertTrue(check.message().contains(expected), check.message());
        assertFalse(result.passed());
        assertEquals(!expected.startsWith("the table counts"), parsed.waitTimesProblem().isPresent(),
                "a malformed table is found when reading; an impossible one when checking against the log");
    }
}
