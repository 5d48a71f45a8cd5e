package kz.sailau.fingerprint.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.MalformedPacketException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Property tests: whatever is encoded decodes to the same packets, however the bytes are cut up. */
class PacketDecoderPropertiesTest {

    @Provide
    Arbitrary<Packet> packets() {
        Arbitrary<Integer> addresses = Arbitraries.oneOf(Arbitraries.just(Packet.DEFAULT_ADDRESS), Arbitraries.integers());
        Arbitrary<PacketType> types = Arbitraries.of(PacketType.class);
        Arbitrary<byte[]> payloads = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(Packet.MAX_PAYLOAD);
        return Combinators.combine(addresses, types, payloads).as(Packet::new);
    }

    @Property
    void encodeThenDecodeIsIdentity(@ForAll("packets") Packet packet) throws Exception {
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(packet.encode());
        assertEquals(packet, decoder.next());
        assertNull(decoder.next());
        assertEquals(0, decoder.bufferedBytes());
    }

    @Property(tries = 300)
    void streamsDecodeWhateverTheChunking(@ForAll @Size(min = 1, max = 8) List<@From("packets") Packet> sent,
                                          @ForAll @IntRange(min = 1, max = 300) int chunk,
                                          @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 0xEE) Integer> noise)
            throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        noise.forEach(stream::write); // garbage without 0xEF cannot start a header
        sent.forEach(p -> stream.writeBytes(p.encode()));
        byte[] bytes = stream.toByteArray();
        PacketDecoder decoder = new PacketDecoder();
        List<Packet> received = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            decoder.feed(bytes, offset, Math.min(chunk, bytes.length - offset));
            for (Packet p = decoder.next(); p != null; p = decoder.next()) {
                received.add(p);
            }
        }
        assertEquals(sent, received);
        assertEquals(noise.size(), decoder.discardedBytes());
    }

    @Property(tries = 300)
    void aCorruptedChecksumIsReportedAndTheNextPacketStillDecodes(@ForAll("packets") Packet first,
                                                                  @ForAll("packets") Packet second,
                                                                  @ForAll @IntRange(min = 1, max = 0xFFFF) int flip)
            throws Exception {
        byte[] bad = first.encode();
        int checksum = ((bad[bad.length - 2] & 0xFF) << 8 | (bad[bad.length - 1] & 0xFF)) ^ flip;
        bad[bad.length - 2] = (byte) (checksum >>> 8);
        bad[bad.length - 1] = (byte) checksum;
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(bad);
        decoder.feed(second.encode());
        assertThrows(ChecksumException.class, decoder::next);
        assertEquals(second, decoder.next());
    }

    @Property(tries = 500)
    void arbitraryBytesOnlyEverYieldPacketsOrSpecificErrors(@ForAll @Size(max = 2000) byte[] garbage,
                                                            @ForAll("packets") Packet after) {
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(garbage);
        int errors = 0;
        int packets = 0;
        while (true) {
            try {
                Packet packet = decoder.next();
                if (packet == null) {
                    break;
                }
                packets++;
            } catch (ChecksumException | MalformedPacketException e) {
                errors++;
            }
        }
        assertTrue(decoder.bufferedBytes() <= Packet.PREFIX_BYTES + Packet.MAX_PAYLOAD + Packet.CHECKSUM_BYTES,
                "decoder holds at most one frame while waiting");
        assertTrue(packets + errors <= garbage.length / 2 + 1);
    }

    @Provide
    Arbitrary<byte[]> sensorImages() {
        return Arbitraries.integers().between(0, 15).map(n -> (byte) (n * SensorImage.GRAY_STEP))
                .array(byte[].class).ofSize(SensorImage.PIXELS);
    }

    @Property(tries = 20)
    void imagesSurvivePackingFramingAndAssembly(@ForAll("sensorImages") byte[] pixels,
                                                @ForAll("packetSizes") int packetSize) throws Exception {
        List<Packet> packets = ImageTransfer.packets(SensorImage.pack(pixels), packetSize, Packet.DEFAULT_ADDRESS);
        ImageAssembler assembler = new ImageAssembler(SensorImage.PACKED_BYTES);
        PacketDecoder decoder = new PacketDecoder();
        for (Packet packet : packets) {
            decoder.feed(packet.encode());
        }
        boolean complete = false;
        for (Packet p = decoder.next(); p != null; p = decoder.next()) {
            complete = assembler.accept(p);
        }
        assertTrue(complete);
        assertEquals(java.util.Arrays.toString(pixels).hashCode(),
                java.util.Arrays.toString(SensorImage.unpack(assembler.image())).hashCode());
        assertTrue(java.util.Arrays.equals(pixels, SensorImage.unpack(assembler.image())));
    }

    @Provide
    Arbitrary<Integer> packetSizes() {
        return Arbitraries.of(32, 64, 128, 256);
    }

    @Property
    void quantisingIsIdempotentAndNearest(@ForAll @IntRange(min = 0, max = 255) int gray) {
        int quantised = SensorImage.quantise(gray);
        assertEquals(quantised, SensorImage.quantise(quantised));
        assertEquals(0, quantised % SensorImage.GRAY_STEP);
        assertTrue(Math.abs(quantised - gray) <= SensorImage.GRAY_STEP / 2);
    }

    @Property
    void systemParametersRoundTrip(@ForAll @IntRange(min = 0, max = 0xFFFF) int status,
                                   @ForAll @IntRange(min = 1, max = 5) int security,
                                   @ForAll int address,
                                   @ForAll("packetSizes") int packetSize,
                                   @ForAll @IntRange(min = 1, max = 12) int baudFactor) throws Exception {
        kz.sailau.fingerprint.SensorParameters parameters = new kz.sailau.fingerprint.SensorParameters(
                status, 9, 1000, security, address, packetSize, baudFactor * 9600);
        assertEquals(parameters, SystemParameterCodec.decode(SystemParameterCodec.encode(parameters)));
    }
}
