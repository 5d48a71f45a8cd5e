package kz.sailau.fingerprint.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault the {@link ScannerEmulator} injects, to test how the driver copes. Inject with
 * {@link ScannerEmulator#inject(Fault)} or on the command line with {@code --fault SPEC} (see {@link #parse}).
 * Faults queue up; each applies to the next image upload(s) or GenImg polls and is then used up.
 */
public sealed interface Fault {

    /**
     * The next {@code uploads} image uploads each carry one data packet whose checksum is wrong.
     *
     * @param uploads how many uploads to spoil, at least 1
     */
    record CorruptChecksum(int uploads) implements Fault {
        /** Validates. */
        public CorruptChecksum {
            positive(uploads, "uploads");
        }
    }

    /**
     * The next image upload loses {@code bytes} consecutive bytes from the middle of its stream.
     *
     * @param bytes how many bytes to drop, at least 1
     */
    record DropBytes(int bytes) implements Fault {
        /** Validates. */
        public DropBytes {
            positive(bytes, "bytes");
        }
    }

    /**
     * The next image upload stops after {@code afterBytes} bytes and the rest is never sent, as if the sensor
     * hung; later commands are answered normally.
     *
     * @param afterBytes bytes of the upload stream (acknowledge and data packets) sent before the stall
     */
    record Stall(int afterBytes) implements Fault {
        /** Validates. */
        public Stall {
            notNegative(afterBytes, "afterBytes");
        }
    }

    /**
     * The next image upload is cut off after {@code afterBytes} bytes by unplugging the device (the
     * pseudo-terminal is closed). If {@code replugAfter} is given, the emulator plugs itself back in (a new
     * pseudo-terminal at the same link path) after that delay; otherwise it stays unplugged until
     * {@link ScannerEmulator#replug()}.
     *
     * @param afterBytes  bytes of the upload stream sent before the unplug
     * @param replugAfter delay before plugging back in, or {@code null} to stay unplugged
     */
    record Disconnect(int afterBytes, Duration replugAfter) implements Fault {
        /** Validates. */
        public Disconnect {
            notNegative(afterBytes, "afterBytes");
            if (replugAfter != null && replugAfter.isNegative()) {
                throw new IllegalArgumentException("replugAfter must not be negative");
            }
        }
    }

    /**
     * The next {@code polls} GenImg commands answer "no finger" (confirmation code 0x02) whatever is presented.
     *
     * @param polls how many polls, at least 1
     */
    record NoFinger(int polls) implements Fault {
        /** Validates. */
        public NoFinger {
            positive(polls, "polls");
        }
    }

    /**
     * Parses a command-line fault specification: comma-separated items {@code checksum[=UPLOADS]},
     * {@code drop[=BYTES]}, {@code stall[=AFTER_BYTES]}, {@code disconnect[=AFTER_BYTES]} (plugs back in after
     * one second), {@code no-finger[=POLLS]}. Example: {@code no-finger=3,checksum,disconnect=20000}.
     *
     * @param spec the specification
     * @return the faults in order
     * @throws IllegalArgumentException if an item is unknown or its number is invalid
     */
    static List<Fault> parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        List<Fault> faults = new ArrayList<>();
        for (String item : spec.split(",")) {
            String trimmed = item.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String name = equals < 0 ? trimmed : trimmed.substring(0, equals);
            Integer number = null;
            if (equals >= 0) {
                try {
                    number = Integer.parseInt(trimmed.substring(equals + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("fault '" + item.trim() + "': not a number after '='", e);
                }
            }
            faults.add(switch (name) {
                case "checksum" -> new CorruptChecksum(number == null ? 1 : number);
                case "drop" -> new DropBytes(number == null ? 3 : number);
                case "stall" -> new Stall(number == null ? 1000 : number);
                case "disconnect" -> new Disconnect(number == null ? 1000 : number, Duration.ofSeconds(1));
                case "no-finger" -> new NoFinger(number == null ? 3 : number);
                default -> throw new IllegalArgumentException("unknown fault '" + name
                        + "'; known: checksum, drop, stall, disconnect, no-finger");
            });
        }
        return faults;
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void notNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
