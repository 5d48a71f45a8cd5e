package kz.sailau.kiosk.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.FuzzSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the printer emulator's ESC/POS parser, which reads whatever the host
 * writes to the printer's serial line.
 *
 * <p>The fuzzer chooses the bytes and how they are cut into reads. Oracle: no exception; what is printed, the
 * status requests and the skipped commands are the same whether the stream arrives whole or cut anywhere (a
 * command may be split across reads); text lines stay within {@link EscPosParser#MAX_LINE_CHARS}; a QR
 * payload within {@link EscPosParser#MAX_SYMBOL_BYTES}. Seeds:
 * {@code src/test/resources/kz/sailau/kiosk/devices/printer/EscPosParserFuzzTestInputs/}.
 */
class EscPosParserFuzzTest {

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parsesAnyStreamCutAnywhere(FuzzedDataProvider data) {
        int reads = data.consumeInt(0, 32);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            chunks.add(data.consumeBytes(data.consumeInt(0, 256)));
        }
        chunks.add(data.consumeRemainingAsBytes());

        Recording cut = new Recording();
        EscPosParser parser = new EscPosParser(cut);
        int total = 0;
        for (byte[] chunk : chunks) {
            parser.feed(chunk);
            total += chunk.length;
        }
        byte[] whole = new byte[total];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, whole, at, chunk.length);
            at += chunk.length;
        }
        Recording once = new Recording();
        new EscPosParser(once).feed(whole);

        assertEquals(once.events, cut.events, "the result depends on how the stream was cut");
        for (PrintedItem item : once.printed) {
            if (item instanceof PrintedItem.TextLine line) {
                assertTrue(line.text().length() <= EscPosParser.MAX_LINE_CHARS);
            } else if (item instanceof PrintedItem.QrCode qr) {
                assertTrue(qr.payload().length() <= EscPosParser.MAX_SYMBOL_BYTES);
            }
        }
    }

    /** Records every callback in order. */
    private static final class Recording implements EscPosParser.Listener {
        final List<Object> events = new ArrayList<>();
        final List<PrintedItem> printed = new ArrayList<>();

        @Override
        public void printed(PrintedItem item) {
            events.add(item);
            printed.add(item);
        }

        @Override
        public void statusRequested(int function) {
            events.add("status " + function);
        }

        @Override
        public void unsupported(String description) {
            events.add("unsupported " + description);
        }
    }

    @Test
    void validSeedsPrintOrAskForStatus() {
        for (byte[] seed : FuzzSeeds.valid(getClass(), "parsesAnyStreamCutAnywhere")) {
            Recording recording = new Recording();
            new EscPosParser(recording).feed(seed);
            assertTrue(recording.events.stream().noneMatch(e -> e.toString().startsWith("unsupported")),
                    recording.events.toString());
            assertTrue(recording.events.contains(new PrintedItem.Cut()) || recording.events.contains("status 4"),
                    recording.events.toString());
        }
    }
}
