package kz.sailau.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MrzLineAssemblerTest {

    static final List<String> ZONE = List.of(
            "IDKAZ0412345670900101300017<<<",
            "9001011M3005316KAZ<<<<<<<<<<<4",
            "SERIKBAEV<<NURLAN<ADILULY<<<<<");
    static final String JOINED = String.join("\n", ZONE);

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> feedAll(MrzLineAssembler a, String text, long at) {
        byte[] b = ascii(text);
        return a.feed(b, b.length, at);
    }

    @Test
    void assemblesThreeLinesWithAnyLineEnding() {
        for (String end : List.of("\r\n", "\r", "\n")) {
            MrzLineAssembler a = new MrzLineAssembler();
            assertEquals(List.of(JOINED), feedAll(a, String.join(end, ZONE) + end, 0), end);
        }
    }

    @Test
    void skipsBlankLinesBetweenCardsAndKeepsCardsApart() {
        MrzLineAssembler a = new MrzLineAssembler();
        String card = String.join("\r\n", ZONE) + "\r\n";
        assertEquals(List.of(JOINED, JOINED), feedAll(a, "\r\n\r\n" + card + "\r\n" + card, 0));
    }

    @Test
    void pauseInsideAZoneDropsThePartialCard() {
        MrzLineAssembler a = new MrzLineAssembler();
        assertEquals(List.of(), feedAll(a, ZONE.get(0) + "\r\n" + ZONE.get(1) + "\r\n", 0));
        String card = String.join("\r\n", ZONE) + "\r\n";
        assertEquals(List.of(JOINED), feedAll(a, card, 5_000));
    }

    @Test
    void overlongLineDropsThePartialCard() {
        MrzLineAssembler a = new MrzLineAssembler();
        assertEquals(List.of(), feedAll(a, ZONE.get(0) + "\r\n" + "X".repeat(500) + "\r\n", 0));
        assertEquals(List.of(JOINED), feedAll(a, String.join("\r\n", ZONE) + "\r\n", 10));
    }

    @Test
    void controlBytesBecomeQuestionMarksForTheParserToReject() {
        MrzLineAssembler a = new MrzLineAssembler();
        byte[] b = ascii(ZONE.get(0) + "\r\n" + ZONE.get(1) + "\r\n" + "SERIK\u0000\u00FF" + "\r\n");
        List<String> zones = a.feed(b, b.length, 0);
        assertEquals(1, zones.size());
        assertTrue(zones.get(0).endsWith("SERIK??"), zones.get(0));
    }

    @Property(tries = 200)
    void anyChunkingGivesTheSameZones(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 17) Integer> cuts) {
        String stream = (String.join("\r\n", ZONE) + "\r\n").repeat(3);
        byte[] all = ascii(stream);
        MrzLineAssembler a = new MrzLineAssembler();
        List<String> zones = new ArrayList<>();
        int at = 0;
        int i = 0;
        while (at < all.length) {
            int n = Math.min(cuts.get(i++ % cuts.size()), all.length - at);
            byte[] chunk = new byte[n];
            System.arraycopy(all, at, chunk, 0, n);
            zones.addAll(a.feed(chunk, n, at));
            at += n;
        }
        assertEquals(List.of(JOINED, JOINED, JOINED), zones);
    }

    @Property(tries = 300)
    void anyBytesNeverBreakTheAssembler(@ForAll @Size(max = 600) List<Byte> bytes) {
        byte[] b = new byte[bytes.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = bytes.get(i);
        }
        MrzLineAssembler a = new MrzLineAssembler();
        for (String zone : a.feed(b, b.length, 0)) {
            assertEquals(3, zone.split("\n").length);
            for (String line : zone.split("\n")) {
                assertTrue(line.length() <= MrzLineAssembler.MAX_LINE);
            }
        }
        assertEquals(List.of(JOINED), feedAll(a, "\r\n" + String.join("\r\n", ZONE) + "\r\n", 5_000));
    }

    @Test
    void readsTheZoneSentAsOneLineOfNinetyCharacters() {
        MrzLineAssembler a = new MrzLineAssembler(MrzReaderProfile.Framing.ONE_LINE);
        assertEquals(List.of(JOINED), feedAll(a, String.join("", ZONE) + "\r", 0));
        assertEquals(List.of(JOINED), feedAll(a, "\r\n" + String.join("", ZONE) + "\n", 10), "blank lines between");
    }

    @Test
    void everyFramingOfTheCatalogueRoundTripsThroughTheEmulatorsBytes() {
        for (MrzReaderProfile profile : MrzReaderProfile.catalogue()) {
            MrzLineAssembler a = new MrzLineAssembler(profile.framing());
            byte[] bytes = MrzReaderEmulator.frame(profile.framing(), ZONE);
            List<String> zones = new ArrayList<>();
            for (int i = 0; i < bytes.length; i++) {   // one byte per read: framing must survive any cut
                zones.addAll(a.feed(new byte[] {bytes[i]}, 1, i));
            }
            assertEquals(List.of(JOINED), zones, profile.id());
        }
    }

    /**
     * 3M RTE6701-OEM RTE native block (Integration Manual 9.1.1): {@code <SOH>[length]"OU"<STX>[flag][rows]<ETX>
     * [BCC]}, each row followed by CR. A block whose BCC does not match is dropped whole.
     */
    @Test
    void anRteBlockWithAWrongBccIsDroppedAndTheNextOneRead() {
        MrzLineAssembler a = new MrzLineAssembler(MrzReaderProfile.Framing.RTE_BLOCK);
        byte[] good = MrzReaderEmulator.frame(MrzReaderProfile.Framing.RTE_BLOCK, ZONE);
        assertEquals(0x01, good[0]);
        assertEquals('O', good[3]);
        assertEquals(0x02, good[5]);
        assertEquals(0x03, good[good.length - 2]);
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 0x40;
        assertEquals(List.of(), a.feed(bad, bad.length, 0));
        assertEquals(List.of(JOINED), a.feed(good, good.length, 1));
    }

    @Test
    void aShortRowIsPaddedWithUnderscoresAsTheRteReaderDoesAndThusRefusedByTheParser() {
        MrzLineAssembler a = new MrzLineAssembler(MrzReaderProfile.Framing.RTE_BLOCK);
        List<String> damaged = List.of(ZONE.get(0), ZONE.get(1).substring(0, 20), ZONE.get(2));
        byte[] block = MrzReaderEmulator.frame(MrzReaderProfile.Framing.RTE_BLOCK, damaged);
        String zone = a.feed(block, block.length, 0).get(0);
        assertEquals(ZONE.get(1).substring(0, 20) + "__________", zone.split("\n")[1]);
    }
}
