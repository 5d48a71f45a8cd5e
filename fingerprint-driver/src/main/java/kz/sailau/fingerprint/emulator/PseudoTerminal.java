package kz.sailau.fingerprint.emulator;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A raw pseudo-terminal pair that emulates a serial device: a program (the real driver, through jSerialComm)
 * opens {@link #slavePath()} exactly like {@code /dev/ttyUSB0}, and the emulator speaks the device side through
 * {@link #input()} and {@link #output()} on the master.
 *
 * <p>Generic: it knows nothing of fingerprints, so the kiosk's MRZ reader and receipt printer emulators use it
 * too. Made with {@code posix_openpt(O_RDWR | O_NOCTTY)}, {@code grantpt}, {@code unlockpt} and
 * {@code ptsname_r} through JNA; no external tool. The line is set raw ({@code cfmakeraw}) at once, before the
 * slave can be opened, so every byte value passes unchanged (no echo, no CR/LF mapping, no XON/XOFF, no signals).
 * A pseudo-terminal ignores the baud rate: pacing bytes to a baud rate is the emulator's job.
 *
 * <p>Unplug and replug: {@link #close()} closes the master, which a program holding the slave sees as a dead
 * line (jSerialComm's {@code readBytes} returns -1). A new {@code PseudoTerminal} is a new device with a new
 * {@code /dev/pts/N}; to give it the old name, open both with the same {@code link} path (like a udev rule's
 * {@code /dev/sailau-scanner}): {@link #open(Path)} points the symbolic link at the new slave, and {@link #close()}
 * removes it, so the path exists exactly while the device is "plugged in".
 *
 * <p>Reads and writes on the master are non-blocking with {@code poll} underneath, so {@link #close()} from
 * another thread ends a blocked {@code read} (it returns -1) or {@code write} (it throws) within
 * {@value #POLL_MILLIS} ms. While no program has the slave open, reads simply wait.
 *
 * <p>Linux only (the flag values are Linux's); opening fails with a clear {@link IOException} elsewhere.
 */
public final class PseudoTerminal implements AutoCloseable {

    /** Longest time a blocked read or write waits before it rechecks whether the terminal was closed. */
    static final int POLL_MILLIS = 50;

    private static final PosixTerminalLibrary C = PosixTerminalLibrary.C;

    private final int masterFd;
    private final Path slavePath;
    private final Path link;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final InputStream input = new MasterInputStream();
    private final OutputStream output = new MasterOutputStream();

    private PseudoTerminal(int masterFd, Path slavePath, Path link) {
        this.masterFd = masterFd;
        this.slavePath = slavePath;
        this.link = link;
    }

    /**
     * Opens a new raw pseudo-terminal.
     *
     * @return the open terminal
     * @throws IOException if the system refuses (not Linux, no free pseudo-terminals)
     */
    public static PseudoTerminal open() throws IOException {
        return open(null);
    }

    /**
     * Opens a new raw pseudo-terminal and points a symbolic link at its slave.
     *
     * @param link path of the symbolic link to create or replace atomically, or {@code null} for none; its
     *             folder must exist and be writable
     * @return the open terminal
     * @throws IOException if the system refuses or the link cannot be made
     */
    public static PseudoTerminal open(Path link) throws IOException {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            throw new IOException("PseudoTerminal supports Linux only, this is " + System.getProperty("os.name"));
        }
        int fd;
        try {
            fd = C.posix_openpt(PosixTerminalLibrary.O_RDWR | PosixTerminalLibrary.O_NOCTTY);
        } catch (LastErrorException e) {
            throw new IOException("posix_openpt failed, errno " + e.getErrorCode(), e);
        }
        try {
            makeRaw(fd);
            C.grantpt(fd);
            C.unlockpt(fd);
            byte[] name = new byte[128];
            int error = C.ptsname_r(fd, name, new NativeLong(name.length));
            if (error != 0) {
                throw new IOException("ptsname_r failed, error " + error);
            }
            int length = 0;
            while (length < name.length && name[length] != 0) {
                length++;
            }
            Path slave = Path.of(new String(name, 0, length, StandardCharsets.US_ASCII));
            int flags = C.fcntl(fd, PosixTerminalLibrary.F_GETFL, 0);
            C.fcntl(fd, PosixTerminalLibrary.F_SETFL, flags | PosixTerminalLibrary.O_NONBLOCK);
            Path absoluteLink = link == null ? null : link.toAbsolutePath();
            if (absoluteLink != null) {
                pointLink(absoluteLink, slave);
            }
            return new PseudoTerminal(fd, slave, absoluteLink);
        } catch (LastErrorException e) {
            closeQuietly(fd);
            throw new IOException("setting up the pseudo-terminal failed, errno " + e.getErrorCode(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(fd);
            throw e;
        }
    }

    private static void makeRaw(int fd) {
        byte[] termios = new byte[PosixTerminalLibrary.TERMIOS_BYTES];
        C.tcgetattr(fd, termios);
        C.cfmakeraw(termios);
        C.tcsetattr(fd, PosixTerminalLibrary.TCSANOW, termios);
    }

    private static void pointLink(Path link, Path target) throws IOException {
        Path temporary = link.resolveSibling("." + link.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, target);
        Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void closeQuietly(int fd) {
        try {
            C.close(fd);
        } catch (LastErrorException ignored) {
            // nothing more to release
        }
    }

    /**
     * Returns the slave device, e.g. {@code /dev/pts/7}.
     *
     * @return the path a serial driver opens
     */
    public Path slavePath() {
        return slavePath;
    }

    /**
     * Returns the symbolic link that points at the slave, if one was requested.
     *
     * @return the link path
     */
    public Optional<Path> link() {
        return Optional.ofNullable(link);
    }

    /**
     * Returns the path a driver should open: the link if there is one, else the slave.
     *
     * @return the device path
     */
    public Path devicePath() {
        return link != null ? link : slavePath;
    }

    /**
     * Returns the stream of bytes the program on the slave side writes. {@code read} blocks until at least one
     * byte is there and returns -1 once this terminal is closed. Not for concurrent readers.
     *
     * @return the master input
     */
    public InputStream input() {
        return input;
    }

    /**
     * Returns the stream to the program on the slave side. {@code write} blocks until every byte is handed to
     * the terminal and throws {@link IOException} once this terminal is closed. Not for concurrent writers.
     *
     * @return the master output
     */
    public OutputStream output() {
        return output;
    }

    /**
     * Reads what is there, waiting at most {@code timeoutMillis} for the first byte.
     *
     * @param buffer target
     * @param offset first index to fill
     * @param length most bytes to read
     * @param timeoutMillis how long to wait for data
     * @return bytes read, 0 on timeout, -1 if closed
     * @throws IOException if the system call fails
     */
    public int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            lifecycle.readLock().lock();
            try {
                if (closed) {
                    return -1;
                }
                int wait = (int) Math.max(0, Math.min(POLL_MILLIS, (deadline - System.nanoTime()) / 1_000_000L));
                int events = poll(PosixTerminalLibrary.POLLIN, wait);
                if ((events & PosixTerminalLibrary.POLLIN) != 0) {
                    byte[] chunk = new byte[length];
                    int count = readOnce(chunk);
                    if (count > 0) {
                        System.arraycopy(chunk, 0, buffer, offset, count);
                        return count;
                    }
                } else if ((events & PosixTerminalLibrary.POLLHUP) != 0) {
                    // No program has the slave open: poll returns at once, so wait here instead of spinning.
                    pause(Math.min(wait, 10));
                }
            } finally {
                lifecycle.readLock().unlock();
            }
            if (System.nanoTime() - deadline >= 0) {
                return 0;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while reading the pseudo-terminal");
            }
        }
    }

    private int readOnce(byte[] chunk) throws IOException {
        try {
            return C.read(masterFd, chunk, new NativeLong(chunk.length)).intValue();
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == PosixTerminalLibrary.EAGAIN || errno == PosixTerminalLibrary.EINTR
                    || errno == PosixTerminalLibrary.EIO) {
                return 0;
            }
            throw new IOException("read on pseudo-terminal master failed, errno " + errno, e);
        }
    }

    private void writeFully(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        byte[] remaining = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
        int done = 0;
        while (done < remaining.length) {
            lifecycle.readLock().lock();
            try {
                if (closed) {
                    throw new IOException("pseudo-terminal closed");
                }
                int events = poll(PosixTerminalLibrary.POLLOUT, POLL_MILLIS);
                if ((events & PosixTerminalLibrary.POLLOUT) != 0) {
                    byte[] chunk = done == 0 ? remaining
                            : java.util.Arrays.copyOfRange(remaining, done, remaining.length);
                    try {
                        done += C.write(masterFd, chunk, new NativeLong(chunk.length)).intValue();
                    } catch (LastErrorException e) {
                        int errno = e.getErrorCode();
                        if (errno != PosixTerminalLibrary.EAGAIN && errno != PosixTerminalLibrary.EINTR) {
                            throw new IOException("write on pseudo-terminal master failed, errno " + errno, e);
                        }
                    }
                }
            } finally {
                lifecycle.readLock().unlock();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while writing the pseudo-terminal");
            }
        }
    }

    private int poll(short events, int timeoutMillis) throws IOException {
        byte[] pollFd = new byte[8];
        // struct pollfd { int fd; short events; short revents; } in native (little-endian on x86/ARM) byte order
        java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(pollFd).order(java.nio.ByteOrder.nativeOrder());
        view.putInt(0, masterFd).putShort(4, events);
        try {
            int ready = C.poll(pollFd, new NativeLong(1), timeoutMillis);
            return ready > 0 ? view.getShort(6) : 0;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == PosixTerminalLibrary.EINTR) {
                return 0;
            }
            throw new IOException("poll on pseudo-terminal master failed, errno " + e.getErrorCode(), e);
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the master ("unplugs" the device): a program holding the slave sees the line die, the slave path
     * disappears, and the symbolic link, if any and still pointing at this slave, is removed. Waits for a
     * running read or write to notice (at most about {@value #POLL_MILLIS} ms). Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lifecycle.writeLock().lock();
        try {
            closeQuietly(masterFd);
        } finally {
            lifecycle.writeLock().unlock();
        }
        if (link != null) {
            try {
                if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(slavePath)) {
                    Files.delete(link);
                }
            } catch (IOException ignored) {
                // the link was changed or removed by someone else: theirs to keep
            }
        }
    }

    @Override
    public String toString() {
        return "PseudoTerminal[" + slavePath + (link != null ? " <- " + link : "") + (closed ? ", closed" : "") + "]";
    }

    private final class MasterInputStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int count = read(one, 0, 1);
            return count < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (true) {
                int count = PseudoTerminal.this.read(buffer, offset, length, POLL_MILLIS * 4);
                if (count != 0) {
                    return count;
                }
            }
        }

        @Override
        public void close() {
            PseudoTerminal.this.close();
        }
    }

    private final class MasterOutputStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            writeFully(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writeFully(bytes, offset, length);
        }

        @Override
        public void close() {
            PseudoTerminal.this.close();
        }
    }
}
