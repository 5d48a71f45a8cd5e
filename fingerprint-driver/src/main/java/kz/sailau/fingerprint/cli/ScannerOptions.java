package kz.sailau.fingerprint.cli;

import java.nio.file.Path;
import java.time.Duration;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
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

    @Option(names = "--response-timeout-ms", paramLabel = "MS", defaultValue = "1000",
            description = "Longest silence accepted from the sensor (default ${DEFAULT-VALUE}).")
    long responseTimeoutMillis;

    SerialScannerSettings settings() {
        return SerialScannerSettings.of(port, baud).withTargetBaudRate(targetBaud).withPassword((int) password)
                .withTiming(Duration.ofMillis(responseTimeoutMillis), SerialScannerSettings.DEFAULT_MAX_ATTEMPTS,
                        SerialScannerSettings.DEFAULT_POLL_INTERVAL);
    }
}
