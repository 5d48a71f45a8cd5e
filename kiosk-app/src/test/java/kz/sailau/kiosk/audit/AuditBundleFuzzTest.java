package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.FuzzSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of what an observer's or the commission's machine reads from an
 * end-of-day bundle ({@link DayBundle#parse}, {@link BundleVerifier#verify}, with its detached signature) and
 * of the field encoding of the kiosk's own audit table ({@link AuditLog#decodeFields}).
 *
 * <p>Oracles: a bundle file is refused only with {@link BundleFormatException}, and one that is accepted
 * round-trips through {@link DayBundle#toJson}; verification of any bundle, any signature bytes and any
 * well-chained log of any events returns a result with named checks and never throws; a failed verification
 * never reports itself as passed; table fields are refused only with {@link IllegalArgumentException} and
 * round-trip. Seeds: {@code src/test/resources/kz/sailau/kiosk/audit/AuditBundleFuzzTestInputs/<method>/}.
 */
class AuditBundleFuzzTest {

    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void verifiesAnyBundleFile(byte[] json) {
        DayBundle.Parsed parsed;
        try {
            parsed = DayBundle.parse(json);
        } catch (BundleFormatException refused) {
            return;
        }
        DayBundle bundle = parsed.bundle();
        assertEquals(bundle, DayBundle.parse(bundle.toJson()).bundle(), "an accepted bundle does not round-trip");
        checkResult(BundleVerifier.verify(json, null, null, OptionalLong.of(1)));
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void verifiesAnySignatureBytes(byte[] signature) {
        BundleVerifier.Result result = BundleVerifier.verify(closedDay(List.of()).toJson(), signature, null,
                OptionalLong.empty());
        checkResult(result);
        assertEquals("signature", result.checks().get(0).name());
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void verifiesAnyWellChainedLog(FuzzedDataProvider data) {
        List<AuditEvent> events = new ArrayList<>();
        int count = data.consumeInt(0, 24);
        for (int i = 0; i < count; i++) {
            AuditEventType type = data.pickValue(AuditEventType.values());
            List<AuditField> fields = new ArrayList<>();
            int fieldCount = data.consumeInt(0, 4);
            for (int f = 0; f < fieldCount; f++) {
                try {
                    fields.add(new AuditField(data.pickValue(FIELD_NAMES), data.consumeString(40)));
                } catch (IllegalArgumentException notAField) {
                    // A value no factory makes: the log cannot hold it.
                }
            }
            try {
                events.add(new AuditEvent(type, fields));
            } catch (IllegalArgumentException notAnEvent) {
                // Duplicate field names.
            }
        }
        DayBundle bundle = closedDay(events);
        byte[] json = bundle.toJson();
        assertEquals(bundle, DayBundle.parse(json).bundle());
        checkResult(BundleVerifier.verify(json, null, null, OptionalLong.of(data.consumeLong(0, 5))));
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decodesTableFieldsOrRefuses(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<AuditField> fields;
        try {
            fields = AuditLog.decodeFields(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        StringBuilder again = new StringBuilder();
        for (AuditField field : fields) {
            assertFalse(field.value().contains(";"));
            again.append(field.name()).append('=').append(field.value()).append(';');
        }
        assertEquals(fields, AuditLog.decodeFields(again.toString()), "table fields do not round-trip");
    }

    private static final String[] FIELD_NAMES = {"reason", "method", "checkIns", "tokensIssued", "tokensVoided",
        "headSequence", "headHash", "signature", "clerk", "count", "version", "sha"};

    /** A closed day whose log is the given events, correctly chained, then DAY_CLOSED and its signed head. */
    private static DayBundle closedDay(List<AuditEvent> events) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        List<AuditEvent> all = new ArrayList<>(events);
        all.add(new AuditEvent(AuditEventType.DAY_CLOSED, List.of(AuditField.count("checkIns", 0),
                AuditField.count("tokensIssued", 0), AuditField.count("tokensVoided", 0))));
        for (int i = 0; i < all.size(); i++) {
            AuditEntry entry = AuditEntry.next(i + 1, T.plusSeconds(60L * i), all.get(i), previous);
            entries.add(entry);
            previous = entry.hash();
        }
        // The head that seals the close (its signature is only checked when a kiosk key is known).
        AuditEvent head = new AuditEvent(AuditEventType.CHAIN_HEAD_SIGNED, List.of(
                AuditField.count("headSequence", entries.size()), AuditField.digest("headHash", previous),
                AuditField.signature("signature", "DEMOnotARealSignature000")));
        entries.add(AuditEntry.next(entries.size() + 1, T.plusSeconds(60L * entries.size()), head, previous));
        return new DayBundle("KZ-2026-TEST", 101, 3, "ab".repeat(32), "0.1.0-SNAPSHOT", null, T,
                new DayCounts(0, 0, 0, Map.of(), Map.of(), 0, 0, 0), entries, List.of());
    }

    private static void checkResult(BundleVerifier.Result result) {
        assertNotNull(result.audit());
        assertFalse(result.checks().isEmpty());
        for (BundleVerifier.Check check : result.checks()) {
            assertNotNull(check.name());
            assertNotNull(check.message());
        }
        if (result.checks().stream().anyMatch(c -> !c.passed())) {
            assertFalse(result.passed());
        }
        assertTrue(result.passed() == result.checks().stream().allMatch(BundleVerifier.Check::passed));
    }

    @Test
    void validSeedsAreAccepted() {
        for (byte[] seed : FuzzSeeds.valid(getClass(), "verifiesAnyBundleFile")) {
            BundleVerifier.Result result = BundleVerifier.verify(seed, null, null, OptionalLong.empty());
            assertTrue(result.audit().intact(), result.audit().describe());
            assertFalse(result.passed(), "a bundle without a signature must not pass");
        }
        for (byte[] seed : FuzzSeeds.valid(getClass(), "decodesTableFieldsOrRefuses")) {
            assertEquals(3, AuditLog.decodeFields(new String(seed, StandardCharsets.UTF_8)).size());
        }
    }
}
