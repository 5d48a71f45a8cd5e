package kz.sailau.fingerprint.serial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.protocol.Acknowledgement;
import kz.sailau.fingerprint.protocol.Commands;
import kz.sailau.fingerprint.protocol.ConfirmationCode;
import kz.sailau.fingerprint.protocol.Instruction;
import kz.sailau.fingerprint.protocol.Packet;
import kz.sailau.fingerprint.protocol.PacketType;

/**
 * What the kiosk needs to know about a sensor model before it is added to the catalogue ({@code fingerprint-driver
 * probe}): its ReadSysPara answer, how long GenImg takes, which of the model-specific instructions it answers (and
 * with which code an unknown one is refused), what ReadProdInfo says about the image, and, with a finger on it, how
 * many bytes its image has. Nothing is written to the module: baud factors are not tried, because SetSysPara writes
 * flash.
 */
public final class SensorProbe {

    private SensorProbe() {
    }

    /**
     * Probes a sensor.
     *
     * @param settings     port, speed and the profile to start from
     * @param fingerWait   how long to wait for a finger to measure the image, or {@code null} to skip that
     * @param clockNanos   the clock GenImg is timed with ({@code System::nanoTime})
     * @return report lines {@code "name: value"}
     * @throws ScannerException if the handshake fails
     */
    public static List<String> run(SerialScannerSettings settings, Duration fingerWait,
                                   java.util.function.LongSupplier clockNanos) throws ScannerException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clockNanos, "clockNanos");
        List<String> lines = new ArrayList<>();
        SensorProfile profile = settings.profile();
        try (SerialFingerprintScanner scanner = new SerialFingerprintScanner(settings)) {
            SensorParameters parameters = scanner.open();
            int address = settings.address();
            lines.add("port: " + settings.port());
            lines.add("profile used: " + profile.id() + " (" + profile.model() + ")");
            lines.add("baud rate: " + parameters.baudRate());
            lines.add("packet size: " + parameters.packetSizeBytes());
            lines.add("security level: " + parameters.securityLevel());
            lines.add("library size: " + parameters.librarySize());
            lines.add("templates stored: " + scanner.templateCount());
            lines.add(String.format("system identifier: 0x%04x (catalogue models with it: %s)",
                    parameters.systemIdentifier(), SensorProfile.catalogue().stream()
                            .filter(p -> p.systemIdentifier() == parameters.systemIdentifier())
                            .map(SensorProfile::id).collect(Collectors.joining(", "))));
            lines.add(String.format("status register: 0x%04x", parameters.statusRegister()));
            lines.add(String.format("device address: 0x%08x", parameters.deviceAddress()));
            long start = clockNanos.getAsLong();
            Acknowledgement genImg = scanner.probeCommand(Commands.generateImage(address));
            long millis = (clockNanos.getAsLong() - start) / 1_000_000L;
            lines.add("GenImg: " + describe(genImg) + " after " + millis + " ms (profile allows "
                    + profile.imageCaptureMax().toMillis() + " ms)");
            lines.add("unknown instruction 0x99: " + describe(scanner.probeCommand(
                    new Packet(address, PacketType.COMMAND, new byte[] {(byte) 0x99}))));
            lines.add("HandShake (0x40): " + describe(scanner.probeCommand(
                    Commands.command(address, Instruction.HAND_SHAKE))));
            Acknowledgement info = scanner.probeCommand(Commands.readProductInformation(address));
            lines.add("ReadProdInfo (0x3C): " + describe(info));
            byte[] bytes = info.parameters();
            if (info.confirmation() == ConfirmationCode.OK && bytes.length >= 46) {
                lines.add("module type: " + ascii(bytes, 0, 16));
                lines.add("sensor type: " + ascii(bytes, 30, 8));
                lines.add("sensor image: " + u16(bytes, 38) + " x " + u16(bytes, 40));
                lines.add("database size: " + u16(bytes, 44));
            }
            if (fingerWait != null) {
                long image = scanner.probeImageBytes(fingerWait);
                lines.add("image bytes: " + image + " (" + image * 2 + " pixels at 4 bits; catalogue geometries: "
                        + SensorProfile.catalogue().stream().filter(p -> p.packedImageBytes() == image)
                        .map(p -> p.id() + " " + p.imageWidth() + "x" + p.imageHeight())
                        .collect(Collectors.joining(", ")) + ")");
            } else {
                lines.add("image bytes: not measured (give --finger to put a finger on and upload one image)");
            }
            lines.add("baud factors: not tried (SetSysPara writes flash); " + profile.id() + "'s manual lists N = "
                    + profile.baudFactors());
        }
        return lines;
    }

    private static String describe(Acknowledgement answer) {
        return String.format("0x%02x (%s)", answer.code(), answer.confirmation().meaning());
    }

    private static String ascii(byte[] bytes, int from, int length) {
        StringBuilder text = new StringBuilder();
        for (byte b : Arrays.copyOfRange(bytes, from, from + length)) {
            if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            }
        }
        return text.toString().strip();
    }

    private static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }
}
