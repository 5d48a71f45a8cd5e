package kz.sailau.fingerprint.serial;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import kz.sailau.fingerprint.protocol.Packet;

/**
 * How to reach a sensor on a serial line.
 *
 * @param port            device path: {@code /dev/ttyUSB0}, a udev symlink, or an emulator's pseudo-terminal
 * @param baudRate        the rate the sensor listens at now; 57,600 out of the box
 * @param targetBaudRate  a rate to switch to with SetSysPara after the handshake, or 0 to keep {@code baudRate}
 * @param password        the 32-bit handshake password (VfyPwd), 0 out of the box
 * @param address         the module address, {@link Packet#DEFAULT_ADDRESS} out of the box
 * @param responseTimeout longest silence accepted while waiting for a reply or the next bytes of one
 * @param maxAttempts     tries per command when replies are garbled, lost or fail their checksum, at least 1
 * @param pollInterval    pause between GenImg polls while waiting for a finger
 */
public record SerialScannerSettings(Path port, int baudRate, int targetBaudRate, int password, int address,
                                    Duration responseTimeout, int maxAttempts, Duration pollInterval) {

    /** Default response timeout: a second is ten times the longest packet at 9600 baud. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(1);
    /** Default attempts per command. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default pause between finger polls. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public SerialScannerSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        checkBaud(baudRate);
        if (targetBaudRate != 0) {
            checkBaud(targetBaudRate);
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("response timeout must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("poll interval must not be negative");
        }
    }

    /**
     * Settings with the module's defaults for everything but port and baud rate.
     *
     * @param port     device path
     * @param baudRate the rate the sensor listens at
     * @return the settings
     */
    public static SerialScannerSettings of(Path port, int baudRate) {
        return new SerialScannerSettings(port, baudRate, 0, 0, Packet.DEFAULT_ADDRESS, DEFAULT_RESPONSE_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_POLL_INTERVAL);
    }

    /**
     * Returns a copy that raises the line to another rate after the handshake.
     *
     * @param rate 9600 × N, N in 1..12, or 0 to keep the current rate
     * @return the new settings
     */
    public SerialScannerSettings withTargetBaudRate(int rate) {
        return new SerialScannerSettings(port, baudRate, rate, password, address, responseTimeout, maxAttempts,
                pollInterval);
    }

    /**
     * Returns a copy with another password.
     *
     * @param newPassword the 32-bit password
     * @return the new settings
     */
    public SerialScannerSettings withPassword(int newPassword) {
        return new SerialScannerSettings(port, baudRate, targetBaudRate, newPassword, address, responseTimeout,
                maxAttempts, pollInterval);
    }

    /**
     * Returns a copy with other timing.
     *
     * @param newResponseTimeout longest silence accepted
     * @param newMaxAttempts     tries per command
     * @param newPollInterval    pause between finger polls
     * @return the new settings
     */
    public SerialScannerSettings withTiming(Duration newResponseTimeout, int newMaxAttempts,
                                            Duration newPollInterval) {
        return new SerialScannerSettings(port, baudRate, targetBaudRate, password, address, newResponseTimeout,
                newMaxAttempts, newPollInterval);
    }

    private static void checkBaud(int rate) {
        if (rate % 9600 != 0 || rate < 9600 || rate > 9600 * 12) {
            throw new IllegalArgumentException("baud rate must be 9600 × N, N in 1..12, was " + rate);
        }
    }
}
