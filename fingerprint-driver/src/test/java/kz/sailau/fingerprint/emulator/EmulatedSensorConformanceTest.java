package kz.sailau.fingerprint.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.TestImages;
import kz.sailau.fingerprint.protocol.Packet;
import kz.sailau.fingerprint.protocol.PacketDecoder;
import kz.sailau.fingerprint.protocol.PacketType;
import org.junit.jupiter.api.Test;

/**
 * The emulated sensor against the published protocol, not against our driver: every command below is written as
 * the bytes the manuals print, and every answer is checked against the manuals' acknowledge formats.
 *
 * <p>Sources: "ZFM-20 Series Fingerprint Identification Module User Manual" (Zhian, Ver 2.0) and the ZFM-70 manual
 * of the same family, sections 5.1 "Data package format", 5.2 "Check and acknowledgement of data package" and 6
 * "Module instruction system"; "R503 Fingerprint Module User Manual" (Grow, Ver 1.2.2), sections "Power-on delay
 * time", "System Configuration Parameters", ReadSysPara and SetSysPara tables, Search, ReadProdInfo and the
 * confirmation code list.
 */
class EmulatedSensorConformanceTest {

    private static final HexFormat HEX = HexFormat.of();
    private final Random random = new Random(7);

    private EmulatedSensor sensor(SensorProfile profile) {
        EmulatedSensor sensor = new EmulatedSensor(profile, 0, Packet.DEFAULT_ADDRESS, 57_600, 128,
                FingerSource.NONE, random);
        sensor.powerOn();
        return sensor;
    }

    /** Sends the bytes of one command packet as the manual prints them; returns every byte the module answers. */
    private static byte[] send(EmulatedSensor sensor, String hex) {
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(HEX.parseHex(hex.replace(" ", "")));
        List<byte[]> out = new ArrayList<>();
        try {
            for (Packet packet = decoder.next(); packet != null; packet = decoder.next()) {
                sensor.handle(packet).forEach(reply -> out.add(reply.bytes()));
            }
        } catch (Exception e) {
            throw new AssertionError("the test's own bytes are wrong", e);
        }
        return out.stream().reduce(new byte[0], EmulatedSensorConformanceTest::concat);
    }

