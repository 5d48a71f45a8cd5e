package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code sailau-kiosk.jar} in a separate JVM. */
public final class JarRunner {

    /**
     * The finished process.
     *
     * @param exitCode exit code
     * @param out      standard output
     * @param err      standard error
     */
    public record Result(int exitCode, String out, String err) {
    }

    private JarRunner() {
    }

    /** The jar built by the package phase; fails clearly when it is missing. */
    public static Path jar() {
        String property = System.getProperty("sailau.kiosk.jar");
        if (property == null) {
            throw new AssertionError("system property sailau.kiosk.jar not set: run through failsafe (mvn verify)");
        }
        Path jar = Path.of(property);
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("executable jar missing: " + jar + " (mvn package builds it)");
        }
        return jar;
    }

    /**
     * The command for {@code java -jar sailau-kiosk.jar args...}, with the client compiler only
     * ({@code -XX:TieredStopAtLevel=1}): a command of a few seconds spends more CPU compiling with C2 than it gains
     * ({@code demo --check} 17.3 → 9.3 s of CPU, {@code accuracy} on the CI's sets 18.7 → 12.6 s; decision 0533).
     * The kiosk itself runs with the JVM's defaults.
     */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs to completion (at most two minutes). */
    public static Result run(Path workingDirectory, String... args) throws IOException, InterruptedException {
        return run(2, workingDirectory, args);
    }

    /** Runs to completion (at most {@code minutes} minutes: long measurements on a loaded machine). */
    public static Result run(int minutes, Path workingDirectory, String... args)
            throws IOException, InterruptedException {
        return run(minutes, workingDirectory, List.of(), args);
    }

    /**
     * Runs to completion (at most two minutes) without the environment variables {@code unset}: a start without a
     * display ({@code DISPLAY}, {@code WAYLAND_DISPLAY}), whatever the machine running the tests has.
     */
    public static Result runWithout(List<String> unset, Path workingDirectory, String... args)
            throws IOException, InterruptedException {
        return run(2, workingDirectory, unset, args);
    }

    private static Result run(int minutes, Path workingDirectory, List<String> unset, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("sailau-out", ".txt");
        Path err = Files.createTempFile("sailau-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(workingDirectory.toFile());
        unset.forEach(builder.environment()::remove);
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("sailau-kiosk " + String.join(" ", args) + " did not finish in " + minutes
                    + " minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return result;
    }
}
