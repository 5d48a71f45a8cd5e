package kz.sailau.kiosk.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;

/**
 * Runs {@code sailau-kiosk args...} inside the test JVM with what {@link Main#main} wires (the system clock,
 * {@link SecureRandom}, the real migrations and the SourceAFIS matcher) and the command line {@code main} would pick,
 * but without starting a JVM: for the many refusals of a command whose process behaviour one {@link JarRunner} run in
 * the same test already covers. There is no working directory of its own: give absolute paths.
 */
public final class InProcessRunner {

    private InProcessRunner() {
    }

    /** Runs to completion and returns the exit code {@code main} would exit with, and both streams. */
    public static JarRunner.Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(Clock.systemUTC(), new SecureRandom(), Main.migrations(),
                SourceAfisMatcher::new, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = Main.commandLineFor(args, environment).execute(args);
        return new JarRunner.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