    private static String hex(byte[] bytes) {
        return HEX.withDelimiter(" ").formatHex(bytes).toUpperCase();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** 6.2.x GenImg (0x01): command EF01 FFFFFFFF 01 0003 01 0005; "no finger" is confirmation code 0x02. */
    @Test
    void genImgWithoutAFingerIsAnsweredTwo() {
        assertEquals("EF 01 FF FF FF FF 07 00 03 02 00 0C", hex(send(sensor(SensorProfile.ZFM_20),
                "EF01 FFFFFFFF 01 0003 01 0005")));
    }

    /**
     * ReadSysPara (0x0F): acknowledge length 0x0013, sixteen bytes: status, system identifier (ZFM: "Fixed value
     * 0x0009"; R503: 0x0000), library size, security level, address, packet size code, baud factor N.
     */
    @Test
    void readSysParaFollowsTheParameterTableOfEachManual() {
        byte[] zfm = send(sensor(SensorProfile.ZFM_20), "EF01 FFFFFFFF 01 0003 0F 0013");
        assertEquals("EF 01 FF FF FF FF 07 00 13 00 00 00 00 09 00 A2 00 03 FF FF FF FF 00 02 00 06",
                hex(java.util.Arrays.copyOf(zfm, 26)));
        byte[] r503 = send(sensor(SensorProfile.R503), "EF01 FFFFFFFF 01 0003 0F 0013");
        assertEquals("00 00 00 00 00 C8", hex(java.util.Arrays.copyOfRange(r503, 10, 16)), "id 0x0000, 200");
    }

    /** TempleteNum (0x1D): the R503 manual prints the command as EF01 xxxx 01 0003 1D 0021; answer length 5. */
    @Test
    void templeteNumAnswersTwoBytesOfCount() {
        assertEquals("EF 01 FF FF FF FF 07 00 05 00 00 00 00 0C", hex(send(sensor(SensorProfile.R503),
                "EF01 FFFFFFFF 01 0003 1D 0021")));
    }

    /** SetSysPara parameter 4 on the R503 takes only "Data range: 1, 2/4/6/12"; the ZFM-20 takes 1..12. */
    @Test
    void baudFactorsOutsideTheModelsRangeAreRefused() {
        String setN3 = "EF01 FFFFFFFF 01 0005 0E 04 03 001B";
        assertEquals(0x1B, send(sensor(SensorProfile.R503), setN3)[9] & 0xFF, "R503 refuses N = 3");
        assertEquals(0x00, send(sensor(SensorProfile.ZFM_20), setN3)[9] & 0xFF, "ZFM-20 takes N = 3");
        assertEquals(0x1B, send(sensor(SensorProfile.R305), "EF01 FFFFFFFF 01 0005 0E 04 0C 0024")[9] & 0xFF,
                "R305 batches stop at N = 6");
        assertEquals(0x1A, send(sensor(SensorProfile.ZFM_20), "EF01 FFFFFFFF 01 0005 0E 09 01 001E")[9] & 0xFF,
                "unknown parameter number: wrong register");
    }

    /**
     * R503 "System Configuration Parameters": after SetSysPara "the system must be powered on again"; SoftRst (0x3D)
     * answers 0x00, restarts, and the module then sends 0x55 ("Power-on delay time").
     */
    @Test
    void r503SettingsApplyOnlyAfterARestartWhichEndsWithTheReadyByte() {
        EmulatedSensor sensor = sensor(SensorProfile.R503);
        assertEquals(0x00, send(sensor, "EF01 FFFFFFFF 01 0005 0E 04 0C 0024")[9] & 0xFF);
        assertEquals(57_600, sensor.baudRate(), "still the old speed");
        byte[] reset = send(sensor, "EF01 FFFFFFFF 01 0003 3D 0041");
        assertEquals("EF 01 FF FF FF FF 07 00 03 00 00 0A 55", hex(reset));
        assertEquals(115_200, sensor.baudRate());
        assertEquals(0x55, sensor(SensorProfile.R503).powerOn().orElseThrow().bytes()[0] & 0xFF);
        assertTrue(sensor(SensorProfile.ZFM_20).powerOn().isEmpty(), "the ZFM-20 sends nothing at start");
    }

    /** The R503's extra instructions; an unknown one is 0xFC on the R503 ("Unsupported command"). */
    @Test
    void extraInstructionsExistOnlyWhereTheManualHasThem() {
        String aura = "EF01 FFFFFFFF 01 0007 35 01 20 02 03 0063";
        assertEquals(0x00, send(sensor(SensorProfile.R503), aura)[9] & 0xFF);
        assertEquals(0x01, send(sensor(SensorProfile.ZFM_20), aura)[9] & 0xFF);
        assertEquals(0xFC, send(sensor(SensorProfile.R503), "EF01 FFFFFFFF 01 0003 99 009D")[9] & 0xFF);
        EmulatedSensor r503 = sensor(SensorProfile.R503);
        send(r503, aura);
        assertArrayEquals(new int[] {1, 0x20, 2, 3}, r503.auraLed());
        byte[] info = send(r503, "EF01 FFFFFFFF 01 0003 3C 0040");
        assertEquals(11 + 1 + 46, info.length, "46 bytes of product information");
        assertEquals("00 C0 00 C0", hex(java.util.Arrays.copyOfRange(info, 10 + 38, 10 + 42)), "192 x 192");
    }

    /** UpImage (0x0A): acknowledge 0x00, then data packets (0x02) and one end packet (0x08) of the image. */
    @Test
    void upImageSendsTheProfilesGeometryInUpperFourBits() throws Exception {
        EmulatedSensor sensor = sensor(SensorProfile.R503);
        byte[] gray = new byte[192 * 192];
        java.util.Arrays.fill(gray, (byte) 31); // upper four bits 1; rounding would give 2
        sensor.presentFinger(gray);
        send(sensor, "EF01 FFFFFFFF 01 0003 01 0005");
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(send(sensor, "EF01 FFFFFFFF 01 0003 0A 000E"));
        assertEquals(PacketType.ACKNOWLEDGE, decoder.next().type());
        int bytes = 0;
        int packets = 0;
        Packet packet;
        do {
            packet = decoder.next();
            packets++;
            bytes += packet.payloadLength();
            assertEquals(0x11, packet.payloadByte(0));
        } while (packet.type() == PacketType.DATA);
        assertEquals(PacketType.END_OF_DATA, packet.type());
        assertEquals(192 * 192 / 2, bytes);
        assertEquals(144, packets, "18,432 bytes in 128-byte packets");
    }

    /**
     * Img2Tz (0x02): 0x06 "over-disorderly fingerprint image" for noise, 0x07 "lackness of character point or
     * over-smallness" for an empty image, 0x15 without an image, 0x00 for ridges.
     */
    @Test
    void img2TzJudgesTheImage() {
        EmulatedSensor sensor = sensor(SensorProfile.ZFM_20);
        String img2tz = "EF01 FFFFFFFF 01 0004 02 01 0008";
        assertEquals(0x15, send(sensor, img2tz)[9] & 0xFF, "no image yet");
        byte[] noise = new byte[256 * 288];
        new Random(1).nextBytes(noise);
        assertEquals(0x06, capture(sensor, noise, img2tz));
        byte[] white = new byte[256 * 288];
        java.util.Arrays.fill(white, (byte) 0xFF);
        assertEquals(0x07, capture(sensor, white, img2tz));
        assertEquals(0x00, capture(sensor, ridges(1), img2tz));
    }

    /**
     * Enrol and identify as the manuals' flow does it: GenImg, Img2Tz 1, GenImg, Img2Tz 2, RegModel, Store; then
     * TempleteNum, ReadIndexTable (bit n of byte n / 8 for template n, acknowledge length 0x0023), Search
     * (page and score; "no matching in the library (both the PageID and matching score are 0)" is 0x09),
     * Store beyond the library (0x0B), Empty.
     */
    @Test
    void enrolStoreSearchAndEmpty() {
        EmulatedSensor sensor = sensor(SensorProfile.ZFM_20);
        assertEquals(0x00, capture(sensor, ridges(2), "EF01 FFFFFFFF 01 0004 02 01 0008"));
        assertEquals(0x00, capture(sensor, ridges(2), "EF01 FFFFFFFF 01 0004 02 02 0009"));
        assertEquals(0x00, send(sensor, "EF01 FFFFFFFF 01 0003 05 0009")[9] & 0xFF, "RegModel");
        assertEquals(0x00, send(sensor, "EF01 FFFFFFFF 01 0006 06 01 0005 0013")[9] & 0xFF, "Store page 5");
        assertEquals(0x0B, send(sensor, "EF01 FFFFFFFF 01 0006 06 01 00A2 00B0")[9] & 0xFF, "page 162 is beyond");
        assertEquals("00 01", hex(java.util.Arrays.copyOfRange(send(sensor, "EF01 FFFFFFFF 01 0003 1D 0021"),
                10, 12)));
        byte[] index = send(sensor, "EF01 FFFFFFFF 01 0004 1F 00 0024");
        assertEquals("00 23", hex(java.util.Arrays.copyOfRange(index, 7, 9)));
        assertEquals(0x20, index[10] & 0xFF, "template 5 is bit 5 of the first byte");
        byte[] found = send(sensor, "EF01 FFFFFFFF 01 0008 04 01 0000 00A2 00B0");
        assertEquals(0x00, found[9] & 0xFF);
        assertEquals("00 05", hex(java.util.Arrays.copyOfRange(found, 10, 12)));
        assertEquals(0x00, send(sensor, "EF01 FFFFFFFF 01 0003 0D 0011")[9] & 0xFF, "Empty");
        byte[] missing = send(sensor, "EF01 FFFFFFFF 01 0008 04 01 0000 00A2 00B0");
        assertEquals("EF 01 FF FF FF FF 07 00 07 09 00 00 00 00 00 17", hex(missing));
    }

    /** RegModel (0x05): "0x0A: fail to combine the character files", i.e. they are not one finger. */
    @Test
    void twoDifferentFingersDoNotCombine() {
        EmulatedSensor sensor = sensor(SensorProfile.ZFM_20);
        capture(sensor, ridges(2), "EF01 FFFFFFFF 01 0004 02 01 0008");
        capture(sensor, TestImages.grayPixels(stripes()), "EF01 FFFFFFFF 01 0004 02 02 0009");
        assertEquals(0x0A, send(sensor, "EF01 FFFFFFFF 01 0003 05 0009")[9] & 0xFF);
        assertEquals(0x08, send(sensor, "EF01 FFFFFFFF 01 0003 03 0007")[9] & 0xFF, "Match: no match");
    }

    /** GetRandomCode (0x14): acknowledge length 7, four bytes of the generator. */
    @Test
    void getRandomCodeAnswersFourBytes() {
        int expected = new Random(7).nextInt();
        byte[] answer = send(sensor(SensorProfile.ZFM_20), "EF01 FFFFFFFF 01 0003 14 0018");
        assertEquals("00 07 00", hex(java.util.Arrays.copyOfRange(answer, 7, 10)));
        assertEquals(expected, java.nio.ByteBuffer.wrap(answer, 10, 4).getInt());
    }

    /** SetAdder (0x15): the acknowledgement comes from the new address; the old one is then ignored. */
    @Test
    void setAdderAnswersFromTheNewAddress() {
        EmulatedSensor sensor = sensor(SensorProfile.ZFM_20);
        assertEquals("EF 01 12 34 56 78 07 00 03 00 00 0A",
                hex(send(sensor, "EF01 FFFFFFFF 01 0007 15 12345678 0131")));
        assertEquals(0, send(sensor, "EF01 FFFFFFFF 01 0003 0F 0013").length, "old address: silence");
    }

    /** A changed password must be verified first after power-on (R503 confirmation code 0x21). */
    @Test
    void aChangedPasswordMustBeVerifiedFirst() {
        EmulatedSensor sensor = sensor(SensorProfile.R503);
        assertEquals(0x00, send(sensor, "EF01 FFFFFFFF 01 0007 12 00000001 001B")[9] & 0xFF, "SetPwd 1");
        sensor.powerOn();
        assertEquals(0x21, send(sensor, "EF01 FFFFFFFF 01 0003 0F 0013")[9] & 0xFF);
        assertEquals(0x13, send(sensor, "EF01 FFFFFFFF 01 0007 13 00000000 001B")[9] & 0xFF, "wrong password");
        assertEquals(0x00, send(sensor, "EF01 FFFFFFFF 01 0007 13 00000001 001C")[9] & 0xFF);
        assertEquals(0x00, send(sensor, "EF01 FFFFFFFF 01 0003 0F 0013")[9] & 0xFF);
    }

    /** Notepad: 16 pages of 32 bytes; a page number beyond is 0x1C "wrong notepad page number". */
    @Test
    void notepadPagesRoundTrip() {
        EmulatedSensor sensor = sensor(SensorProfile.ZFM_20);
        String page = "A5".repeat(32);
        int sum = 0x01 + 0x00 + 0x24 + 0x18 + 0x03 + 32 * 0xA5;
        assertEquals(0x00, send(sensor, "EF01 FFFFFFFF 01 0024 18 03 " + page
                + String.format("%04X", sum & 0xFFFF))[9] & 0xFF);
        byte[] read = send(sensor, "EF01 FFFFFFFF 01 0004 19 03 0021");
        assertEquals(page, HEX.formatHex(java.util.Arrays.copyOfRange(read, 10, 42)).toUpperCase());
        assertEquals(0x1C, send(sensor, "EF01 FFFFFFFF 01 0004 19 10 002E")[9] & 0xFF);
    }

    private static int capture(EmulatedSensor sensor, byte[] gray, String img2tz) {
        sensor.presentFinger(gray);
        send(sensor, "EF01 FFFFFFFF 01 0003 01 0005");
        return send(sensor, img2tz)[9] & 0xFF;
    }

    private static byte[] ridges(int seed) {
        return SensorImageFitter.raw(TestImages.ridges(256, 288, seed), SensorProfile.ZFM_20);
    }

    /** Straight diagonal ridges: a flow no whorl shares. */
    private static BufferedImage stripes() {
        BufferedImage image = new BufferedImage(256, 288, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 288; y++) {
            for (int x = 0; x < 256; x++) {
                int value = (int) (128 + 120 * Math.sin(2 * Math.PI * (x + y) / 9.0));
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return image;
    }
}
