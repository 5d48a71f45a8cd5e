package kz.sailau.kiosk.cli;

import kz.sailau.kiosk.crypto.Argon2idParameters;
import picocli.CommandLine.Option;

/**
 * Argon2id cost for a newly sealed key. The defaults are the documented ones (64 MiB, 3 passes, 1 lane);
 * lower values are for demos and tests on slow machines, higher ones for a stronger kiosk.
 */
public final class Argon2Options {

    @Option(names = "--argon2-memory-kib", paramLabel = "KIB", description = "Argon2id memory in KiB (default: 65536).")
    int memoryKiB = Argon2idParameters.DEFAULT.memoryKiB();

    @Option(names = "--argon2-iterations", paramLabel = "N", description = "Argon2id passes (default: 3).")
    int iterations = Argon2idParameters.DEFAULT.iterations();

    Argon2idParameters parameters() {
        try {
            return new Argon2idParameters(memoryKiB, iterations, Argon2idParameters.DEFAULT.parallelism());
        } catch (IllegalArgumentException e) {
            throw new CliException("cli.error.argon2", e.getMessage());
        }
    }
}
