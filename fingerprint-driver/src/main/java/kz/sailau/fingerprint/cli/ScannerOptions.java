package kz.sailau.fingerprint.cli;

import java.nio.file.Path;
import java.time.Duration;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by {@code probe} and {@code capture}. */
final class ScannerOptions {

    @Option(names = "--port", paramLabel = "PATH", required = true,
            description = "Serial device: /dev/ttyUSB0, a udev link, or the emulator's port.")
    Path port;

    @Option(names = "--baud", paramLabel = "B", defaultValue = "57600",
            description = "Baud rate the sensor listens at (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--target-baud", paramLabel = "B", defaultValue = "0",
            description = "Switch the sensor to this rate with SetSysPara after the handshake (0 = keep).")
    int targetBaud;

    @Option(names = "--password", paramLabel = "P", defaultValue = "0",
            description = "Handshake password (default ${DEFAULT-VALUE}).")
    long password;

    @Option(names = "--profile", paramLabel = "ID", defaultValue = "zfm-20",
            description = "Sensor model: zfm-20, r307, r305, r503 (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--response-timeout-ms", paramLabel = "MS", defaultValue = "250",
            description = "Margin beyond each command's working time from the profile, and longest silence inside"
                    + " a reply (default ${DEFAULT-VALUE}).")
    long responseTimeoutMillis;

    SerialScannerSettings settings(CommandLine commandLine) {
        SensorProfile model = profile(commandLine, profile);
        try {
            return SerialScannerSettings.of(port, baud, model).withTargetBaudRate(targetBaud)
                    .withPassword((int) password)
                    .withTiming(Duration.ofMillis(responseTimeoutMillis), SerialScannerSettings.DEFAULT_MAX_ATTEMPTS,
                            SerialScannerSettings.DEFAULT_POLL_INTERVAL);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage(), e);
        }
    }

    static SensorProfile profile(CommandLine commandLine, String id) {
        return SensorProfile.byId(id).orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                "unknown profile '" + id + "'; known: " + String.join(", ", SensorProfile.ids())));
    }
}
