package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The audit codecs: the field encoding of the log table and the bundle JSON round-trip every event the
 * catalogue admits, and hostile bundle files give {@link BundleFormatException} (or a located chain break),
 * never another exception.
 */
class AuditCodecPropertiesTest {

    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    @Provide
    Arbitrary<AuditField> fields() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<AuditField> counts = Combinators.combine(names, Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as(AuditField::count);
        Arbitrary<AuditField> codes = Combinators.combine(names, Arbitraries.of(AuditEventType.values()))
                .as(AuditField::code);
        Arbitrary<AuditField> digests = Combinators.combine(names,
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)).as(AuditField::digest);
        Arbitrary<AuditField> signatures = Combinators.combine(names, Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=").ofMinLength(16)
                .ofMaxLength(600)).as(AuditField::signature);
        return Arbitraries.oneOf(counts, codes, digests, signatures);
    }

    @Provide
    Arbitrary<List<AuditEntry>> logs() {
        Arbitrary<AuditEvent> events = Combinators.combine(Arbitraries.of(AuditEventType.values()),
                fields().list().ofMaxSize(8).uniqueElements(AuditField::name)).as(AuditEvent::new);
        return events.list().ofMinSize(1).ofMaxSize(30).map(list -> {
            List<AuditEntry> entries = new ArrayList<>();
            String previous = AuditEntry.GENESIS;
            for (int i = 0; i < list.size(); i++) {
                AuditEntry entry = AuditEntry.next(i + 1, T.plusSeconds(60L * i), list.get(i), previous);
                entries.add(entry);
                previous = entry.hash();
            }
            return entries;
        });
    }

    @Property(tries = 200)
    void tableFieldEncodingRoundTrips(@ForAll("logs") List<AuditEntry> log) {
        for (AuditEntry entry : log) {
            assertEquals(entry.event().fields(), AuditLog.decodeFields(AuditLog.encodeFields(entry.event())));
        }
    }

    @Property(tries = 100)
    void bundleJsonRoundTripsAndVerifies(@ForAll("logs") List<AuditEntry> log) {
        DayBundle bundle = new DayBundle("KZ-2026-TEST", 101, 3, "ab".repeat(32), "0.1.0-SNAPSHOT", null, T,
                new DayCounts(1, 0, 0, Map.of(), Map.of("UNDER_AGE", 2L), 1, 0, 0), log,
                List.of(new IssuedToken("0f".repeat(16), false)));
        DayBundle.Parsed parsed = DayBundle.parse(bundle.toJson());
        assertEquals(bundle, parsed.bundle());
        assertEquals(log.get(log.size() - 1).hash(), parsed.statedHeadHash());
        assertTrue(AuditChain.verify(parsed.bundle().entries()).intact());
    }

    @Property(tries = 300)
    void arbitraryBytesAreRefusedAsABundleAndNothingElse(@ForAll byte[] bytes) {
        assertThrows(BundleFormatException.class, () -> DayBundle.parse(bytes));
    }

    @Test
    void hostileBundlesAreRefusedCleanly() {
        List<String> hostile = List.of("", "null", "[]", "{}", "{\"format\":\"sailau-day-bundle-v2\"}",
                "{\"format\":\"sailau-day-bundle-v2\",\"closedAt\":\"2026-11-20T08:00:00Z\",\"auditLog\":"
                        + "[{\"sequence\":1,\"time\":\"2026-11-20T08:00:00Z\",\"type\":\"DAY_CLOSED\"}],"
                        + "\"issuedTokens\":{\"id\":1}}",
                "{\"format\":\"sailau-day-bundle-v1\",\"closedAt\":\"2026-11-20T08:00:00Z\",\"auditLog\":"
                        + "[{\"sequence\":1,\"time\":\"2026-11-20T08:00:00Z\",\"type\":\"DAY_CLOSED\"}]}",
                "{\"format\":\"sailau-day-bundle-v2\",\"closedAt\":\"yesterday\"}",
                "{\"format\":\"sailau-day-bundle-v2\",\"closedAt\":\"2026-11-20T08:00:00Z\",\"auditLog\":"
                        + "[{\"sequence\":0,\"time\":\"2026-11-20T08:00:00Z\",\"type\":\"DAY_CLOSED\"}]}",
                "{\"format\":\"sailau-day-bundle-v2\",\"closedAt\":\"2026-11-20T08:00:00Z\",\"auditLog\":"
                        + "[{\"sequence\":1,\"time\":\"2026-11-20T08:00:00Z\",\"type\":\"VOTED_FOR_X\"}]}",
                "{\"format\":\"sailau-day-bundle-v2\",\"closedAt\":\"2026-11-20T08:00:00Z\",\"auditLog\":"
                        + "[{\"sequence\":1,\"time\":\"2026-11-20T08:00:00Z\",\"type\":\"DAY_CLOSED\","
                        + "\"fields\":{\"note\":\"Иванов Иван 900101300017\"}}]}",
                "{\"format\":\"sailau-day-bundle-v2\",\"auditLog\":{\"a\":1}}",
                "{\"format\":\"sailau-day-bundle-v2\"" + ",\"x\":[".repeat(2000));
        for (String text : hostile) {
            assertThrows(BundleFormatException.class, () -> DayBundle.parse(text.getBytes(StandardCharsets.UTF_8)),
                    text.length() > 60 ? text.substring(0, 60) : text);
        }
    }
}
