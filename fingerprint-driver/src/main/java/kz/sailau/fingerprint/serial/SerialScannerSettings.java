package kz.sailau.fingerprint.serial;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.protocol.Packet;

/**
 * How to reach a sensor on a serial line, and which model it is.
 *
 * @param port            device path: {@code /dev/ttyUSB0}, a udev symlink, or an emulator's pseudo-terminal
 * @param baudRate        the rate the sensor listens at now; 57,600 out of the box
 * @param targetBaudRate  a rate to switch to with SetSysPara after the handshake, or 0 to keep {@code baudRate}
 * @param password        the 32-bit handshake password (VfyPwd), 0 out of the box
 * @param address         the module address, {@link Packet#DEFAULT_ADDRESS} out of the box
 * @param responseTimeout the margin added to each command's working time from the profile, and the longest silence
 *                        accepted between the bytes of one reply
 * @param maxAttempts     tries per command when replies are garbled, lost or fail their checksum, at least 1
 * @param pollInterval    pause between GenImg polls while waiting for a finger
 * @param profile         the sensor model: image geometry, accepted speeds, how long each command may take
 */
public record SerialScannerSettings(Path port, int baudRate, int targetBaudRate, int password, int address,
                                    Duration responseTimeout, int maxAttempts, Duration pollInterval,
                                    SensorProfile profile) {

    /**
     * Default response timeout: a quarter second beyond each command's working time, and the longest gap inside a
     * reply (a whole 267-byte packet takes 278 ms at 9600 baud, but the module sends it without pauses).
     */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofMillis(250);
    /** Default attempts per command. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default pause between finger polls. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a value is out of range or a speed is one the profile's module refuses
     */
    public SerialScannerSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(profile, "profile");
        checkBaud(baudRate, profile);
        if (targetBaudRate != 0) {
            checkBaud(targetBaudRate, profile);
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
     * Settings with the module's defaults for everything but port and baud rate, for the default profile.
     *
     * @param port     device path
     * @param baudRate the rate the sensor listens at
     * @return the settings
     */
    public static SerialScannerSettings of(Path port, int baudRate) {
        return of(port, baudRate, SensorProfile.DEFAULT);
    }

    /**
     * Settings with the module's defaults for everything but port, baud rate and model.
     *
     * @param port     device path
     * @param baudRate the rate the sensor listens at
     * @param profile  the model
     * @return the settings
     */
    public static SerialScannerSettings of(Path port, int baudRate, SensorProfile profile) {
        return new SerialScannerSettings(port, baudRate, 0, 0, Packet.DEFAULT_ADDRESS, DEFAULT_RESPONSE_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_POLL_INTERVAL, profile);
    }

    /**
     * Returns a copy that raises the line to another rate after the handshake.
     *
     * @param rate 9600 × N for an N the profile accepts, or 0 to keep the current rate
     * @return the new settings
     */
    public SerialScannerSettings withTargetBaudRate(int rate) {
        return new SerialScannerSettings(port, baudRate, rate, password, address, responseTimeout, maxAttempts,
                pollInterval, profile);
    }

    /**
     * Returns a copy with another password.
     *
     * @param newPassword the 32-bit password
     * @return the new settings
     */
    public SerialScannerSettings withPassword(int newPassword) {
        return new SerialScannerSettings(port, baudRate, targetBaudRate, newPassword, address, responseTimeout,
                maxAttempts, pollInterval, profile);
    }

    /**
     * Returns a copy for another model.
     *
     * @param newProfile the model
     * @return the new settings
     */
    public SerialScannerSettings withProfile(SensorProfile newProfile) {
        return new SerialScannerSettings(port, baudRate, targetBaudRate, password, address, responseTimeout,
                maxAttempts, pollInterval, newProfile);
    }

    /**
     * Returns a copy with other timing.
     *
     * @param newResponseTimeout margin beyond each command's working time, and longest silence inside a reply
     * @param newMaxAttempts     tries per command
     * @param newPollInterval    pause between finger polls
     * @return the new settings
     */
    public SerialScannerSettings withTiming(Duration newResponseTimeout, int newMaxAttempts,
                                            Duration newPollInterval) {
        return new SerialScannerSettings(port, baudRate, targetBaudRate, password, address, newResponseTimeout,
                newMaxAttempts, newPollInterval, profile);
    }

    private static void checkBaud(int rate, SensorProfile profile) {
        if (!profile.acceptsBaudRate(rate)) {
            throw new IllegalArgumentException("the " + profile.model() + " runs at " + profile.baudRates()
                    + " baud, not " + rate);
        }
    }
}
