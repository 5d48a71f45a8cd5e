package kz.sailau.kiosk.devices;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import kz.sailau.fingerprint.emulator.PseudoTerminal;

/**
 * An MRZ reader emulated on a pseudo-terminal: the kiosk opens {@link #devicePath()} with the real
 * {@link SerialMrzReader}, and {@link #present} "swipes" a card by writing its zone the way a reader does:
 * each line followed by CR LF. Also sends broken or partial zones for fault tests.
 */
public final class MrzReaderEmulator implements AutoCloseable {

    private final PseudoTerminal terminal;

    private MrzReaderEmulator(PseudoTerminal terminal) {
        this.terminal = terminal;
    }

    /**
     * Opens a new emulated reader.
     *
     * @param link a stable path to point at the device (e.g. {@code /tmp/sailau-mrz}), or null for none
     * @throws IOException if no pseudo-terminal can be opened
     */
    public static MrzReaderEmulator open(Path link) throws IOException {
        return new MrzReaderEmulator(PseudoTerminal.open(link));
    }

    /** The path the kiosk opens as its MRZ reader port. */
    public Path devicePath() {
        return terminal.devicePath();
    }

    /** Sends a card's zone lines, each terminated by CR LF. */
    public void present(List<String> lines) throws IOException {
        Objects.requireNonNull(lines, "lines");
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        sendRaw(text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends bytes exactly as given (noise, partial lines). */
    public void sendRaw(byte[] bytes) throws IOException {
        OutputStream out = terminal.output();
        out.write(bytes);
        out.flush();
    }

    /** Unplugs the reader: the kiosk's reader sees a dead line. */
    @Override
    public void close() {
        terminal.close();
    }
}
