package kz.sailau.fingerprint.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of what the sensor sends over the serial line: {@link PacketDecoder} (stream
 * reassembly and resynchronisation), and behind it {@link ImageAssembler} (image upload) and
 * {@link SystemParameterCodec} (the parameter block), as the serial driver chains them.
 *
 * <p>The fuzzer chooses the bytes, how they are cut into reads and the expected image size. Oracle: the
 * decoder only throws its declared {@link ChecksumException} and {@link MalformedPacketException}, each
 * consuming bytes (so draining ends); the packets, errors and skipped-byte count do not depend on how the
 * stream was cut; every packet re-encodes to a frame that decodes to itself; the image assembler never takes
 * more than the expected size; a decodable parameter block re-encodes to the same 16 bytes. Seeds:
 * {@code src/test/resources/kz/sailau/fingerprint/protocol/PacketDecoderFuzzTestInputs/}.
 */
class PacketDecoderFuzzTest {

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decodesAnyStreamCutAnywhere(FuzzedDataProvider data) {
        int expectedImageBytes = data.consumeInt(1, 4 * Packet.MAX_PAYLOAD);
        int reads = data.consumeInt(0, 32);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            chunks.add(data.consumeBytes(data.consumeInt(0, 300)));
        }
        chunks.add(data.consumeRemainingAsBytes());

        PacketDecoder cut = new PacketDecoder();
        List<Object> events = new ArrayList<>();
        int total = 0;
        for (byte[] chunk : chunks) {
            cut.feed(chunk);
            total += chunk.length;
            drain(cut, events, total);
        }
        byte[] whole = new byte[total];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, whole, at, chunk.length);
            at += chunk.length;
        }
        PacketDecoder once = new PacketDecoder();
        once.feed(whole);
        List<Object> onceEvents = new ArrayList<>();
        drain(once, onceEvents, total);
        assertEquals(onceEvents, events, "the result depends on how the stream was cut");
        assertEquals(once.discardedBytes(), cut.discardedBytes());
        assertEquals(once.bufferedBytes(), cut.bufferedBytes());
        assertTrue(cut.discardedBytes() + cut.bufferedBytes() <= total);

        ImageAssembler image = new ImageAssembler(expectedImageBytes);
        for (Object event : onceEvents) {
            if (event instanceof Packet packet) {
                checkPacket(packet);
                assemble(image, packet);
            }
        }
        assertTrue(image.receivedBytes() <= image.expectedBytes());
    }

    private static void drain(PacketDecoder decoder, List<Object> events, int bytesSoFar) {
        // Every packet and every error consumes at least one byte, so more calls than bytes means a loop.
        for (int calls = 0; calls <= bytesSoFar + 1; calls++) {
            try {
                Packet packet = decoder.next();
                if (packet == null) {
                    return;
                }
                events.add(packet);
            } catch (ChecksumException | MalformedPacketException e) {
                events.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        throw new AssertionError("the decoder does not stop producing results");
    }

    private static void checkPacket(Packet packet) {
        byte[] frame = packet.encode();
        assertEquals(packet.wireLength(), frame.length);
        PacketDecoder again = new PacketDecoder();
        again.feed(frame);
        try {
            assertEquals(packet, again.next());
        } catch (ChecksumException | MalformedPacketException e) {
            throw new AssertionError("a decoded packet does not decode again", e);
        }
        byte[] payload = packet.payload();
        if (payload.length >= SystemParameterCodec.LENGTH) {
            try {
                byte[] block = SystemParameterCodec.encode(SystemParameterCodec.decode(payload));
                assertArrayEquals(Arrays.copyOf(payload, SystemParameterCodec.LENGTH), block);
            } catch (MalformedPacketException refused) {
                // Declared: an impossible packet size code or baud factor.
            }
        }
    }

    private static void assemble(ImageAssembler image, Packet packet) {
        try {
            boolean complete = image.accept(packet);
            assertEquals(complete, image.isComplete());
            if (complete) {
                assertEquals(image.expectedBytes(), image.image().length);
            }
        } catch (MalformedPacketException refused) {
            // Declared: a packet that does not belong in an image transfer here.
        }
    }

    @Test
    void validSeedsDecodeWithoutErrors() throws Exception {
        Path seed = Path.of(getClass().getResource(
                "PacketDecoderFuzzTestInputs/decodesAnyStreamCutAnywhere/valid-parameters-and-image").toURI());
        byte[] stream = Files.readAllBytes(seed);
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(stream);
        List<Object> events = new ArrayList<>();
        drain(decoder, events, stream.length);
        assertEquals(4, events.size(), events.toString());
        assertTrue(events.stream().allMatch(e -> e instanceof Packet), events.toString());
        Packet acknowledgement = (Packet) events.get(1);
        byte[] block = Arrays.copyOfRange(acknowledgement.payload(), 1, 1 + SystemParameterCodec.LENGTH);
        assertEquals(57_600, SystemParameterCodec.decode(block).baudRate());
    }
}
