package kz.sailau.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.FuzzSeeds;
import kz.sailau.kiosk.model.mrz.MrzFormatException;
import kz.sailau.kiosk.model.mrz.MrzParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the byte stream of a serial MRZ reader: {@link MrzLineAssembler} and,
 * behind it, {@link MrzParser}, as {@code SerialMrzReader} chains them.
 *
 * <p>The fuzzer chooses the bytes, how they are cut into reads and the pauses between reads. Oracle: every
 * zone is three non-blank printable-ASCII lines of at most {@link MrzLineAssembler#MAX_LINE} characters
 * joined by {@code \n}; when no pause exceeds {@link MrzLineAssembler#MAX_GAP_MILLIS} the zones do not
 * depend on how the stream was cut; each zone parses or is refused with {@link MrzFormatException}.
 * Seeds: {@code src/test/resources/kz/sailau/kiosk/devices/MrzLineAssemblerFuzzTestInputs/}.
 */
class MrzLineAssemblerFuzzTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    /** Short enough that even 65 reads, some of them empty, stay within one zone's allowed pause. */
    private static final long MAX_SHORT_GAP = MrzLineAssembler.MAX_GAP_MILLIS / 70;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void assemblesZonesFromAnyReads(FuzzedDataProvider data) {
        boolean pauses = data.consumeBoolean();
        int reads = data.consumeInt(0, 64);
        List<byte[]> chunks = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            chunks.add(data.consumeBytes(data.consumeInt(0, 128)));
            gaps.add(pauses ? data.consumeLong(0, 5_000) : data.consumeLong(0, MAX_SHORT_GAP));
        }
        chunks.add(data.consumeRemainingAsBytes());
        gaps.add(0L);

        MrzLineAssembler cut = new MrzLineAssembler();
        List<String> zones = new ArrayList<>();
        long now = 1_000_000;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            zones.addAll(cut.feed(chunk, chunk.length, now));
            now += gaps.get(i);
        }
        for (String zone : zones) {
            checkZone(zone);
        }
        if (!pauses) {
            int total = chunks.stream().mapToInt(c -> c.length).sum();
            byte[] whole = new byte[total];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, whole, at, chunk.length);
                at += chunk.length;
            }
            assertEquals(new MrzLineAssembler().feed(whole, whole.length, 0), zones,
                    "zones depend on how the stream was cut");
        }
    }

    private static void checkZone(String zone) {
        String[] lines = zone.split("\n", -1);
        assertEquals(3, lines.length);
        for (String line : lines) {
            assertFalse(line.isBlank());
            assertEquals(line.strip(), line);
            assertTrue(line.length() <= MrzLineAssembler.MAX_LINE);
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "non-printable character kept");
        }
        try {
            assertEquals(12, MrzParser.parse(zone, TODAY).iin().digits().length());
        } catch (MrzFormatException refused) {
            assertTrue(refused.messageKey().startsWith("mrz."), refused.messageKey());
        }
    }

    @Test
    void validSeedsGiveParsableZones() {
        for (byte[] seed : FuzzSeeds.valid(getClass(), "assemblesZonesFromAnyReads")) {
            List<String> zones = new MrzLineAssembler().feed(seed, seed.length, 0);
            assertEquals(2, zones.size());
            for (String zone : zones) {
                assertEquals("KAZ", MrzParser.parse(zone, TODAY).nationality());
            }
        }
    }
}
