package kz.sailau.kiosk.cli;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import kz.sailau.kiosk.app.Main;

/**
 * Runs {@code sailau-kiosk args...} inside the test JVM with what {@link Main#main} wires (the system clock,
 * {@code SecureRandom}, the real migrations and the SourceAFIS matcher) and the command line {@code main} would pick,
 * but without starting a JVM: for the many refusals of a command whose process behaviour one {@link JarRunner} run in
 * the same test already covers. There is no working directory of its own: give absolute paths.
 */
public final class InProcessRunner {

    private InProcessRunner() {
    }

    /** Runs to completion and returns the exit code {@code main} would exit with, and both streams. */
    public static JarRunner.Result run(String... args) {
        CapturedCommandLine cli = new CapturedCommandLine(Clock.systemUTC());
        int exit = cli.runAsMain(args);
        return new JarRunner.Result(exit, cli.out.toString(StandardCharsets.UTF_8),
                cli.err.toString(StandardCharsets.UTF_8));
    }
}
