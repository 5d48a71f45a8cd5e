package kz.sailau.fingerprint.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureCancelledException;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.NoFingerException;
import kz.sailau.fingerprint.PortBusyException;
import kz.sailau.fingerprint.ScannerDisconnectedException;
import kz.sailau.fingerprint.ScannerTimeoutException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.fingerprint.TestImages;
import kz.sailau.fingerprint.WrongPasswordException;
import kz.sailau.fingerprint.emulator.Fault;
import kz.sailau.fingerprint.emulator.FingerSource;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import kz.sailau.fingerprint.emulator.SensorImageFitter;
import kz.sailau.fingerprint.protocol.SensorImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract scenarios: the real driver ({@link SerialFingerprintScanner} over jSerialComm) against the emulator on
 * a pseudo-terminal, one scenario per failure kind.
 */
class SerialScannerIT {

    private static final Duration FINGER_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    private Path link;
    private ScannerEmulator emulator;
    private SerialFingerprintScanner scanner;

    @BeforeEach
    void plugIn() throws IOException {
        link = folder.resolve("sailau-scanner");
    }

    @AfterEach
    void unplug() {
        if (scanner != null) {
            scanner.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private ScannerEmulator startEmulator(ScannerEmulator.Builder builder) throws IOException {
        emulator = builder.link(link).start();
        return emulator;
    }

    private SerialFingerprintScanner scanner(SerialScannerSettings settings) {
        scanner = new SerialFingerprintScanner(settings);
        return scanner;
    }

    /** Generous response timeout, so a busy build machine never causes a spurious retry. */
    private SerialScannerSettings fastSettings() {
        return SerialScannerSettings.of(link, 57_600)
                .withTiming(Duration.ofSeconds(1), 3, Duration.ofMillis(10));
    }

    /** Short response timeout for the scenarios that wait for silence on purpose. */
    private SerialScannerSettings impatientSettings() {
        return SerialScannerSettings.of(link, 57_600)
                .withTiming(Duration.ofMillis(300), 3, Duration.ofMillis(10));
    }

    private static byte[] quantisedSource(BufferedImage image) {
        return SensorImageFitter.fit(image);
    }

    @Test
    void capturedImageEqualsTheQuantisedSourcePixelForPixel() throws Exception {
        BufferedImage source = TestImages.ridges(300, 260, 4); // wider and lower than the sensor: crop and pad
        startEmulator(ScannerEmulator.builder());
        emulator.presentFinger(source);
        List<Long> progress = new ArrayList<>();
        Capture capture = scanner(fastSettings()).capture((received, total) -> {
            assertEquals(SensorImage.PACKED_BYTES, total);
            progress.add(received);
        }, FINGER_TIMEOUT);

        assertEquals(256, capture.width());
        assertEquals(288, capture.height());
        assertEquals(500, capture.dpi());
        assertArrayEquals(quantisedSource(source), capture.pixels());
        assertEquals(40_044, capture.wireBytes(), "ack + 288 data packets of 128 bytes");
        assertEquals(LineTimingExpectation.at57600(40_044), capture.wireTime());
        assertEquals(0L, progress.get(0));
        assertEquals(SensorImage.PACKED_BYTES, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back");
        }

        Path png = folder.resolve("capture.png");
        capture.writePng(png);
        assertArrayEquals(quantisedSource(source), TestImages.grayPixels(ImageIO.read(png.toFile())),
                "the PNG holds the same pixels");
    }

    @Test
    void handshakeReadsParametersAndRaisesTheBaudRate() throws Exception {
        startEmulator(ScannerEmulator.builder().packetSize(256));
        SensorParameters parameters = scanner(fastSettings().withTargetBaudRate(115_200)).open();
        assertEquals(115_200, parameters.baudRate());
        assertEquals(256, parameters.packetSizeBytes());
        assertEquals(115_200, emulator.baudRate());
        assertEquals(115_200, scanner.lineBaudRate());
        assertEquals(0, scanner.templateCount());
        emulator.presentFinger(TestImages.ridges(256, 288, 1));
        Capture capture = scanner.capture(CaptureProgress.NONE, FINGER_TIMEOUT);
        assertEquals(SensorImage.PACKED_BYTES + 144 * 11 + 12, capture.wireBytes(), "256-byte packets");
        assertArrayEquals(quantisedSource(TestImages.ridges(256, 288, 1)), capture.pixels());
    }

    @Test
    void noFingerWithinTheTimeoutIsNoFingerException() throws Exception {
        startEmulator(ScannerEmulator.builder());
        NoFingerException e = assertThrows(NoFingerException.class,
                () -> scanner(fastSettings()).capture(CaptureProgress.NONE, Duration.ofMillis(200)));
        assertEquals("scanner.error.no-finger", e.messageKey());
        assertTrue(emulator.generateImageCommands() >= 2, "polled more than once");
    }

    @Test
    void noFingerForSomePollsThenTheFingerArrives() throws Exception {
        startEmulator(ScannerEmulator.builder());
        emulator.presentFinger(TestImages.ridges(256, 288, 2));
        emulator.inject(new Fault.NoFinger(5));
        boolean[] detected = {false};
        Capture capture = scanner(fastSettings()).capture(new CaptureProgress() {
            @Override
            public void bytesReceived(long bytesReceived, long totalBytes) {
                assertTrue(detected[0], "finger reported before the upload");
            }

            @Override
            public void fingerDetected() {
                detected[0] = true;
            }
        }, FINGER_TIMEOUT);
        assertEquals(6, emulator.generateImageCommands());
        assertArrayEquals(quantisedSource(TestImages.ridges(256, 288, 2)), capture.pixels());
    }

    @Test
    void aChecksumErrorIsRetriedAndTheImageStillArrivesIntact() throws Exception {
        startEmulator(ScannerEmulator.builder());
        emulator.presentFinger(TestImages.ridges(256, 288, 3));
        emulator.inject(new Fault.CorruptChecksum(1));
        Capture capture = scanner(fastSettings()).capture(CaptureProgress.NONE, FINGER_TIMEOUT);
        assertArrayEquals(quantisedSource(TestImages.ridges(256, 288, 3)), capture.pixels());
        assertEquals(2, emulator.uploadsStarted());
        // The driver may hold the last byte before the emulator's thread has counted the upload.
        assertTrue(emulator.awaitUploadsCompleted(1, Duration.ofSeconds(5)), "the emulator counted the upload");
        assertEquals(1, emulator.uploadsCompleted());
    }

    @Test
    void checksumErrorsBeyondTheRetryBudgetAreChecksumException() throws Exception {
        startEmulator(ScannerEmulator.builder());
        emulator.presentFinger(TestImages.ridges(256, 288, 3));
        emulator.inject(new Fault.CorruptChecksum(10));
        ChecksumException e = assertThrows(ChecksumException.class,
                () -> scanner(fastSettings()).capture(CaptureProgress.NONE, FINGER_TIMEOUT));
        assertEquals("scanner.error.checksum", e.messageKey());
        assertEquals(3, emulator.uploadsStarted(), "exactly maxAttempts uploads");
        assertTrue(scanner.isOpen(), "a checksum error does not close the port");
    }

    @Test
    void droppedBytesAreRecoveredByRetrying() throws Exception {
        startEmulator(ScannerEmulator.builder());
        emulator.presentFinger(TestImages.ridges(256, 288, 5));
        emulator.inject(new Fault.DropBytes(3));
        Capture capture = scanner(fastSettings()).capture(CaptureProgress.NONE, FINGER_TIMEOUT);
        assertArrayEquals(quantisedSource(TestImages.ridges(256, 288, 5)), capture.pixels());
        assertEquals(2, emulator.uploadsStarted());
    }

    @Test
    void aSensorThatStallsIsTimeoutAfterTheRetries() throws Exception {
        startEmulator(ScannerEmulator.builder());
        emulator.presentFinger(TestImages.ridges(256, 288, 6));
        for (int i = 0; i < 3; i++) {
            emulator.inject(new Fault.Stall(5_000));
        }
        ScannerTimeoutException e = assertThrows(ScannerTimeoutException.class,
                () -> scanner(impatientSettings()).capture(CaptureProgress.NONE, FINGER_TIMEOUT));
        assertEquals("scanner.error.timeout", e.messageKey());
        assertEquals(3, emulator.uploadsStarted());
        // the sensor recovers; so does the driver, without reopening
        Capture capture = scanner.capture(CaptureProgress.NONE, FINGER_TIMEOUT);
        assertArrayEquals(quantisedSource(TestImages.ridges(256, 288, 6)), capture.pixels());
    }

    @Test
    void aSingleStallIsRecoveredByRetrying() throws Exception {
        startEmulator(ScannerEmulator.builder());
        emulator.presentFinger(TestImages.ridges(256, 288, 6));
        emulator.inject(new Fault.Stall(100));
        Capture capture = scanner(impatientSettings()).capture(CaptureProgress.NONE, FINGER_TIMEOUT);
        assertArrayEquals(quantisedSource(TestImages.ridges(256, 288, 6)), capture.pixels());
    }

    @Test
    void aWrongPasswordIsWrongPasswordException() throws Exception {
        startEmulator(ScannerEmulator.builder().password(0x1234));
        WrongPasswordException e = assertThrows(WrongPasswordException.class,
                () -> scanner(fastSettings().withPassword(0x4321)).open());
        assertEquals("scanner.error.wrong-password", e.messageKey());
        scanner.close();
        assertEquals(0xFFFFFFFF, scanner(fastSettings().withPassword(0x1234)).open().deviceAddress());
    }

    @Test
    void aPortAlreadyInUseIsPortBusyException() throws Exception {
        startEmulator(ScannerEmulator.builder());
        scanner(fastSettings()).open();
        try (SerialFingerprintScanner second = new SerialFingerprintScanner(fastSettings())) {
            PortBusyException e = assertThrows(PortBusyException.class, second::open);
            assertEquals("scanner.error.port-busy", e.messageKey());
            assertFalse(second.isOpen());
        }
        scanner.close();
        try (SerialFingerprintScanner second = new SerialFingerprintScanner(fastSettings())) {
            assertEquals(57_600, second.open().baudRate(), "free again once the first one closed");
        }
    }

    @Test
    void aMissingPortIsDisconnected() {
        ScannerDisconnectedException e = assertThrows(ScannerDisconnectedException.class,
                () -> scanner(SerialScannerSettings.of(folder.resolve("no-such-port"), 57_600)).open());
        assertEquals("scanner.error.disconnected", e.messageKey());
        ScannerDisconnectedException notATerminal = assertThrows(ScannerDisconnectedException.class,
                () -> new SerialFingerprintScanner(SerialScannerSettings.of(Path.of("/dev/null"), 57_600)).open());
        assertTrue(notATerminal.getMessage().contains("not a serial device"), notATerminal.getMessage());
    }

    @Test
    void unplugMidTransferFailsCleanlyAndTheNextCaptureAfterReplugWorks() throws Exception {
        startEmulator(ScannerEmulator.builder());
        emulator.presentFinger(TestImages.ridges(256, 288, 7));
        scanner(fastSettings());
        scanner.capture(CaptureProgress.NONE, FINGER_TIMEOUT); // warm up: classes, native library, jar handles
        scanner.close();
        long descriptorsBefore = openFileDescriptors();
        Set<String> threadsBefore = driverThreads();

        emulator.inject(new Fault.Disconnect(15_000, null));
        long[] lastProgress = {0};
        ScannerDisconnectedException e = assertThrows(ScannerDisconnectedException.class,
                () -> scanner.capture((received, total) -> lastProgress[0] = received, FINGER_TIMEOUT));
        assertEquals("scanner.error.disconnected", e.messageKey());
        assertTrue(lastProgress[0] > 0 && lastProgress[0] < SensorImage.PACKED_BYTES, "cut mid-transfer");
        assertFalse(scanner.isOpen(), "the driver closed the port itself");
        assertThrows(ScannerDisconnectedException.class,
                () -> scanner.capture(CaptureProgress.NONE, FINGER_TIMEOUT), "still unplugged: the path is gone");

        emulator.replug();
        assertEquals(descriptorsBefore, settledDescriptors(descriptorsBefore), "no file handle leaked");
        assertTrue(threadsBefore.containsAll(driverThreads()), "no thread leaked: " + driverThreads());

        BufferedImage next = TestImages.ridges(256, 288, 8);
        emulator.presentFinger(next);
        Capture capture = scanner.capture(CaptureProgress.NONE, FINGER_TIMEOUT);
        assertArrayEquals(quantisedSource(next), capture.pixels(), "same program, same path, new device");
        assertEquals(2, emulator.plugCount());
    }

    @Test
    void aSensorThatPlugsItselfBackInIsFoundAgainAtTheSamePath() throws Exception {
        startEmulator(ScannerEmulator.builder());
        emulator.presentFinger(TestImages.ridges(256, 288, 2));
        emulator.inject(new Fault.Disconnect(5_000, Duration.ofMillis(100)));
        assertThrows(ScannerDisconnectedException.class,
                () -> scanner(fastSettings()).capture(CaptureProgress.NONE, FINGER_TIMEOUT));
        assertTrue(emulator.awaitPluggedIn(2, Duration.ofSeconds(5)), "plugged itself back in");
        assertEquals(2, emulator.plugCount(), "plugged in exactly once more");
        assertArrayEquals(quantisedSource(TestImages.ridges(256, 288, 2)),
                scanner.capture(CaptureProgress.NONE, FINGER_TIMEOUT).pixels());
    }

    @Test
    void aCaptureWaitingForAFingerCanBeCancelledFromAnotherThread() throws Exception {
        startEmulator(ScannerEmulator.builder());
        scanner(fastSettings()).open();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                scanner.capture(CaptureProgress.NONE, Duration.ofMinutes(5));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        assertTrue(emulator.awaitGenerateImageCommands(3, Duration.ofSeconds(10)), "the driver polls for a finger");
        scanner.cancel();
        Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
        assertTrue(thrown instanceof CaptureCancelledException, String.valueOf(thrown));
        assertEquals("scanner.error.cancelled", ((CaptureCancelledException) thrown).messageKey());
        emulator.presentFinger(TestImages.ridges(256, 288, 1));
        assertEquals(256, scanner.capture(CaptureProgress.NONE, FINGER_TIMEOUT).width(), "usable after cancel");
    }

    @Test
    void aFolderIsServedInOrder() throws Exception {
        Path images = Files.createDirectories(folder.resolve("images"));
        ImageIO.write(TestImages.ridges(320, 320, 1), "png", images.resolve("01.png").toFile());
        ImageIO.write(TestImages.ridges(200, 200, 2), "png", images.resolve("02.png").toFile());
        startEmulator(ScannerEmulator.builder().fingerSource(FingerSource.folder(images)));
        scanner(fastSettings());
        assertArrayEquals(quantisedSource(TestImages.ridges(320, 320, 1)),
                scanner.capture(CaptureProgress.NONE, FINGER_TIMEOUT).pixels());
        assertArrayEquals(quantisedSource(TestImages.ridges(200, 200, 2)),
                scanner.capture(CaptureProgress.NONE, FINGER_TIMEOUT).pixels());
    }

    @Test
    void realtimePacingMakesTheUploadTakeItsWireTime() throws Exception {
        startEmulator(ScannerEmulator.builder().realtime(true).baudRate(115_200).packetSize(256));
        emulator.presentFinger(TestImages.ridges(256, 288, 9));
        Capture capture = scanner(SerialScannerSettings.of(link, 115_200)).capture(CaptureProgress.NONE,
                FINGER_TIMEOUT);
        // A lower bound only: pacing may be slower on a busy machine, never faster.
        assertTrue(capture.totalTime().compareTo(capture.wireTime().multipliedBy(9).dividedBy(10)) >= 0,
                capture.toString());
    }

    /**
     * The process's descriptor count once transient ones (a class file read by another thread, the emulator's
     * replug in progress) are gone: polled for up to 3 s until it equals {@code expected}. A leak is a
     * descriptor that stays, so the last count is returned when it never settles.
     */
    private static long settledDescriptors(long expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
        long count = openFileDescriptors();
        while (count != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            count = openFileDescriptors();
        }
        return count;
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }

    private static Set<String> driverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> !name.startsWith("scanner-emulator") && !name.startsWith("ForkJoinPool"))
                .collect(Collectors.toSet());
    }

    /** Expected wire time, computed independently of {@code LineTiming}. */
    private static final class LineTimingExpectation {
        static Duration at57600(long bytes) {
            return Duration.ofNanos(bytes * 10 * 1_000_000_000L / 57_600);
        }
    }
}
