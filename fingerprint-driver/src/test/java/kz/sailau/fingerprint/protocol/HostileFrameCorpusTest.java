package kz.sailau.fingerprint.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.stream.Stream;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.MalformedPacketException;
import kz.sailau.fingerprint.ScannerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile and broken frames. Each must end in a specific error (or "need more bytes"), never in
 * another exception, and a good packet sent after it must still decode.
 */
class HostileFrameCorpusTest {

    private static final Packet GOOD = new Acknowledgement(0, new byte[0]).toPacket(Packet.DEFAULT_ADDRESS);

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("length 0", hex("EF01 FFFFFFFF 07 0000"), MalformedPacketException.class),
                Arguments.of("length 1", hex("EF01 FFFFFFFF 07 0001 00"), MalformedPacketException.class),
                Arguments.of("length 0xFFFF", hex("EF01 FFFFFFFF 02 FFFF 00"), MalformedPacketException.class),
                Arguments.of("payload 257 bytes", hex("EF01 FFFFFFFF 02 0103"), MalformedPacketException.class),
                Arguments.of("identifier 0x00", hex("EF01 FFFFFFFF 00 0003 00 0003"), MalformedPacketException.class),
                Arguments.of("identifier 0xFF", hex("EF01 FFFFFFFF FF 0003 00 0102"), MalformedPacketException.class),
                Arguments.of("identifier 0x03", hex("EF01 FFFFFFFF 03 0003 00 0006"), MalformedPacketException.class),
                Arguments.of("checksum off by one", hex("EF01 FFFFFFFF 07 0003 00 000B"), ChecksumException.class),
                Arguments.of("checksum bytes swapped", hex("EF01 FFFFFFFF 07 0003 00 0A00"), ChecksumException.class),
                Arguments.of("empty ack, checksum zero", hex("EF01 FFFFFFFF 07 0002 0000"), ChecksumException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileFrameGivesSpecificErrorAndDecodingRecovers(String name, byte[] frame,
                                                           Class<? extends ScannerException> expected)
            throws Exception {
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(frame);
        decoder.feed(GOOD.encode());
        assertThrows(expected, decoder::next, name);
        Packet recovered = drainToPacket(decoder);
        assertEquals(GOOD, recovered, name);
    }

    @Test
    void truncatedFramesWaitForMoreBytes() throws Exception {
        byte[] full = GOOD.encode();
        for (int cut = 0; cut < full.length; cut++) {
            PacketDecoder decoder = new PacketDecoder();
            decoder.feed(full, 0, cut);
            assertNull(decoder.next(), "cut at " + cut);
            decoder.feed(full, cut, full.length - cut);
            assertEquals(GOOD, decoder.next(), "cut at " + cut);
        }
    }

    @Test
    void repeatedHeaderBytesAndLoneEfAreSkipped() throws Exception {
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(hex("EF EF EF 00 01 EF"));
        assertNull(decoder.next());
        decoder.feed(GOOD.encode());
        assertEquals(GOOD, drainToPacket(decoder));
    }

    @Test
    void aMegabyteOfNoiseWithoutHeaderIsDiscardedInBoundedMemory() throws Exception {
        PacketDecoder decoder = new PacketDecoder();
        byte[] noise = new byte[64 * 1024];
        java.util.Arrays.fill(noise, (byte) 0x01);
        for (int i = 0; i < 16; i++) {
            decoder.feed(noise);
            assertNull(decoder.next());
            assertEquals(0, decoder.bufferedBytes());
        }
        assertEquals(16L * noise.length, decoder.discardedBytes());
    }

    @Test
    void aHeaderAnnouncingAFullPacketHoldsAtMostOneFrame() throws Exception {
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(hex("EF01 FFFFFFFF 02 0102"));
        decoder.feed(new byte[200]);
        assertNull(decoder.next());
        assertEquals(209, decoder.bufferedBytes());
    }

    @Test
    void assemblerRejectsOverflowEarlyEndAndForeignTypes() throws Exception {
        ImageAssembler early = new ImageAssembler(8);
        assertThrows(MalformedPacketException.class,
                () -> early.accept(new Packet(0, PacketType.END_OF_DATA, new byte[4])));
        ImageAssembler overflow = new ImageAssembler(8);
        overflow.accept(new Packet(0, PacketType.DATA, new byte[6]));
        assertThrows(MalformedPacketException.class, () -> overflow.accept(new Packet(0, PacketType.DATA, new byte[6])));
        ImageAssembler foreign = new ImageAssembler(8);
        assertThrows(MalformedPacketException.class, () -> foreign.accept(GOOD));
        ImageAssembler complete = new ImageAssembler(2);
        complete.accept(new Packet(0, PacketType.END_OF_DATA, new byte[] {1, 2}));
        assertArrayEquals(new byte[] {1, 2}, complete.image());
        assertThrows(MalformedPacketException.class,
                () -> complete.accept(new Packet(0, PacketType.END_OF_DATA, new byte[] {1, 2})));
    }

    @Test
    void acknowledgementAndParametersRejectNonsense() {
        assertThrows(MalformedPacketException.class,
                () -> Acknowledgement.of(new Packet(0, PacketType.ACKNOWLEDGE, new byte[0])));
        assertThrows(MalformedPacketException.class,
                () -> Acknowledgement.of(new Packet(0, PacketType.DATA, new byte[1])));
        assertThrows(MalformedPacketException.class, () -> SystemParameterCodec.decode(new byte[15]));
        byte[] badSize = SystemParameterCodec.encode(
                new kz.sailau.fingerprint.SensorParameters(0, 9, 1, 3, -1, 128, 57_600));
        badSize[13] = 4;
        assertThrows(MalformedPacketException.class, () -> SystemParameterCodec.decode(badSize));
        byte[] badBaud = badSize.clone();
        badBaud[13] = 2;
        badBaud[15] = 0;
        assertThrows(MalformedPacketException.class, () -> SystemParameterCodec.decode(badBaud));
        badBaud[15] = 13;
        assertThrows(MalformedPacketException.class, () -> SystemParameterCodec.decode(badBaud));
    }

    private static Packet drainToPacket(PacketDecoder decoder) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                Packet packet = decoder.next();
                if (packet != null) {
                    return packet;
                }
                return null;
            } catch (ChecksumException | MalformedPacketException e) {
                // keep resynchronising
            }
        }
        throw new AssertionError("decoder did not recover");
    }
}
