package kz.sailau.fingerprint.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SensorImageTest {

    @Test
    void packsTwoPixelsPerByteHighNibbleFirst() {
        byte[] gray = new byte[SensorImage.PIXELS];
        gray[0] = (byte) 255;
        gray[1] = 17;
        gray[2] = 8;
        gray[3] = 9;
        byte[] packed = SensorImage.pack(gray);
        assertEquals(SensorImage.PACKED_BYTES, packed.length);
        assertEquals(0xF1, packed[0] & 0xFF);
        assertEquals(0x01, packed[1] & 0xFF);
        byte[] unpacked = SensorImage.unpack(packed);
        assertEquals(255, unpacked[0] & 0xFF);
        assertEquals(17, unpacked[1] & 0xFF);
        assertEquals(0, unpacked[2] & 0xFF);
        assertEquals(17, unpacked[3] & 0xFF);
    }

    @Test
    void everyNibbleDecodesToNibbleTimesSeventeen() {
        byte[] packed = new byte[SensorImage.PACKED_BYTES];
        for (int i = 0; i < 256; i++) {
            packed[i] = (byte) i;
        }
        byte[] gray = SensorImage.unpack(packed);
        for (int i = 0; i < 256; i++) {
            assertEquals((i >> 4) * 17, gray[2 * i] & 0xFF);
            assertEquals((i & 15) * 17, gray[2 * i + 1] & 0xFF);
        }
        assertArrayEquals(packed, SensorImage.pack(gray));
    }

    @Test
    void rejectsWrongSizes() {
        assertThrows(IllegalArgumentException.class, () -> SensorImage.pack(new byte[10]));
        assertThrows(IllegalArgumentException.class, () -> SensorImage.unpack(new byte[10]));
        assertThrows(IllegalArgumentException.class, () -> SensorImage.nibbleOf(256));
        assertThrows(IllegalArgumentException.class, () -> ImageTransfer.packets(new byte[10], 100, 0));
    }

    @Test
    void theLastPacketOfATransferIsEndOfData() {
        var packets = ImageTransfer.packets(new byte[SensorImage.PACKED_BYTES], 128, Packet.DEFAULT_ADDRESS);
        assertEquals(288, packets.size());
        assertEquals(PacketType.END_OF_DATA, packets.get(287).type());
        assertEquals(PacketType.DATA, packets.get(286).type());
        assertEquals(128, packets.get(287).payloadLength());
    }
}
