package kz.sailau.fingerprint.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureCancelledException;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.NoFingerException;
import kz.sailau.fingerprint.ScannerDisconnectedException;
import kz.sailau.fingerprint.ScannerTimeoutException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.fingerprint.WrongPasswordException;
import kz.sailau.fingerprint.protocol.Acknowledgement;
import kz.sailau.fingerprint.protocol.ConfirmationCode;
import kz.sailau.fingerprint.protocol.ImageTransfer;
import kz.sailau.fingerprint.protocol.Instruction;
import kz.sailau.fingerprint.protocol.Packet;
import kz.sailau.fingerprint.protocol.PacketDecoder;
import kz.sailau.fingerprint.protocol.SensorImage;
import kz.sailau.fingerprint.protocol.SystemParameterCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's decisions (polling, timeouts, retries, disconnects) against an in-memory line and a fake clock:
 * exact counts and exact times, no waiting.
 */
class SerialFingerprintScannerTest {

    private static final int ADDRESS = Packet.DEFAULT_ADDRESS;
    private static final Duration SLICE = Duration.ofMillis(JSerialCommLine.READ_SLICE_MILLIS);

    private final FakeTiming timing = new FakeTiming();
    private final List<FakeLine> opened = new ArrayList<>();
    private Function<Packet, byte[]> sensor = SerialFingerprintScannerTest::healthySensor;
    /** How long the fake module works on a command before its answer can be read. */
    private Function<Packet, Duration> workingTime = command -> Duration.ZERO;
    private SerialFingerprintScanner scanner;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private SerialFingerprintScanner scanner() {
        SerialScannerSettings settings = SerialScannerSettings.of(Path.of("/dev/fake"), 57_600)
                .withTiming(Duration.ofSeconds(1), 3, Duration.ofMillis(100));
        return scanner(settings);
    }

    private SerialFingerprintScanner scanner(SerialScannerSettings settings) {
        scanner = new SerialFingerprintScanner(settings, timing, (port, baud) -> {
            FakeLine line = new FakeLine(baud);
            opened.add(line);
            return line;
        });
        return scanner;
    }

    private static byte[] ack(ConfirmationCode code, byte... parameters) {
        return new Acknowledgement(code.code(), parameters).toPacket(ADDRESS).encode();
    }

