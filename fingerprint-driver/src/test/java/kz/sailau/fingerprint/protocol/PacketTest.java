package kz.sailau.fingerprint.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known byte sequences from the user manual's examples and the widely used Adafruit library. */
class PacketTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void verifyPasswordWithDefaultPasswordMatchesTheManual() {
        assertArrayEquals(hex("EF01 FFFFFFFF 01 0007 13 00000000 001B"),
                Commands.verifyPassword(Packet.DEFAULT_ADDRESS, 0).encode());
    }

    @Test
    void generateImageAndUploadImageMatchTheManual() {
        assertArrayEquals(hex("EF01 FFFFFFFF 01 0003 01 0005"), Commands.generateImage(Packet.DEFAULT_ADDRESS).encode());
        assertArrayEquals(hex("EF01 FFFFFFFF 01 0003 0A 000E"), Commands.uploadImage(Packet.DEFAULT_ADDRESS).encode());
        assertArrayEquals(hex("EF01 FFFFFFFF 01 0003 0F 0013"),
                Commands.readSystemParameters(Packet.DEFAULT_ADDRESS).encode());
        assertArrayEquals(hex("EF01 FFFFFFFF 01 0005 0E 04 0C 0024"),
                Commands.setSystemParameter(Packet.DEFAULT_ADDRESS, Commands.PARAMETER_BAUD_FACTOR, 12).encode());
    }

    @Test
    void acknowledgementOkIsTenBytesPlusCode() {
        Packet ok = new Acknowledgement(0, new byte[0]).toPacket(Packet.DEFAULT_ADDRESS);
        assertArrayEquals(hex("EF01 FFFFFFFF 07 0003 00 000A"), ok.encode());
        assertEquals(12, ok.wireLength());
    }

    @Test
    void checksumKeepsOnlyTheLowSixteenBits() {
        byte[] payload = new byte[256];
        java.util.Arrays.fill(payload, (byte) 0xFF);
        Packet packet = new Packet(0, PacketType.DATA, payload);
        assertEquals((0x02 + 0x01 + 0x02 + 256 * 0xFF) & 0xFFFF, packet.checksum());
    }

    @Test
    void rejectsOversizedPayloadAndCopiesTheArray() {
        assertThrows(IllegalArgumentException.class, () -> new Packet(0, PacketType.DATA, new byte[257]));
        byte[] payload = {1, 2, 3};
        Packet packet = new Packet(0, PacketType.DATA, payload);
        payload[0] = 9;
        assertEquals(1, packet.payloadByte(0));
        packet.payload()[1] = 9;
        assertEquals(2, packet.payloadByte(1));
    }

    @Test
    void toStringHidesDataPayload() {
        Packet packet = new Packet(0, PacketType.DATA, new byte[] {0x5A, 0x5A});
        assertFalse(packet.toString().toLowerCase().contains("5a"), packet.toString());
    }

    @Test
    void commandsRejectOutOfRangeParameters() {
        assertThrows(IllegalArgumentException.class, () -> Commands.setSystemParameter(0, 4, 13));
        assertThrows(IllegalArgumentException.class, () -> Commands.setSystemParameter(0, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> Commands.setSystemParameter(0, 6, 4));
        assertThrows(IllegalArgumentException.class, () -> Commands.setSystemParameter(0, 9, 1));
        assertThrows(IllegalArgumentException.class, () -> Commands.imageToCharacterFile(0, 3));
    }

    @Test
    void confirmationCodesAreDistinctAndLookUp() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (ConfirmationCode code : ConfirmationCode.values()) {
            assertEquals(true, seen.add(code.code()), "duplicate " + code);
            assertFalse(code.meaning().isBlank());
            if (code != ConfirmationCode.UNKNOWN) {
                assertEquals(code, ConfirmationCode.ofCode(code.code()));
            }
        }
        assertEquals(ConfirmationCode.WRONG_PASSWORD, ConfirmationCode.ofCode(0x13));
        assertEquals(ConfirmationCode.NO_FINGER, ConfirmationCode.ofCode(0x02));
        assertEquals(ConfirmationCode.UNKNOWN, ConfirmationCode.ofCode(0xEE));
        for (Instruction instruction : Instruction.values()) {
            assertEquals(instruction, Instruction.ofCode(instruction.code()));
        }
        assertEquals(null, Instruction.ofCode(0xFE));
    }

    @Test
    void lineTimingCountsTenBitsPerByte() {
        assertEquals(java.time.Duration.ofSeconds(1), LineTiming.wireTime(5760, 57_600));
        assertEquals(java.time.Duration.ofMillis(3475), LineTiming.wireTime(40_032, 115_200).withNanos(0)
                .plusMillis(LineTiming.wireTime(40_032, 115_200).toMillisPart()));
        assertEquals(40_032, ImageTransfer.wireBytes(SensorImage.PACKED_BYTES, 128));
        assertEquals(36_864 + 1152 * 11, ImageTransfer.wireBytes(SensorImage.PACKED_BYTES, 32));
    }
}
