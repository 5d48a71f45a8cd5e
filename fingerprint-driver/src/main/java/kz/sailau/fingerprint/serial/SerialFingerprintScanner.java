package kz.sailau.fingerprint.serial;

import java.time.Duration;
import java.util.Objects;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureCancelledException;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.FingerprintScanner;
import kz.sailau.fingerprint.MalformedPacketException;
import kz.sailau.fingerprint.NoFingerException;
import kz.sailau.fingerprint.ScannerDisconnectedException;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.ScannerTimeoutException;
import kz.sailau.fingerprint.SensorErrorException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.WrongPasswordException;
import kz.sailau.fingerprint.protocol.Acknowledgement;
import kz.sailau.fingerprint.protocol.Commands;
import kz.sailau.fingerprint.protocol.ConfirmationCode;
import kz.sailau.fingerprint.protocol.ImageAssembler;
import kz.sailau.fingerprint.protocol.LineTiming;
import kz.sailau.fingerprint.protocol.Packet;
import kz.sailau.fingerprint.protocol.PacketDecoder;
import kz.sailau.fingerprint.protocol.PacketType;
import kz.sailau.fingerprint.protocol.SensorImage;
import kz.sailau.fingerprint.protocol.SystemParameterCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real driver: an R30x / ZFM-20 / AS608 sensor on a serial port, through jSerialComm.
 *
 * <p>Open: the port path must exist (a missing path is a {@link ScannerDisconnectedException}; a path held by
 * another program is a {@link kz.sailau.fingerprint.PortBusyException}). The handshake is VfyPwd, ReadSysPara, and, if a target baud
 * rate is set, SetSysPara parameter 4 followed by switching the port to the new rate and reading the parameters
 * again at that rate. jSerialComm resolves a symbolic link when the port is opened, so a udev-style link such as
 * {@code /dev/sailau-scanner} works and is followed anew on every reopen.
 *
 * <p>The model: {@link SerialScannerSettings#profile()} gives the image geometry and, for each command, how long the
 * module may work on it (its manual's figure): the driver waits that long with half again as margin, plus
 * {@link SerialScannerSettings#responseTimeout()} and the reply's time on the wire, so a GenImg that takes the
 * datasheet's full second is not a timeout while a silent ReadSysPara is found out in a few hundred milliseconds.
 * Packet size and line speed come from the sensor's own ReadSysPara answer; a module that reports its sensor's
 * image size (ReadProdInfo) must report the profile's, or the handshake fails naming both. On a module whose settings
 * apply only after a restart (R503), a baud change is followed by SoftRst.
 *
 * <p>Errors: a garbled, lost or badly checksummed reply, or the sensor's own "receive error" (0x01), makes the
 * driver drain the line and repeat the command, at most {@link SerialScannerSettings#maxAttempts()} times in all.
 * End-of-file or an I/O error on the line (jSerialComm's {@code readBytes} returning -1, what an unplugged
 * USB-UART adapter gives) closes the port at once and throws {@link ScannerDisconnectedException}; the next
 * {@link #open()} or {@link #capture} opens the path again. No thread is ever started.
 *
 * <p>Not thread-safe except {@link #cancel()}; use it from one worker thread.
 */
public final class SerialFingerprintScanner implements FingerprintScanner {

    private static final Logger LOG = LoggerFactory.getLogger(SerialFingerprintScanner.class);
    /** Give up draining a line that never falls silent after this long (a full upload at 9600 baud is ~42 s). */
    private static final Duration MAX_DRAIN = Duration.ofSeconds(60);

    private final SerialScannerSettings settings;
    private final Timing timing;
    private final SerialLine.Opener opener;
    private final PacketDecoder decoder = new PacketDecoder();
    private final byte[] readBuffer = new byte[4096];

    private volatile SerialLine port;
    private volatile boolean cancelRequested;
    private int lineBaudRate;

    /**
     * Creates a driver; nothing is opened until {@link #open()} or {@link #capture}.
     *
     * @param settings port, baud rate, password and timing
     */
    public SerialFingerprintScanner(SerialScannerSettings settings) {
        this(settings, Timing.SYSTEM, JSerialCommLine::open);
    }

    SerialFingerprintScanner(SerialScannerSettings settings, Timing timing, SerialLine.Opener opener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.lineBaudRate = settings.baudRate();
    }

    /**
     * Returns the settings this driver was made with.
     *
     * @return the settings
     */
    public SerialScannerSettings settings() {
        return settings;
    }

    /**
     * Returns the baud rate the line runs at now (the target rate after a successful switch).
     *
     * @return baud
     */
    public int lineBaudRate() {
        return lineBaudRate;
    }

    /**
     * Returns whether the port is open.
     *
     * @return {@code true} if open
     */
    public boolean isOpen() {
        return port != null;
    }

    @Override
    public SensorParameters open() throws ScannerException {
        if (port == null) {
            openPort(lineBaudRate);
        }
        return handshake();
    }

    private SensorParameters handshake() throws ScannerException {
        Acknowledgement verified = transact(Commands.verifyPassword(settings.address(), settings.password()));
        switch (verified.confirmation()) {
            case OK -> { }
            case WRONG_PASSWORD -> throw new WrongPasswordException("sensor refused the handshake password");
            default -> throw sensorError("VfyPwd", verified);
        }
        SensorParameters parameters = readParameters();
        SensorProfile profile = settings.profile();
        if (parameters.systemIdentifier() != profile.systemIdentifier()) {
            LOG.warn("Scanner reports system identifier 0x{} where profile {} expects 0x{}: check the profile",
                    Integer.toHexString(parameters.systemIdentifier()), profile.id(),
                    Integer.toHexString(profile.systemIdentifier()));
        }
        if (profile.extraInstructions().contains(SensorProfile.READ_PRODUCT_INFO)) {
            checkImageSize();
        }
        int target = settings.targetBaudRate();
        if (target != 0 && target != parameters.baudRate()) {
            Acknowledgement changed = transact(Commands.setSystemParameter(settings.address(),
                    Commands.PARAMETER_BAUD_FACTOR, target / SystemParameterCodec.BAUD_UNIT));
            if (changed.confirmation() != ConfirmationCode.OK) {
                throw sensorError("SetSysPara baud", changed);
            }
            if (profile.settingsApplyAfterRestart()) {
                restart();
            }
            requirePort().setBaudRate(target);
            lineBaudRate = target;
            LOG.info("Scanner line switched from {} to {} baud", parameters.baudRate(), target);
            if (profile.settingsApplyAfterRestart()) {
                drain();
                transact(Commands.verifyPassword(settings.address(), settings.password()));
            }
            parameters = readParameters();
        } else {
            lineBaudRate = parameters.baudRate();
        }
        return parameters;
    }

    /** SoftRst: the new settings apply once the module has started again (it then sends 0x55, skipped as noise). */
    private void restart() throws ScannerException {
        if (!settings.profile().extraInstructions().contains(SensorProfile.SOFT_RESET)) {
            throw new SensorErrorException("profile " + settings.profile().id()
                    + " applies settings only after a restart and has no SoftRst: power the module off and on");
        }
        Acknowledgement reset = transact(Commands.softReset(settings.address()));
        if (reset.confirmation() != ConfirmationCode.OK) {
            throw sensorError("SoftRst", reset);
        }
    }

    /** ReadProdInfo bytes 38..41 hold the sensor's image width and height (R503 manual, "Read product information"). */
    private void checkImageSize() throws ScannerException {
        Acknowledgement info = transact(Commands.readProductInformation(settings.address()));
        byte[] bytes = info.parameters();
        if (info.confirmation() != ConfirmationCode.OK || bytes.length < 42) {
            throw sensorError("ReadProdInfo", info);
        }
        int width = (bytes[38] & 0xFF) << 8 | bytes[39] & 0xFF;
        int height = (bytes[40] & 0xFF) << 8 | bytes[41] & 0xFF;
        SensorProfile profile = settings.profile();
        if (width != profile.imageWidth() || height != profile.imageHeight()) {
            throw new SensorErrorException("sensor reports " + width + "x" + height + " images but profile "
                    + profile.id() + " has " + profile.imageWidth() + "x" + profile.imageHeight()
                    + ": choose the profile of this model");
        }
    }

    private SensorParameters readParameters() throws ScannerException {
        Acknowledgement read = transact(Commands.readSystemParameters(settings.address()));
        if (read.confirmation() != ConfirmationCode.OK) {
            throw sensorError("ReadSysPara", read);
        }
        return SystemParameterCodec.decode(read.parameters());
    }

    /**
     * Reads how many templates the sensor stores (TempleteNum); opens and handshakes if needed.
     *
     * @return the template count
     * @throws ScannerException if the sensor cannot be reached or answers with an error
     */
    public int templateCount() throws ScannerException {
        ensureOpen();
        Acknowledgement count = transact(Commands.templateCount(settings.address()));
        byte[] parameters = count.parameters();
        if (count.confirmation() != ConfirmationCode.OK || parameters.length < 2) {
            throw sensorError("TempleteNum", count);
        }
        return ((parameters[0] & 0xFF) << 8) | (parameters[1] & 0xFF);
    }

    @Override
    public Capture capture(CaptureProgress progress, Duration fingerTimeout) throws ScannerException {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(fingerTimeout, "fingerTimeout");
        cancelRequested = false;
        ensureOpen();
        waitForFinger(fingerTimeout);
        progress.fingerDetected();
        long fingerAt = timing.nanoTime();
        ScannerException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            checkCancelled();
            try {
                return upload(progress, fingerAt);
            } catch (ChecksumException | MalformedPacketException | ScannerTimeoutException e) {
                last = e;
                LOG.warn("Image upload attempt {} of {} failed: {}", attempt, settings.maxAttempts(), e.getMessage());
                drain();
            }
        }
        throw last;
    }

    private void ensureOpen() throws ScannerException {
        if (port == null) {
            open();
        }
    }

    private void waitForFinger(Duration fingerTimeout) throws ScannerException {
        long deadline = timing.nanoTime() + fingerTimeout.toNanos();
        while (true) {
            checkCancelled();
            Acknowledgement answer = transact(Commands.generateImage(settings.address()));
            switch (answer.confirmation()) {
                case OK -> {
                    return;
                }
                // 0x03: the finger was moving or pressed lightly; the manual says to try again.
                case NO_FINGER, CAPTURE_FAILED -> { }
                default -> throw sensorError("GenImg", answer);
            }
            if (timing.nanoTime() - deadline >= 0) {
                throw new NoFingerException("no finger within " + fingerTimeout.toMillis() + " ms");
            }
            pause(settings.pollInterval());
        }
    }

    private Capture upload(CaptureProgress progress, long fingerAt) throws ScannerException {
        Acknowledgement answer = exchange(Commands.uploadImage(settings.address()));
        if (answer.confirmation() == ConfirmationCode.RECEIVE_ERROR) {
            throw new ChecksumException("sensor reported a receive error (0x01) for UpImage");
        }
        if (answer.confirmation() != ConfirmationCode.OK) {
            throw sensorError("UpImage", answer);
        }
        SensorProfile profile = settings.profile();
        int imageBytes = profile.packedImageBytes();
        long wireBytes = Packet.OVERHEAD_BYTES + 1L;
        ImageAssembler assembler = new ImageAssembler(imageBytes);
        progress.bytesReceived(0, imageBytes);
        while (!assembler.isComplete()) {
            checkCancelled();
            Packet packet = readPacket(settings.responseTimeout());
            assembler.accept(packet);
            wireBytes += packet.wireLength();
            progress.bytesReceived(assembler.receivedBytes(), imageBytes);
        }
        byte[] pixels = SensorImage.unpack(assembler.image(), imageBytes);
        Duration total = Duration.ofNanos(timing.nanoTime() - fingerAt);
        return new Capture(pixels, profile.imageWidth(), profile.imageHeight(), profile.dpi(), wireBytes,
                LineTiming.wireTime(wireBytes, lineBaudRate), total);
    }

    /**
     * For {@link SensorProbe}: sends one command once (opening and handshaking first if needed) and returns the
     * answer, 0x01 included (some modules refuse an unknown instruction with it).
     */
    Acknowledgement probeCommand(Packet command) throws ScannerException {
        ensureOpen();
        return exchange(command);
    }

    /**
     * For {@link SensorProbe}: waits for a finger, uploads the image and counts its bytes whatever the profile says.
     *
     * @return image bytes received up to the end-of-data packet
     */
    long probeImageBytes(Duration fingerTimeout) throws ScannerException {
        cancelRequested = false;
        ensureOpen();
        waitForFinger(fingerTimeout);
        Acknowledgement answer = exchange(Commands.uploadImage(settings.address()));
        if (answer.confirmation() != ConfirmationCode.OK) {
            throw sensorError("UpImage", answer);
        }
        long bytes = 0;
        while (true) {
            Packet packet = readPacket(settings.responseTimeout());
            if (packet.type() != PacketType.DATA && packet.type() != PacketType.END_OF_DATA) {
                throw new MalformedPacketException("expected a data packet, got " + packet.type());
            }
            bytes += packet.payloadLength();
            if (packet.type() == PacketType.END_OF_DATA) {
                return bytes;
            }
        }
    }

    /** Sends a command and reads its acknowledgement, retrying on garbled, lost or rejected packets. */
    private Acknowledgement transact(Packet command) throws ScannerException {
        ScannerException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                Acknowledgement answer = exchange(command);
                if (answer.confirmation() != ConfirmationCode.RECEIVE_ERROR) {
                    return answer;
                }
                last = new ChecksumException("sensor reported a receive error (0x01) for " + command);
            } catch (ChecksumException | MalformedPacketException | ScannerTimeoutException e) {
                last = e;
            }
            LOG.warn("Command attempt {} of {} failed: {}", attempt, settings.maxAttempts(), last.getMessage());
            drain();
        }
        throw last;
    }

    private Acknowledgement exchange(Packet command) throws ScannerException {
        write(command.encode());
        Packet reply = readPacket(replyTimeout(command.payloadByte(0)));
        if (reply.type() != PacketType.ACKNOWLEDGE) {
            throw new MalformedPacketException("expected an acknowledgement, got " + reply);
        }
        return Acknowledgement.of(reply);
    }

    /**
     * How long to wait for the first byte of the answer to an instruction: the profile's working time with half
     * again as margin, the response timeout, and the longest acknowledgement's time on the wire (R503 ReadProdInfo:
     * 46 parameter bytes).
     */
    Duration replyTimeout(int instruction) {
        Duration working = settings.profile().processingMax(instruction);
        return working.plus(working.dividedBy(2)).plus(settings.responseTimeout())
                .plus(LineTiming.wireTime(Packet.OVERHEAD_BYTES + 47, lineBaudRate));
    }

    /** Reads one packet; {@code firstByte} bounds the wait for it to start, the response timeout any later gap. */
    private Packet readPacket(Duration firstByte) throws ScannerException {
        Duration timeout = firstByte;
        long deadline = timing.nanoTime() + timeout.toNanos();
        while (true) {
            Packet packet = decoder.next();
            if (packet != null) {
                if (packet.address() != settings.address()) {
                    throw new MalformedPacketException("packet from a foreign address");
                }
                return packet;
            }
            checkCancelled();
            int count = read();
            if (count > 0) {
                decoder.feed(readBuffer, 0, count);
                timeout = settings.responseTimeout();
                deadline = timing.nanoTime() + timeout.toNanos();
            } else if (timing.nanoTime() - deadline >= 0) {
                throw new ScannerTimeoutException("no reply within " + timeout.toMillis() + " ms");
            }
        }
    }

    /** Reads what arrives within one read slice; closes the port and throws on end-of-file. */
    private int read() throws ScannerDisconnectedException {
        int count = requirePort().read(readBuffer);
        if (count < 0) {
            disconnected("read");
        }
        return count;
    }

    private void write(byte[] bytes) throws ScannerException {
        int written = requirePort().write(bytes);
        if (written != bytes.length) {
            disconnected("write");
        }
    }

    /** Discards everything until the line has been silent for one response timeout (bounded). */
    private void drain() throws ScannerException {
        decoder.reset();
        long start = timing.nanoTime();
        long quietSince = start;
        long quiet = Math.min(settings.responseTimeout().toNanos(), Duration.ofMillis(250).toNanos());
        while (timing.nanoTime() - quietSince < quiet) {
            if (timing.nanoTime() - start > MAX_DRAIN.toNanos()) {
                throw new ScannerTimeoutException("the line did not fall silent within " + MAX_DRAIN.toSeconds() + " s");
            }
            checkCancelled();
            if (read() > 0) {
                quietSince = timing.nanoTime();
            }
        }
        decoder.reset();
    }

    private SerialLine requirePort() throws ScannerDisconnectedException {
        SerialLine current = port;
        if (current == null) {
            throw new ScannerDisconnectedException("port is closed");
        }
        return current;
    }

    private void disconnected(String operation) throws ScannerDisconnectedException {
        close();
        throw new ScannerDisconnectedException("serial line lost during " + operation + " on " + settings.port());
    }

    private void openPort(int baudRate) throws ScannerException {
        port = opener.open(settings.port(), baudRate);
        decoder.reset();
        lineBaudRate = baudRate;
        LOG.info("Opened scanner port {} at {} baud", settings.port(), baudRate);
    }

    private void checkCancelled() throws CaptureCancelledException {
        if (cancelRequested) {
            throw new CaptureCancelledException("capture cancelled");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CaptureCancelledException("capturing thread interrupted");
        }
    }

    private void pause(Duration duration) throws CaptureCancelledException {
        try {
            timing.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureCancelledException("capturing thread interrupted", e);
        }
    }

    private static SensorErrorException sensorError(String command, Acknowledgement answer) {
        return new SensorErrorException(command + " answered 0x" + Integer.toHexString(answer.code()) + " ("
                + answer.confirmation().meaning() + ")");
    }

    @Override
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public void close() {
        SerialLine current = port;
        port = null;
        if (current != null) {
            current.close();
            LOG.info("Closed scanner port {}", settings.port());
        }
    }

    @Override
    public String toString() {
        return "SerialFingerprintScanner[" + settings.port() + ", " + lineBaudRate + " baud"
                + (port != null ? ", open" : "") + "]";
    }
}
