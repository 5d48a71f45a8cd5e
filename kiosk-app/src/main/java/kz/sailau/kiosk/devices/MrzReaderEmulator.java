package kz.sailau.kiosk.devices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import kz.sailau.fingerprint.emulator.PseudoTerminal;

/**
 * An MRZ reader emulated on a pseudo-terminal: the kiosk opens {@link #devicePath()} with the real
 * {@link SerialMrzReader}, and {@link #present} "swipes" a card by writing its zone the way the profile's reader
 * frames it (lines ended by CR LF; one 90-character line; or an RTE native block). Also sends broken or partial
 * zones for fault tests.
 */
public final class MrzReaderEmulator implements AutoCloseable {

    private final PseudoTerminal terminal;
    private final MrzReaderProfile profile;

    private MrzReaderEmulator(PseudoTerminal terminal, MrzReaderProfile profile) {
        this.terminal = terminal;
        this.profile = profile;
    }

    /**
     * Opens a new emulated reader of the default profile.
     *
     * @param link a stable path to point at the device (e.g. {@code /tmp/sailau-mrz}), or null for none
     * @throws IOException if no pseudo-terminal can be opened
     */
    public static MrzReaderEmulator open(Path link) throws IOException {
        return open(link, MrzReaderProfile.DEFAULT);
    }

    /**
     * Opens a new emulated reader.
     *
     * @param link    a stable path to point at the device, or null for none
     * @param profile the reader model whose framing to write
     * @throws IOException if no pseudo-terminal can be opened
     */
    public static MrzReaderEmulator open(Path link, MrzReaderProfile profile) throws IOException {
        Objects.requireNonNull(profile, "profile");
        return new MrzReaderEmulator(PseudoTerminal.open(link), profile);
    }

    /** The path the kiosk opens as its MRZ reader port. */
    public Path devicePath() {
        return terminal.devicePath();
    }

    /** Sends a card's zone lines framed as the profile's reader does. */
    public void present(List<String> lines) throws IOException {
        sendRaw(frame(profile.framing(), lines));
    }

    /**
     * Frames a zone as a reader of a framing sends it.
     *
     * @param framing the framing
     * @param lines   the zone's rows
     * @return the bytes on the line
     */
    public static byte[] frame(MrzReaderProfile.Framing framing, List<String> lines) {
        Objects.requireNonNull(lines, "lines");
        return switch (framing) {
            case LINES -> ascii(String.join("\r\n", lines) + "\r\n");
            case ONE_LINE -> ascii(String.join("", lines) + "\r");
            case RTE_BLOCK -> rteBlock(lines);
        };
    }

    /** {@code SOH len-lo len-hi 'O' 'U' STX flag rows-each-with-CR ETX BCC}, rows padded with '_' to 30. */
    private static byte[] rteBlock(List<String> lines) {
        StringBuilder data = new StringBuilder();
        for (String line : lines) {
            StringBuilder row = new StringBuilder(line);
            while (row.length() < MrzLineAssembler.TD1_ROW) {
                row.append('_');
            }
            data.append(row).append('\r');
        }
        byte[] text = ascii(data.toString());
        int length = 2 + 1 + 1 + text.length + 1 + 1; // "OU", STX, flag, data, ETX, BCC
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x01);
        out.write(length & 0xFF);
        out.write(length >>> 8 & 0x3F);
        out.write('O');
        out.write('U');
        out.write(0x02);
        out.write('0');
        out.writeBytes(text);
        out.write(0x03);
        byte[] body = out.toByteArray();
        int bcc = 0;
        for (int i = 1; i < body.length; i++) {
            bcc ^= body[i] & 0xFF;
        }
        out.write(bcc);
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
