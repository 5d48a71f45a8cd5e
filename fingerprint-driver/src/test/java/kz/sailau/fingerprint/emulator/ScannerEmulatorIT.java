package kz.sailau.fingerprint.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Random;
import kz.sailau.fingerprint.protocol.Acknowledgement;
import kz.sailau.fingerprint.protocol.Commands;
import kz.sailau.fingerprint.protocol.ConfirmationCode;
import kz.sailau.fingerprint.protocol.ImageAssembler;
import kz.sailau.fingerprint.protocol.ImageTransfer;
import kz.sailau.fingerprint.protocol.Packet;
import kz.sailau.fingerprint.protocol.PacketDecoder;
import kz.sailau.fingerprint.protocol.PacketType;
import kz.sailau.fingerprint.protocol.SensorImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Protocol details of the emulator, spoken byte by byte over jSerialComm without the driver. */
class ScannerEmulatorIT {

    private static final int ADDRESS = Packet.DEFAULT_ADDRESS;

    private ScannerEmulator emulator;
    private SerialPort port;
    private final PacketDecoder decoder = new PacketDecoder();

    @BeforeEach
    void start() throws Exception {
        emulator = ScannerEmulator.start();
        port = SerialPort.getCommPort(emulator.devicePath().toString());
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        assertTrue(port.openPort());
    }

    @AfterEach
    void stop() {
        port.closePort();
        emulator.close();
    }

    private void send(Packet packet) {
        byte[] bytes = packet.encode();
        assertEquals(bytes.length, port.writeBytes(bytes, bytes.length));
    }

    private Packet receive() throws Exception {
        byte[] buffer = new byte[512];
        for (int i = 0; i < 50; i++) {
            Packet packet = decoder.next();
            if (packet != null) {
                return packet;
            }
            int count = port.readBytes(buffer, buffer.length);
            assertTrue(count >= 0, "line alive");
            decoder.feed(buffer, 0, count);
        }
        throw new AssertionError("no packet within 5 s");
    }

    private ConfirmationCode ask(Packet command) throws Exception {
        send(command);
        return Acknowledgement.of(receive()).confirmation();
    }

    @Test
    void downloadedImageComesBackOnUpload() throws Exception {
        byte[] packed = new byte[SensorImage.PACKED_BYTES];
        new Random(7).nextBytes(packed);
        assertEquals(ConfirmationCode.NO_VALID_IMAGE, ask(Commands.imageToCharacterFile(ADDRESS, 1)));
        assertEquals(ConfirmationCode.OK, ask(Commands.downloadImage(ADDRESS)));
        for (Packet packet : ImageTransfer.packets(packed, 128, ADDRESS)) {
            send(packet);
        }
        assertEquals(ConfirmationCode.IMAGE_TOO_DISORDERLY, ask(Commands.imageToCharacterFile(ADDRESS, 1)),
                "random bytes are noise, not ridges (Img2Tz 0x06)");
        assertEquals(ConfirmationCode.OK, ask(Commands.uploadImage(ADDRESS)));
        ImageAssembler assembler = new ImageAssembler(SensorImage.PACKED_BYTES);
        while (!assembler.accept(receive())) {
            assertTrue(assembler.receivedBytes() < SensorImage.PACKED_BYTES);
        }
        assertArrayEquals(packed, assembler.image());
    }

    @Test
    void answersBadPacketsAndUnknownInstructionsWithReceiveError() throws Exception {
        byte[] bad = Commands.generateImage(ADDRESS).encode();
        bad[bad.length - 1] ^= 1;
        port.writeBytes(bad, bad.length);
        assertEquals(ConfirmationCode.RECEIVE_ERROR, Acknowledgement.of(receive()).confirmation());
        assertEquals(ConfirmationCode.RECEIVE_ERROR, ask(new Packet(ADDRESS, PacketType.COMMAND, new byte[] {0x33})));
        assertEquals(ConfirmationCode.INVALID_REGISTER, ask(new Packet(ADDRESS, PacketType.COMMAND,
                new byte[] {0x0E, 9, 1})));
        assertEquals(ConfirmationCode.IMAGE_UPLOAD_ERROR, ask(Commands.uploadImage(ADDRESS)));
        send(Commands.templateCount(ADDRESS));
        Acknowledgement count = Acknowledgement.of(receive());
        assertArrayEquals(new byte[2], count.parameters());
    }

    @Test
    void ignoresPacketsForAnotherAddress() throws Exception {
        send(Commands.generateImage(0x12345678));
        assertEquals(ConfirmationCode.NO_FINGER, ask(Commands.generateImage(ADDRESS)));
        assertEquals(1, emulator.generateImageCommands());
    }

    @Test
    void liftedFingerIsGoneAndSetSysParaChangesPacketSize() throws Exception {
        emulator.presentFinger(kz.sailau.fingerprint.TestImages.ridges(256, 288, 1));
        assertEquals(ConfirmationCode.OK, ask(Commands.generateImage(ADDRESS)));
        emulator.liftFinger();
        assertEquals(ConfirmationCode.NO_FINGER, ask(Commands.generateImage(ADDRESS)));
        assertEquals(ConfirmationCode.OK, ask(Commands.setSystemParameter(ADDRESS, Commands.PARAMETER_PACKET_SIZE, 0)));
        assertEquals(ConfirmationCode.OK, ask(Commands.uploadImage(ADDRESS)));
        Packet first = receive();
        assertNotNull(first);
        assertEquals(32, first.payloadLength());
        assertThrows(IllegalStateException.class, () -> {
            emulator.close();
            emulator.replug();
        });
    }
}
