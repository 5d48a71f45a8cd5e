package kz.sailau.kiosk.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;

/**
 * {@code sailau-kiosk args...} run in the test JVM at a fixed clock, with what {@link Main#main} wires otherwise, its
 * two streams kept in {@link #out} and {@link #err} across runs (a test resets them where it reads one run's output
 * alone): the command-line unit tests' one wiring.
 */
final class CapturedCommandLine {

    /** The clock most command-line tests run at. */
    static final Clock NOVEMBER_20 = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC);

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Clock clock;

    CapturedCommandLine(Clock clock) {
        this.clock = clock;
    }

    /** The exit code of one run; its output is appended to {@link #out} and {@link #err}. */
    int run(String... args) {
        return KioskCommandLine.create(environment()).execute(args);
    }

    /** As {@link #run}, with the command line {@link Main#main} would pick ({@code start}, {@code demo} too). */
    int runAsMain(String... args) {
        return Main.commandLineFor(args, environment()).execute(args);
    }

    private CliEnvironment environment() {
        return new CliEnvironment(clock, new SecureRandom(), Main.migrations(), SourceAfisMatcher::new,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
