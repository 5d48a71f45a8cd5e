package kz.sailau.fingerprint.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.MalformedPacketException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.fingerprint.protocol.Acknowledgement;
import kz.sailau.fingerprint.protocol.Commands;
import kz.sailau.fingerprint.protocol.ConfirmationCode;
import kz.sailau.fingerprint.protocol.ImageAssembler;
import kz.sailau.fingerprint.protocol.ImageTransfer;
import kz.sailau.fingerprint.protocol.Instruction;
import kz.sailau.fingerprint.protocol.LineTiming;
import kz.sailau.fingerprint.protocol.Packet;
import kz.sailau.fingerprint.protocol.PacketDecoder;
import kz.sailau.fingerprint.protocol.PacketType;
import kz.sailau.fingerprint.protocol.SensorImage;
import kz.sailau.fingerprint.protocol.SystemParameterCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A protocol-exact R30x / ZFM-20 / AS608 sensor on a {@link PseudoTerminal}: the real driver opens
 * {@link #devicePath()} with jSerialComm and cannot tell it from hardware (except that it is much faster unless
 * {@linkplain Builder#realtime(boolean) real-time pacing} is on).
 *
 * <p>Supported instructions: VfyPwd, ReadSysPara, SetSysPara (baud factor, security level, packet size),
 * GenImg, UpImage, DownImage, Img2Tz (answers OK if an image is in the buffer), TempleteNum (0 templates).
 * Others are answered with confirmation code 0x01, like a command packet with a wrong checksum. Packets for
 * another address are ignored, as the module does. System parameters survive {@link #unplug()} and
 * {@link #replug()}, as the module keeps them in flash.
 *
 * <p>What the finger is: a finger {@linkplain #presentFinger(BufferedImage) presented programmatically} stays on
 * the sensor until {@link #liftFinger()}; otherwise each GenImg asks the {@link FingerSource} (a folder, a
 * script, or none). Images are {@linkplain SensorImageFitter fitted} to 256 × 288 and 16 gray levels.
 *
 * <p>One daemon thread serves the line. All public methods are thread-safe.
 */
public final class ScannerEmulator implements AutoCloseable {

    /** Default baud rate of the module: 57,600 (baud factor 6; user manual, SetSysPara parameter 4). */
    public static final int DEFAULT_BAUD_RATE = 57_600;
    /** Default data packet size of the module: 128 bytes (user manual, SetSysPara parameter 6). */
    public static final int DEFAULT_PACKET_SIZE = 128;
    /** System identifier code the emulator reports (0x0009, as on ZFM-20 modules). */
    public static final int SYSTEM_IDENTIFIER = 0x0009;
    /** Template library size the emulator reports. */
    public static final int LIBRARY_SIZE = 162;

    private static final Logger LOG = LoggerFactory.getLogger(ScannerEmulator.class);
    private static final int PACE_CHUNK = 64;

    private final Path link;
    private final int password;
    private final int address;
    private final boolean realtime;
    /** Without pacing: how long the bytes sent before an unplug fault stay readable before the pty closes. */
    private static final Duration UNPLUG_GRACE = Duration.ofMillis(500);
    private final FingerSource source;

    private final Object lock = new Object();
    /** Orders plugging in against {@link #close()}, so a delayed replug cannot outlive the emulator. */
    private final Object plugLock = new Object();
    private final Deque<Fault> uploadFaults = new ArrayDeque<>();
    private int noFingerPolls;
    private byte[] presentedFinger;
    private int baudRate;
    private int packetSize;
    private int securityLevel = 3;

    private volatile PseudoTerminal terminal;
    private volatile Thread server;
    private volatile boolean closed;

    private final AtomicInteger generateImageCommands = new AtomicInteger();
    private final AtomicInteger uploadsStarted = new AtomicInteger();
    private final AtomicInteger uploadsCompleted = new AtomicInteger();
    private final AtomicInteger plugCount = new AtomicInteger();

    // Owned by the serving thread.
    private byte[] imageBuffer;
    private ImageAssembler download;

    private ScannerEmulator(Builder builder) {
        this.link = builder.link;
        this.password = builder.password;
        this.address = builder.address;
        this.realtime = builder.realtime;
        this.source = builder.source;
        this.baudRate = builder.baudRate;
        this.packetSize = builder.packetSize;
        this.uploadFaults.addAll(builder.faults.stream().filter(f -> !(f instanceof Fault.NoFinger)).toList());
        builder.faults.stream().filter(f -> f instanceof Fault.NoFinger)
                .forEach(f -> noFingerPolls += ((Fault.NoFinger) f).polls());
    }

    /**
     * Starts configuring an emulator.
     *
     * @return a builder with the module's defaults: password 0, address FFFFFFFF, 57,600 baud, 128-byte packets
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts an emulator with the defaults and no finger source: present fingers programmatically.
     *
     * @return the running emulator
     * @throws IOException if the pseudo-terminal cannot be made
     */
    public static ScannerEmulator start() throws IOException {
        return builder().start();
    }

    private void plugIn() throws IOException {
        synchronized (plugLock) {
            if (closed) {
                throw new IllegalStateException("emulator closed");
            }
            PseudoTerminal pty = PseudoTerminal.open(link);
            terminal = pty;
            plugCount.incrementAndGet();
            Thread thread = new Thread(() -> serve(pty), "scanner-emulator-" + pty.slavePath().getFileName());
            thread.setDaemon(true);
            server = thread;
            thread.start();
            LOG.info("Scanner emulator plugged in at {}", pty.devicePath());
        }
    }

    /**
     * Returns the path the driver opens: the link if configured, else the current slave path.
     *
     * @return the device path
     */
    public Path devicePath() {
        PseudoTerminal pty = terminal;
        return link != null ? link : pty.slavePath();
    }

    /**
     * Returns the slave path of the current pseudo-terminal; it changes on every replug.
     *
     * @return e.g. {@code /dev/pts/3}
     */
    public Path slavePath() {
        return terminal.slavePath();
    }

    /**
     * Puts a finger on the sensor: every GenImg finds it until {@link #liftFinger()}.
     *
     * @param image any picture; fitted with {@link SensorImageFitter}
     */
    public void presentFinger(BufferedImage image) {
        byte[] pixels = SensorImageFitter.fit(image);
        synchronized (lock) {
            presentedFinger = pixels;
        }
    }

    /**
     * Puts the finger in an image file on the sensor until {@link #liftFinger()}.
     *
     * @param file a PNG file
     * @throws IOException if the file cannot be read
     */
    public void presentFinger(Path file) throws IOException {
        byte[] pixels = SensorImageFitter.fit(file);
        synchronized (lock) {
            presentedFinger = pixels;
        }
    }

    /** Takes the presented finger off the sensor; GenImg then asks the finger source again. */
    public void liftFinger() {
        synchronized (lock) {
            presentedFinger = null;
        }
    }

    /**
     * Queues a fault.
     *
     * @param fault the fault; applies to the next upload(s) or polls
     */
    public void inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (lock) {
            if (fault instanceof Fault.NoFinger noFinger) {
                noFingerPolls += noFinger.polls();
            } else {
                uploadFaults.add(fault);
            }
        }
    }

    /**
     * Unplugs the device: closes the pseudo-terminal (the driver sees the line die) and stops serving.
     * Waits until the serving thread has ended.
     */
    public void unplug() {
        PseudoTerminal pty = terminal;
        Thread thread = server;
        if (pty != null) {
            pty.close();
        }
        if (thread != null && thread != Thread.currentThread()) {
            joinQuietly(thread);
        }
    }

    /**
     * Plugs the device back in: a new pseudo-terminal, pointed to by the same link if one is configured.
     * Unplugs first if still plugged in.
     *
     * @throws IOException if the pseudo-terminal cannot be made
     */
    public void replug() throws IOException {
        if (closed) {
            throw new IllegalStateException("emulator closed");
        }
        unplug();
        plugIn();
    }

    /**
     * Returns whether the device is plugged in.
     *
     * @return {@code true} while the pseudo-terminal is open
     */
    public boolean isPluggedIn() {
        PseudoTerminal pty = terminal;
        return pty != null && !pty.isClosed();
    }

    /**
     * Returns the number of GenImg commands answered.
     *
     * @return the count since start
     */
    public int generateImageCommands() {
        return generateImageCommands.get();
    }

    /**
     * Returns the number of image uploads begun (each UpImage answered OK).
     *
     * @return the count since start
     */
    public int uploadsStarted() {
        return uploadsStarted.get();
    }

    /**
     * Returns the number of image uploads sent to the end without a fault.
     *
     * @return the count since start
     */
    public int uploadsCompleted() {
        return uploadsCompleted.get();
    }

    /**
     * Returns how many times the device has been plugged in (1 after start, +1 per replug).
     *
     * @return the count
     */
    public int plugCount() {
        return plugCount.get();
    }

    /**
     * Returns the current baud rate (changed by SetSysPara).
     *
     * @return baud
     */
    public int baudRate() {
        synchronized (lock) {
            return baudRate;
        }
    }

    /** Unplugs and stops for good; removes the link. Idempotent. */
    @Override
    public void close() {
        synchronized (plugLock) {
            closed = true;
        }
        unplug();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- serving thread

    private void serve(PseudoTerminal pty) {
        PacketDecoder decoder = new PacketDecoder();
        byte[] buffer = new byte[1024];
        download = null;
        try {
            while (!pty.isClosed()) {
                int count = pty.input().read(buffer, 0, buffer.length);
                if (count < 0) {
                    return;
                }
                decoder.feed(buffer, 0, count);
                while (!pty.isClosed()) {
                    Packet packet;
                    try {
                        packet = decoder.next();
                    } catch (ChecksumException e) {
                        // user manual, "Check and acknowledgement of data package": a bad packet is answered 0x01
                        send(pty, acknowledgement(ConfirmationCode.RECEIVE_ERROR));
                        continue;
                    } catch (MalformedPacketException e) {
                        continue;
                    }
                    if (packet == null) {
                        break;
                    }
                    if (packet.address() == address) {
                        handle(pty, packet);
                    }
                }
            }
        } catch (IOException e) {
            if (!pty.isClosed()) {
                LOG.warn("Scanner emulator stops serving: {}", e.toString());
            }
        } catch (RuntimeException e) {
            LOG.error("Scanner emulator failed", e);
        } finally {
            pty.close();
        }
    }

    private void handle(PseudoTerminal pty, Packet packet) throws IOException {
        if (packet.type() == PacketType.DATA || packet.type() == PacketType.END_OF_DATA) {
            receiveImagePacket(pty, packet);
            return;
        }
        if (packet.type() != PacketType.COMMAND || packet.payloadLength() == 0) {
            return;
        }
        Instruction instruction = Instruction.ofCode(packet.payloadByte(0));
        if (instruction == null) {
            send(pty, acknowledgement(ConfirmationCode.RECEIVE_ERROR));
            return;
        }
        switch (instruction) {
            case VFY_PWD -> verifyPassword(pty, packet);
            case READ_SYS_PARA -> send(pty, new Acknowledgement(0,
                    SystemParameterCodec.encode(parameters())).toPacket(address));
            case SET_SYS_PARA -> setSystemParameter(pty, packet);
            case GEN_IMG -> generateImage(pty);
            case UP_IMAGE -> uploadImage(pty);
            case DOWN_IMAGE -> {
                download = new ImageAssembler(SensorImage.PACKED_BYTES);
                send(pty, acknowledgement(ConfirmationCode.OK));
            }
            case IMG2TZ -> send(pty, acknowledgement(
                    imageBuffer != null ? ConfirmationCode.OK : ConfirmationCode.NO_VALID_IMAGE));
            case TEMPLETE_NUM -> send(pty, new Acknowledgement(0, new byte[2]).toPacket(address));
        }
    }

    private SensorParameters parameters() {
        synchronized (lock) {
            int status = imageBuffer != null ? 0b1000 : 0;
            return new SensorParameters(status, SYSTEM_IDENTIFIER, LIBRARY_SIZE, securityLevel, address, packetSize,
                    baudRate);
        }
    }

    private void verifyPassword(PseudoTerminal pty, Packet packet) throws IOException {
        if (packet.payloadLength() != 5) {
            send(pty, acknowledgement(ConfirmationCode.RECEIVE_ERROR));
            return;
        }
        int given = (packet.payloadByte(1) << 24) | (packet.payloadByte(2) << 16) | (packet.payloadByte(3) << 8)
                | packet.payloadByte(4);
        send(pty, acknowledgement(given == password ? ConfirmationCode.OK : ConfirmationCode.WRONG_PASSWORD));
    }

    private void setSystemParameter(PseudoTerminal pty, Packet packet) throws IOException {
        if (packet.payloadLength() != 3) {
            send(pty, acknowledgement(ConfirmationCode.RECEIVE_ERROR));
            return;
        }
        int parameter = packet.payloadByte(1);
        int value = packet.payloadByte(2);
        boolean valid = switch (parameter) {
            case Commands.PARAMETER_BAUD_FACTOR -> value >= 1 && value <= 12;
            case Commands.PARAMETER_SECURITY_LEVEL -> value >= 1 && value <= 5;
            case Commands.PARAMETER_PACKET_SIZE -> value <= 3;
            default -> false;
        };
        if (!valid) {
            send(pty, acknowledgement(ConfirmationCode.INVALID_REGISTER));
            return;
        }
        // The acknowledgement still goes out at the old rate; the new one applies from the next byte.
        send(pty, acknowledgement(ConfirmationCode.OK));
        synchronized (lock) {
            switch (parameter) {
                case Commands.PARAMETER_BAUD_FACTOR -> baudRate = value * SystemParameterCodec.BAUD_UNIT;
                case Commands.PARAMETER_SECURITY_LEVEL -> securityLevel = value;
                default -> packetSize = SystemParameterCodec.packetSizeOfCode(value);
            }
        }
    }

    private void generateImage(PseudoTerminal pty) throws IOException {
        generateImageCommands.incrementAndGet();
        byte[] finger;
        boolean forcedEmpty;
        synchronized (lock) {
            forcedEmpty = noFingerPolls > 0;
            if (forcedEmpty) {
                noFingerPolls--;
            }
            finger = forcedEmpty ? null : presentedFinger;
        }
        if (finger == null && !forcedEmpty) {
            finger = source.poll().orElse(null);
        }
        if (finger == null) {
            send(pty, acknowledgement(ConfirmationCode.NO_FINGER));
            return;
        }
        imageBuffer = SensorImage.pack(finger);
        send(pty, acknowledgement(ConfirmationCode.OK));
    }

    private void uploadImage(PseudoTerminal pty) throws IOException {
        if (imageBuffer == null) {
            send(pty, acknowledgement(ConfirmationCode.IMAGE_UPLOAD_ERROR));
            return;
        }
        int size;
        Fault fault;
        synchronized (lock) {
            size = packetSize;
            fault = uploadFaults.peekFirst();
            if (fault instanceof Fault.CorruptChecksum corrupt && corrupt.uploads() > 1) {
                uploadFaults.removeFirst();
                uploadFaults.addFirst(new Fault.CorruptChecksum(corrupt.uploads() - 1));
            } else if (fault != null) {
                uploadFaults.removeFirst();
            }
        }
        uploadsStarted.incrementAndGet();
        List<Packet> packets = ImageTransfer.packets(imageBuffer, size, address);
        ByteArrayOutputStream stream = new ByteArrayOutputStream(packets.size() * (size + Packet.OVERHEAD_BYTES) + 16);
        stream.writeBytes(acknowledgement(ConfirmationCode.OK).encode());
        int spoiled = packets.size() / 2;
        for (int i = 0; i < packets.size(); i++) {
            byte[] frame = packets.get(i).encode();
            if (i == spoiled && fault instanceof Fault.CorruptChecksum) {
                frame[frame.length - 1] ^= 0x5A;
            }
            stream.writeBytes(frame);
        }
        byte[] bytes = stream.toByteArray();
        if (fault instanceof Fault.DropBytes drop) {
            int from = bytes.length / 2;
            int to = Math.min(bytes.length, from + drop.bytes());
            byte[] shorter = new byte[bytes.length - (to - from)];
            System.arraycopy(bytes, 0, shorter, 0, from);
            System.arraycopy(bytes, to, shorter, from, bytes.length - to);
            bytes = shorter;
        } else if (fault instanceof Fault.Stall stall) {
            send(pty, bytes, Math.min(stall.afterBytes(), bytes.length));
            LOG.info("Scanner emulator: upload stalled after {} bytes (fault)", Math.min(stall.afterBytes(), bytes.length));
            return;
        } else if (fault instanceof Fault.Disconnect disconnect) {
            send(pty, bytes, Math.min(disconnect.afterBytes(), bytes.length));
            if (!realtime) {
                // Without pacing the bytes arrive all at once; closing the master at once would make the kernel
                // drop what the host has not read yet, so the cut would fall before any data. Give the host the
                // time those bytes would have spent on the wire before the cable is pulled.
                sleepQuietly(UNPLUG_GRACE);
            }
            LOG.info("Scanner emulator: unplugged after {} bytes of upload (fault)",
                    Math.min(disconnect.afterBytes(), bytes.length));
            pty.close();
            if (disconnect.replugAfter() != null && !closed) {
                scheduleReplug(disconnect.replugAfter());
            }
            return;
        }
        send(pty, bytes, bytes.length);
        if (fault == null) {
            uploadsCompleted.incrementAndGet();
        }
    }

    private void scheduleReplug(Duration delay) {
        Thread replugger = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                if (!closed) {
                    Thread current = server;
                    if (current != null) {
                        current.join(5_000);
                    }
                    plugIn();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.error("Scanner emulator could not plug back in: {}", e.toString());
            } catch (IllegalStateException e) {
                // closed meanwhile: stay unplugged
            }
        }, "scanner-emulator-replug");
        replugger.setDaemon(true);
        replugger.start();
    }

    private void receiveImagePacket(PseudoTerminal pty, Packet packet) throws IOException {
        if (download == null) {
            return;
        }
        try {
            if (download.accept(packet)) {
                imageBuffer = download.image();
                download = null;
            }
        } catch (MalformedPacketException e) {
            download = null;
            send(pty, acknowledgement(ConfirmationCode.RECEIVE_ERROR));
        }
    }

    private Packet acknowledgement(ConfirmationCode code) {
        return new Acknowledgement(code.code(), new byte[0]).toPacket(address);
    }

    private void send(PseudoTerminal pty, Packet packet) throws IOException {
        byte[] bytes = packet.encode();
        send(pty, bytes, bytes.length);
    }

    private static void sleepQuietly(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes bytes, paced to the baud rate when real-time pacing is on. */
    private void send(PseudoTerminal pty, byte[] bytes, int length) throws IOException {
        if (!realtime) {
            pty.output().write(bytes, 0, length);
            return;
        }
        int baud = baudRate();
        long start = System.nanoTime();
        for (int offset = 0; offset < length; offset += PACE_CHUNK) {
            int chunk = Math.min(PACE_CHUNK, length - offset);
            pty.output().write(bytes, offset, chunk);
            long due = start + LineTiming.wireTime(offset + chunk, baud).toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while pacing", e);
                }
            }
        }
    }

    /** Configures and starts a {@link ScannerEmulator}. */
    public static final class Builder {
        private Path link;
        private int password;
        private int address = Packet.DEFAULT_ADDRESS;
        private int baudRate = DEFAULT_BAUD_RATE;
        private int packetSize = DEFAULT_PACKET_SIZE;
        private boolean realtime;
        private FingerSource source = FingerSource.NONE;
        private final List<Fault> faults = new java.util.ArrayList<>();

        private Builder() {
        }

        /**
         * Keeps a symbolic link pointed at the current pseudo-terminal, so the device path survives replugs.
         *
         * @param link the link path (its folder must exist), or {@code null} for none
         * @return this builder
         */
        public Builder link(Path link) {
            this.link = link;
            return this;
        }

        /**
         * Sets the handshake password VfyPwd checks.
         *
         * @param password 32-bit password, default 0
         * @return this builder
         */
        public Builder password(int password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the module address.
         *
         * @param address 32-bit address, default FFFFFFFF
         * @return this builder
         */
        public Builder address(int address) {
            this.address = address;
            return this;
        }

        /**
         * Sets the baud rate the module starts at (used for real-time pacing and reported by ReadSysPara).
         *
         * @param baudRate 9600 × N, N in 1..12; default 57,600
         * @return this builder
         */
        public Builder baudRate(int baudRate) {
            if (baudRate % SystemParameterCodec.BAUD_UNIT != 0 || baudRate < 9600 || baudRate > 115_200) {
                throw new IllegalArgumentException("baud rate must be 9600 × N, N in 1..12");
            }
            this.baudRate = baudRate;
            return this;
        }

        /**
         * Sets the data packet size.
         *
         * @param packetSize 32, 64, 128 or 256; default 128
         * @return this builder
         */
        public Builder packetSize(int packetSize) {
            SystemParameterCodec.packetSizeCode(packetSize);
            this.packetSize = packetSize;
            return this;
        }

        /**
         * Paces every byte to the baud rate (10 bits per byte), so a capture takes as long as on hardware.
         *
         * @param realtime {@code true} to pace; default {@code false} (as fast as the pseudo-terminal goes)
         * @return this builder
         */
        public Builder realtime(boolean realtime) {
            this.realtime = realtime;
            return this;
        }

        /**
         * Sets what GenImg finds when no finger is presented programmatically.
         *
         * @param source a folder, a script, or {@link FingerSource#NONE} (the default)
         * @return this builder
         */
        public Builder fingerSource(FingerSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Queues faults from the start.
         *
         * @param faults the faults
         * @return this builder
         */
        public Builder faults(List<Fault> faults) {
            this.faults.addAll(faults);
            return this;
        }

        /**
         * Opens the pseudo-terminal and starts serving.
         *
         * @return the running emulator
         * @throws IOException if the pseudo-terminal or link cannot be made
         */
        public ScannerEmulator start() throws IOException {
            ScannerEmulator emulator = new ScannerEmulator(this);
            emulator.plugIn();
            return emulator;
        }
    }

    @Override
    public String toString() {
        return "ScannerEmulator[" + terminal + "]";
    }
}
