package kz.sailau.fingerprint.emulator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.MalformedPacketException;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.protocol.Instruction;
import kz.sailau.fingerprint.protocol.LineTiming;
import kz.sailau.fingerprint.protocol.Packet;
import kz.sailau.fingerprint.protocol.PacketDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EmulatedSensor} on a {@link PseudoTerminal}: the real driver opens {@link #devicePath()} with
 * jSerialComm and cannot tell it from hardware. This class is the shell around the pure sensor: the pseudo-terminal
 * and its unplug/replug (a replug is a power cycle: settings written since apply, an R503 sends its 0x55), the
 * serving thread, the time each instruction takes ({@link ReplyDelays}), pacing bytes to the baud rate, the
 * transfer {@link Fault}s and statistics.
 *
 * <p>The model is a {@link SensorProfile} (default {@link SensorProfile#DEFAULT}); see {@link EmulatedSensor} for
 * the instructions it answers. Packets for another address are ignored, as the module does.
 *
 * <p>What the finger is: a finger {@linkplain #presentFinger(BufferedImage) presented programmatically} stays on
 * the sensor until {@link #liftFinger()}; otherwise each GenImg asks the {@link FingerSource}. Pictures are fitted to
 * the profile's geometry ({@link SensorImageFitter}).
 *
 * <p>One daemon thread serves the line. All public methods are thread-safe.
 */
public final class ScannerEmulator implements AutoCloseable {

    /** Default baud rate of the module: 57,600 (baud factor 6; user manual, SetSysPara parameter 4). */
    public static final int DEFAULT_BAUD_RATE = 57_600;
    /** Default data packet size of the module: 128 bytes (user manual, SetSysPara parameter 6). */
    public static final int DEFAULT_PACKET_SIZE = 128;

    private static final Logger LOG = LoggerFactory.getLogger(ScannerEmulator.class);
    private static final int PACE_CHUNK = 64;
    /** Without pacing: how long the bytes sent before an unplug fault stay readable before the pty closes. */
    private static final Duration UNPLUG_GRACE = Duration.ofMillis(500);

    private final Path link;
    private final boolean realtime;
    private final ReplyDelays delays;
    private final EmulatedSensor sensor;
    private final UploadFaults faults = new UploadFaults();

    /** Orders plugging in against {@link #close()}, so a delayed replug cannot outlive the emulator. */
    private final Object plugLock = new Object();
    private volatile PseudoTerminal terminal;
    private volatile Thread server;
    private volatile boolean closed;

    private final AtomicInteger generateImageCommands = new AtomicInteger();
    private final AtomicInteger uploadsStarted = new AtomicInteger();
    private final AtomicInteger uploadsCompleted = new AtomicInteger();
    private final AtomicInteger plugCount = new AtomicInteger();
    /** Notified whenever the device is plugged in or out or answers GenImg, for {@link #awaitPluggedIn}. */
    private final Object progress = new Object();

    private ScannerEmulator(Builder builder) {
        this.link = builder.link;
        this.realtime = builder.realtime;
        this.delays = builder.delays;
        this.sensor = new EmulatedSensor(builder.profile, builder.password, builder.address, builder.baudRate,
                builder.packetSize, builder.source, builder.random);
        for (Fault fault : builder.faults) {
            inject(fault);
        }
    }

    /**
     * Starts configuring an emulator.
     *
     * @return a builder with the module's defaults: the default profile, password 0, address FFFFFFFF, 57,600 baud,
     *         128-byte packets
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
            List<SensorReply> started = new ArrayList<>();
            sensor.powerOn().ifPresent(started::add);
            Thread thread = new Thread(() -> serve(pty, started), "scanner-emulator-" + pty.slavePath().getFileName());
            thread.setDaemon(true);
            server = thread;
            thread.start();
            LOG.info("Scanner emulator ({}) plugged in at {}", sensor.profile().id(), pty.devicePath());
        }
        signalProgress();
    }

    /**
     * Returns the path the driver opens: the link if configured, else the current slave path.
     *
     * @return the device path
     */
    public Path devicePath() {
        return link != null ? link : terminal.slavePath();
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
     * Returns the emulated module, to inspect its state (library, LED, parameters).
     *
     * @return the sensor
     */
    public EmulatedSensor sensor() {
        return sensor;
    }

    /**
     * Puts a finger on the sensor: every GenImg finds it until {@link #liftFinger()}.
     *
     * @param image any picture; fitted to the profile with {@link SensorImageFitter#raw}
     */
    public void presentFinger(BufferedImage image) {
        sensor.presentFinger(SensorImageFitter.raw(image, sensor.profile()));
    }

    /**
     * Puts the finger in an image file on the sensor until {@link #liftFinger()}.
     *
     * @param file a PNG file
     * @throws IOException if the file cannot be read
     */
    public void presentFinger(Path file) throws IOException {
        presentFinger(SensorImageFitter.read(file));
    }

    /** Takes the presented finger off the sensor; GenImg then asks the finger source again. */
    public void liftFinger() {
        sensor.liftFinger();
    }

    /**
     * Queues a fault.
     *
     * @param fault the fault; applies to the next upload(s) or polls
     */
    public void inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (fault instanceof Fault.NoFinger noFinger) {
            sensor.forceNoFinger(noFinger.polls());
        } else {
            faults.add(fault);
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
        signalProgress();
    }

    /**
     * Plugs the device back in (a power cycle): a new pseudo-terminal, pointed to by the same link if one is
     * configured. Unplugs first if still plugged in.
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
     * Waits until the device has been plugged in {@code count} times and is plugged in now (a replug after an
     * injected disconnect happens on the emulator's own thread).
     *
     * @param count   the plug count to wait for (1 after start, +1 per replug)
     * @param timeout how long to wait at most
     * @return {@code true} if it happened within the timeout
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitPluggedIn(int count, Duration timeout) throws InterruptedException {
        return awaitProgress(() -> plugCount.get() >= count && isPluggedIn(), timeout);
    }

    /**
     * Waits until the emulator has answered at least {@code count} GenImg commands (a driver polling for a finger).
     *
     * @param count   the number of GenImg answers to wait for
     * @param timeout how long to wait at most
     * @return {@code true} if it happened within the timeout
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitGenerateImageCommands(int count, Duration timeout) throws InterruptedException {
        return awaitProgress(() -> generateImageCommands.get() >= count, timeout);
    }

    /**
     * Waits until the emulator has sent at least {@code count} uploads to the end. The host may hold an upload's
     * last byte before the emulator's serving thread has counted it, so a test that has just captured waits here
     * rather than reading {@link #uploadsCompleted()} at once.
     *
     * @param count   the number of completed uploads to wait for
     * @param timeout how long to wait at most
     * @return {@code true} if it happened within the timeout
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitUploadsCompleted(int count, Duration timeout) throws InterruptedException {
        return awaitProgress(() -> uploadsCompleted.get() >= count, timeout);
    }

    private boolean awaitProgress(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    private void signalProgress() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /**
     * Returns the current baud rate (changed by SetSysPara).
     *
     * @return baud
     */
    public int baudRate() {
        return sensor.baudRate();
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

    private void serve(PseudoTerminal pty, List<SensorReply> started) {
        PacketDecoder decoder = new PacketDecoder();
        byte[] buffer = new byte[1024];
        try {
            for (SensorReply reply : started) {
                send(pty, reply.bytes(), reply.bytes().length, reply.baudRate());
            }
            while (!pty.isClosed()) {
                int count = pty.input().read(buffer, 0, buffer.length);
                if (count < 0) {
                    return;
                }
                decoder.feed(buffer, 0, count);
                while (!pty.isClosed()) {
                    List<SensorReply> replies;
                    try {
                        Packet packet = decoder.next();
                        if (packet == null) {
                            break;
                        }
                        replies = sensor.handle(packet);
                    } catch (ChecksumException e) {
                        // user manual, "Check and acknowledgement of data package": a bad packet is answered 0x01
                        replies = List.of(sensor.receiveError());
                    } catch (MalformedPacketException e) {
                        continue;
                    }
                    for (SensorReply reply : replies) {
                        if (!deliver(pty, reply)) {
                            return;
                        }
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

    /** Sends one reply after the module's working time; returns {@code false} when a fault unplugged the device. */
    private boolean deliver(PseudoTerminal pty, SensorReply reply) throws IOException {
        if (reply.instruction() == Instruction.GEN_IMG.code()) {
            generateImageCommands.incrementAndGet();
            signalProgress();
        }
        if (reply.instruction() >= 0) {
            sleepQuietly(delays.delay(reply.instruction(), sensor.profile()));
        }
        if (!reply.imageUpload()) {
            byte[] bytes = reply.bytes();
            send(pty, bytes, bytes.length, reply.baudRate());
            return true;
        }
        uploadsStarted.incrementAndGet();
        UploadFaults.Plan plan = faults.next(reply.frames());
        send(pty, plan.bytes(), plan.sendBytes(), reply.baudRate());
        if (plan.stalls()) {
            LOG.info("Scanner emulator: upload stalled after {} bytes (fault)", plan.sendBytes());
        } else if (plan.disconnects()) {
            if (!realtime) {
                // Without pacing the bytes arrive all at once; closing the master at once would make the kernel
                // drop what the host has not read yet, so the cut would fall before any data. Give the host the
                // time those bytes would have spent on the wire before the cable is pulled.
                sleepQuietly(UNPLUG_GRACE);
            }
            LOG.info("Scanner emulator: unplugged after {} bytes of upload (fault)", plan.sendBytes());
            pty.close();
            Duration replugAfter = ((Fault.Disconnect) plan.fault()).replugAfter();
            if (replugAfter != null && !closed) {
                scheduleReplug(replugAfter);
            }
            return false;
        } else if (plan.fault() == null) {
            uploadsCompleted.incrementAndGet();
            signalProgress();
        }
        return true;
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

    private static void sleepQuietly(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes bytes, paced to the baud rate when real-time pacing is on. */
    private void send(PseudoTerminal pty, byte[] bytes, int length, int baud) throws IOException {
        if (!realtime) {
            pty.output().write(bytes, 0, length);
            return;
        }
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
        private SensorProfile profile = SensorProfile.DEFAULT;
        private Path link;
        private int password;
        private int address = Packet.DEFAULT_ADDRESS;
        private int baudRate = DEFAULT_BAUD_RATE;
        private int packetSize = DEFAULT_PACKET_SIZE;
        private boolean realtime;
        private ReplyDelays delays = ReplyDelays.NONE;
        private RandomGenerator random = new Random();
        private FingerSource source = FingerSource.NONE;
        private final List<Fault> faults = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the model to behave like.
         *
         * @param profile a catalogue entry; default {@link SensorProfile#DEFAULT}
         * @return this builder
         */
        public Builder profile(SensorProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
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
         * @param baudRate 9600 × N for an N the profile accepts; default 57,600 (checked at {@link #start()})
         * @return this builder
         */
        public Builder baudRate(int baudRate) {
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
         * Sets how long the module works on each instruction before answering.
         *
         * @param delays e.g. {@link ReplyDelays#DATASHEET_MAXIMUM}; default {@link ReplyDelays#NONE}
         * @return this builder
         */
        public Builder replyDelays(ReplyDelays delays) {
            this.delays = Objects.requireNonNull(delays, "delays");
            return this;
        }

        /**
         * Sets the random generator behind GetRandomCode.
         *
         * @param random the generator; default a new {@link Random}
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
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
         * @throws IOException              if the pseudo-terminal or link cannot be made
         * @throws IllegalArgumentException if the profile does not run at the baud rate or the packet size is wrong
         */
        public ScannerEmulator start() throws IOException {
            ScannerEmulator emulator = new ScannerEmulator(this);
            emulator.plugIn();
            return emulator;
        }
    }

    @Override
    public String toString() {
        return "ScannerEmulator[" + sensor.profile().id() + ", " + terminal + "]";
    }
}
