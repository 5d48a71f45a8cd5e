package kz.sailau.bench.driver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import kz.sailau.fingerprint.protocol.Acknowledgement;
import kz.sailau.fingerprint.protocol.ImageAssembler;
import kz.sailau.fingerprint.protocol.ImageTransfer;
import kz.sailau.fingerprint.protocol.Packet;
import kz.sailau.fingerprint.protocol.PacketDecoder;
import kz.sailau.fingerprint.protocol.SensorImage;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Host-side cost of one fingerprint capture, to compare with the time the image takes on the wire
 * (40,032 bytes with 128-byte packets: 6.95 s at 57,600 baud, 3.48 s at 115,200 baud).
 *
 * <ul>
 *   <li>{@code decodeUpload}: framing + checksum + assembly + 4-bit unpacking of a complete upload stream, fed
 *       in 256-byte reads the way the serial port hands them over. This is the driver's CPU work.</li>
 *   <li>{@code captureThroughPty}: a full capture (GenImg, UpImage, 288 packets) by the real driver through
 *       jSerialComm and a pseudo-terminal from the in-process emulator running flat out (no baud pacing). This
 *       is an upper bound on the host overhead: it also pays the emulator's encoding and the pty system calls.</li>
 * </ul>
 * Run: {@code java -jar bench/target/benchmarks.jar CaptureOverheadBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class CaptureOverheadBenchmark {

    private static final int READ_SIZE = 256;

    /** Data packet payload size the sensor is set to (SetSysPara parameter 6). */
    @Param({"32", "128", "256"})
    public int packetSize;

    private byte[] wire;
    private Path folder;
    private ScannerEmulator emulator;
    private SerialFingerprintScanner scanner;

    /**
     * Builds the upload stream of a random 16-level image and starts an emulator presenting that image.
     *
     * @throws IOException      if the pseudo-terminal cannot be made
     * @throws ScannerException if the driver cannot open the emulator
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException, ScannerException {
        byte[] gray = new byte[SensorImage.PIXELS];
        Random random = new Random(42);
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (byte) (random.nextInt(16) * SensorImage.GRAY_STEP);
        }
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new Acknowledgement(0, new byte[0]).toPacket(Packet.DEFAULT_ADDRESS).encode());
        for (Packet packet : ImageTransfer.packets(SensorImage.pack(gray), packetSize, Packet.DEFAULT_ADDRESS)) {
            stream.writeBytes(packet.encode());
        }
        wire = stream.toByteArray();

        folder = Files.createTempDirectory("capture-bench");
        emulator = ScannerEmulator.builder().packetSize(packetSize).link(folder.resolve("scanner")).start();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(SensorImage.WIDTH, SensorImage.HEIGHT,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, SensorImage.WIDTH, SensorImage.HEIGHT, gray);
        emulator.presentFinger(image);
        scanner = new SerialFingerprintScanner(SerialScannerSettings.of(folder.resolve("scanner"), 57_600));
        scanner.open();
    }

    /**
     * Closes driver and emulator.
     *
     * @throws IOException if the temporary folder cannot be removed
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        scanner.close();
        emulator.close();
        Files.deleteIfExists(folder.resolve("scanner"));
        Files.deleteIfExists(folder);
    }

    /**
     * Decodes a complete upload stream into 8-bit pixels.
     *
     * @return the pixels
     * @throws ScannerException never for this well-formed stream
     */
    @Benchmark
    public byte[] decodeUpload() throws ScannerException {
        PacketDecoder decoder = new PacketDecoder();
        ImageAssembler assembler = new ImageAssembler(SensorImage.PACKED_BYTES);
        boolean acknowledged = false;
        for (int offset = 0; offset < wire.length; offset += READ_SIZE) {
            decoder.feed(wire, offset, Math.min(READ_SIZE, wire.length - offset));
            for (Packet packet = decoder.next(); packet != null; packet = decoder.next()) {
                if (!acknowledged) {
                    acknowledged = true;
                } else {
                    assembler.accept(packet);
                }
            }
        }
        return SensorImage.unpack(assembler.image());
    }

    /**
     * Captures one image through the real driver, jSerialComm and a pseudo-terminal.
     *
     * @return the capture
     * @throws ScannerException if the capture fails
     */
    @Benchmark
    public Capture captureThroughPty() throws ScannerException {
        return scanner.capture(CaptureProgress.NONE, Duration.ofSeconds(5));
    }
}