    private static byte[] image() {
        byte[] packed = new byte[SensorImage.PACKED_BYTES];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (byte) (i * 7);
        }
        return packed;
    }

    private static byte[] healthySensor(Packet command) {
        Instruction instruction = Instruction.ofCode(command.payloadByte(0));
        return switch (instruction) {
            case READ_SYS_PARA -> ack(ConfirmationCode.OK, SystemParameterCodec.encode(
                    new SensorParameters(0, 9, 162, 3, ADDRESS, 128, 57_600)));
            case UP_IMAGE -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(ack(ConfirmationCode.OK));
                ImageTransfer.packets(image(), 128, ADDRESS).forEach(p -> out.writeBytes(p.encode()));
                yield out.toByteArray();
            }
            default -> ack(ConfirmationCode.OK);
        };
    }

    private FakeLine line() {
        return opened.get(opened.size() - 1);
    }

    @Test
    void capturesAndDecodesTheImage() throws Exception {
        Capture capture = scanner().capture(CaptureProgress.NONE, Duration.ofSeconds(1));
        assertArrayEquals(SensorImage.unpack(image()), capture.pixels());
        assertEquals(List.of(Instruction.VFY_PWD, Instruction.READ_SYS_PARA, Instruction.GEN_IMG,
                Instruction.UP_IMAGE), line().instructions());
        assertEquals(Duration.ZERO, capture.totalTime(), "nothing waited on the fake clock");
    }

    @Test
    void pollsForAFingerUntilTheTimeoutOnTheClock() {
        sensor = command -> command.payloadByte(0) == Instruction.GEN_IMG.code()
                ? ack(ConfirmationCode.NO_FINGER) : healthySensor(command);
        assertThrows(NoFingerException.class, () -> scanner().capture(CaptureProgress.NONE, Duration.ofSeconds(1)));
        assertEquals(11, line().count(Instruction.GEN_IMG), "at 0, 100, ..., 1000 ms");
        assertEquals(Duration.ofSeconds(1), timing.elapsed());
    }

    @Test
    void aSilentSensorTimesOutAfterExactlyMaxAttempts() {
        sensor = command -> new byte[0];
        assertThrows(ScannerTimeoutException.class, () -> scanner().open());
        assertEquals(3, line().count(Instruction.VFY_PWD));
        // each try: the profile's 300 ms for VfyPwd with half again as margin, the 1 s response timeout and the
        // longest acknowledgement's wire time (1,460 ms), read in 50 ms slices (1,500 ms), then a 250 ms drain
        assertEquals(Duration.ofMillis(3 * (1500 + 250)), timing.elapsed());
    }

    @Test
    void eachCommandWaitsForItsOwnWorkingTimeFromTheProfile() {
        SerialFingerprintScanner driver = scanner(SerialScannerSettings.of(Path.of("/dev/fake"), 57_600));
        Duration genImg = driver.replyTimeout(Instruction.GEN_IMG.code());
        Duration readSysPara = driver.replyTimeout(Instruction.READ_SYS_PARA.code());
        // ZFM-20: GenImg < 1.0 s, so 1.5 s + 250 ms + 10 ms of wire; a parameter read 450 ms + 250 ms + 10 ms
        assertEquals(1760, genImg.toMillis());
        assertEquals(710, readSysPara.toMillis());
        SerialFingerprintScanner r503 = scanner(SerialScannerSettings.of(Path.of("/dev/fake"), 57_600,
                kz.sailau.fingerprint.SensorProfile.R503));
        assertEquals(560, r503.replyTimeout(Instruction.GEN_IMG.code()).toMillis(), "R503: GenImg < 0.2 s");
    }

    @Test
    void aGenImgThatTakesTheDatasheetMaximumIsAnsweredNotTimedOut() throws Exception {
        workingTime = command -> command.payloadByte(0) == Instruction.GEN_IMG.code()
                ? Duration.ofMillis(1000) : Duration.ZERO;
        Capture capture = scanner(SerialScannerSettings.of(Path.of("/dev/fake"), 57_600))
                .capture(CaptureProgress.NONE, Duration.ofSeconds(5));
        assertEquals(256, capture.width());
        assertEquals(1, line().count(Instruction.GEN_IMG), "answered within its own timeout, not retried");
    }

    @Test
    void aParameterReadThatTakesASecondIsATimeout() {
        workingTime = command -> command.payloadByte(0) == Instruction.READ_SYS_PARA.code()
                ? Duration.ofMillis(1000) : Duration.ZERO;
        assertThrows(ScannerTimeoutException.class,
                () -> scanner(SerialScannerSettings.of(Path.of("/dev/fake"), 57_600)).open());
        assertEquals(3, line().count(Instruction.READ_SYS_PARA));
    }

    @Test
    void aSensorThatReportsReceiveErrorsIsChecksumExceptionAfterTheRetries() {
        sensor = command -> ack(ConfirmationCode.RECEIVE_ERROR);
        assertThrows(ChecksumException.class, () -> scanner().open());
        assertEquals(3, line().count(Instruction.VFY_PWD));
    }

    @Test
    void aWrongPasswordIsNotRetried() {
        sensor = command -> ack(ConfirmationCode.WRONG_PASSWORD);
        assertThrows(WrongPasswordException.class, () -> scanner().open());
        assertEquals(1, line().instructions().size());
    }

    @Test
    void garbageBeforeAReplyIsSkipped() throws Exception {
        sensor = command -> {
            byte[] reply = healthySensor(command);
            byte[] noisy = new byte[reply.length + 3];
            noisy[0] = 0x55;
            noisy[1] = 0x00;
            noisy[2] = (byte) 0xEF;
            System.arraycopy(reply, 0, noisy, 3, reply.length);
            return noisy;
        };
        assertEquals(57_600, scanner().open().baudRate());
        assertEquals(2, line().instructions().size(), "no retry was needed");
    }

    @Test
    void aDeadLineClosesThePortAndTheNextCallOpensItAgain() throws Exception {
        sensor = command -> {
            byte[] reply = healthySensor(command);
            if (command.payloadByte(0) == Instruction.UP_IMAGE.code()) {
                line().dieWhenDrained = true;
                return java.util.Arrays.copyOf(reply, 10_000);
            }
            return reply;
        };
        long[] progress = {0};
        assertThrows(ScannerDisconnectedException.class,
                () -> scanner().capture((received, total) -> progress[0] = received, Duration.ofSeconds(1)));
        assertTrue(progress[0] > 0 && progress[0] < SensorImage.PACKED_BYTES);
        assertTrue(line().closed, "the driver closed the port itself");
        assertFalse(scanner.isOpen());
        sensor = SerialFingerprintScannerTest::healthySensor;
        assertEquals(256, scanner.capture(CaptureProgress.NONE, Duration.ofSeconds(1)).width());
        assertEquals(2, opened.size(), "reopened");
    }

    @Test
    void aFailedWriteIsADisconnect() {
        scanner = new SerialFingerprintScanner(SerialScannerSettings.of(Path.of("/dev/fake"), 57_600), timing,
                (port, baud) -> {
            FakeLine line = new FakeLine(baud);
            line.writesFail = true;
            opened.add(line);
            return line;
        });
        assertThrows(ScannerDisconnectedException.class, () -> scanner.open());
        assertTrue(line().closed);
    }

    @Test
    void raisesTheBaudRateOnTheSensorAndThePort() throws Exception {
        sensor = new Function<>() {
            private int rate = 57_600;

            @Override
            public byte[] apply(Packet command) {
                if (command.payloadByte(0) == Instruction.SET_SYS_PARA.code()) {
                    rate = command.payloadByte(2) * 9600;
                    return ack(ConfirmationCode.OK);
                }
                if (command.payloadByte(0) == Instruction.READ_SYS_PARA.code()) {
                    return ack(ConfirmationCode.OK, SystemParameterCodec.encode(
                            new SensorParameters(0, 9, 162, 3, ADDRESS, 128, rate)));
                }
                return healthySensor(command);
            }
        };
        SensorParameters parameters = scanner(SerialScannerSettings.of(Path.of("/dev/fake"), 57_600)
                .withTargetBaudRate(115_200)).open();
        assertEquals(115_200, parameters.baudRate());
        assertEquals(115_200, line().baudRate);
        assertEquals(115_200, scanner.lineBaudRate());
    }

    @Test
    void anInterruptedThreadCancels() {
        sensor = command -> command.payloadByte(0) == Instruction.GEN_IMG.code()
                ? ack(ConfirmationCode.NO_FINGER) : healthySensor(command);
        scanner();
        Thread.currentThread().interrupt();
        assertThrows(CaptureCancelledException.class,
                () -> scanner.capture(CaptureProgress.NONE, Duration.ofSeconds(10)));
    }

    @Test
    void cancelStopsTheFingerWait() {
        scanner();
        sensor = command -> {
            if (command.payloadByte(0) == Instruction.GEN_IMG.code()) {
                scanner.cancel();
                return ack(ConfirmationCode.NO_FINGER);
            }
            return healthySensor(command);
        };
        assertThrows(CaptureCancelledException.class,
                () -> scanner.capture(CaptureProgress.NONE, Duration.ofSeconds(10)));
        assertEquals(1, line().count(Instruction.GEN_IMG));
    }

    @Test
    void cancelledMidUploadTheNextCaptureDrainsTheRestAndSucceeds() throws Exception {
        scanner();
        CaptureProgress cancelHalfway = (received, total) -> {
            if (received > total / 2) {
                scanner.cancel();
            }
        };
        assertThrows(CaptureCancelledException.class, () -> scanner.capture(cancelHalfway, Duration.ofSeconds(1)));
        assertFalse(line().pending.isEmpty(), "the sensor was still sending");
        Capture capture = scanner.capture(CaptureProgress.NONE, Duration.ofSeconds(1));
        assertArrayEquals(SensorImage.unpack(image()), capture.pixels());
        assertEquals(1, opened.size(), "no reopen needed");
    }

    /** A clock that only moves when the driver waits. */
    private static final class FakeTiming implements Timing {
        private long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            now += duration.toNanos();
        }

        void advance(Duration duration) {
            now += duration.toNanos();
        }

        Duration elapsed() {
            return Duration.ofNanos(now);
        }
    }

    /** A line whose far end is {@link #sensor}; an empty read takes one slice of fake time. */
    private final class FakeLine implements SerialLine {
        private final Deque<Byte> pending = new ArrayDeque<>();
        private long readableAt;
        private final PacketDecoder commands = new PacketDecoder();
        private final List<Instruction> instructions = new ArrayList<>();
        int baudRate;
        boolean closed;
        boolean dieWhenDrained;
        boolean writesFail;

        FakeLine(int baudRate) {
            this.baudRate = baudRate;
        }

        @Override
        public int read(byte[] buffer) {
            if (pending.isEmpty() || timing.nanoTime() < readableAt) {
                if (dieWhenDrained && pending.isEmpty()) {
                    return -1;
                }
                timing.advance(SLICE);
                return 0;
            }
            int count = 0;
            while (count < Math.min(buffer.length, 300) && !pending.isEmpty()) {
                buffer[count++] = pending.removeFirst();
            }
            return count;
        }

        @Override
        public int write(byte[] bytes) {
            if (writesFail) {
                return -1;
            }
            commands.feed(bytes);
            try {
                for (Packet packet = commands.next(); packet != null; packet = commands.next()) {
                    instructions.add(Instruction.ofCode(packet.payloadByte(0)));
                    readableAt = timing.nanoTime() + workingTime.apply(packet).toNanos();
                    for (byte b : sensor.apply(packet)) {
                        pending.addLast(b);
                    }
                }
            } catch (Exception e) {
                throw new AssertionError("the driver sent a broken packet", e);
            }
            return bytes.length;
        }

        @Override
        public void setBaudRate(int rate) {
            baudRate = rate;
        }

        @Override
        public void close() {
            closed = true;
        }

        List<Instruction> instructions() {
            return instructions;
        }

        long count(Instruction instruction) {
            return instructions.stream().filter(i -> i == instruction).count();
        }
    }
}
