package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.testing.FakeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code start} runs under a root holding only itself (decision 0280): what it parses, prints and refuses is the same
 * as under the whole command tree, and every other command line still gets the whole tree.
 */
class MainTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path temp;

    @Test
    void startAloneAnswersAsUnderTheWholeTree() {
        String missing = temp.resolve("no-such-kiosk.json").toString();
        List<String[]> cases = List.of(
                new String[] {"start", "--help"},
                new String[] {"start", "--no-such-option"},
                new String[] {"start", "--config"},
                new String[] {"start", "--config", missing, "--check-only"},
                new String[] {"start", "--config", missing, "--ready-check", "--passphrase-file"},
                new String[] {"start", "surplus"});
        for (String[] args : cases) {
            Outcome whole = run(args, environment -> Main.commandLine(environment));
            Outcome alone = run(args, environment -> Main.commandLineFor(args, environment));
            assertEquals(whole, alone, String.join(" ", args));
        }
        assertEquals(0, run(cases.get(0), e -> Main.commandLineFor(cases.get(0), e)).exit());
        CliEnvironment environment = environment(new ByteArrayOutputStream(), new ByteArrayOutputStream());
        String help = Main.commandLineFor(cases.get(0), environment).getSubcommands().get("start").getUsageMessage();
        assertEquals(Main.commandLine(environment).getSubcommands().get("start").getUsageMessage(), help);
        assertTrue(help.contains("Usage: sailau-kiosk start") && help.contains("--ready-check"), help);
        assertEquals(KioskCommandLine.USAGE, run(cases.get(1), e -> Main.commandLineFor(cases.get(1), e)).exit());
        assertEquals(KioskCommandLine.FAILED, run(cases.get(3), e -> Main.commandLineFor(cases.get(3), e)).exit());
    }

    /**
     * Session H66 (the administrator's guide walked): a configuration refusal read {@code cannot be used:   - file not
     * found}, the exception's list of problems with its line breaks blanked out. Now it is one line, the problems
     * joined with "; ".
     */
    @Test
    void aConfigurationRefusalListsItsProblemsInOneLine() throws Exception {
        String missing = temp.resolve("no-such-kiosk.json").toString();
        Outcome absent = run(new String[] {"start", "--config", missing, "--check-only"}, Main::commandLine);
        assertEquals(KioskCommandLine.FAILED, absent.exit());
        assertTrue(absent.err().startsWith("cannot start: configuration " + missing + " cannot be used: file not "
                + "found; a sample with every key is "), absent.err());
        Path twice = Files.writeString(temp.resolve("kiosk.json"), "{\"precinct\": 0, \"maxFingerTries\": 9}");
        Outcome wrong = run(new String[] {"start", "--config", twice.toString(), "--check-only"}, Main::commandLine);
        assertEquals(KioskCommandLine.FAILED, wrong.exit());
        assertEquals(1, wrong.err().lines().count(), wrong.err());
        assertTrue(wrong.err().startsWith("cannot start: configuration " + twice + " cannot be used: ")
                && wrong.err().contains("precinct") && wrong.err().contains("; ")
                && wrong.err().contains("maxFingerTries")
                && !wrong.err().contains(" - ") && wrong.err().strip().endsWith("[start.error.configuration]"),
                wrong.err());
    }

    @Test
    void onlyStartGetsARootOfItsOwn() {
        CliEnvironment environment = environment(new ByteArrayOutputStream(), new ByteArrayOutputStream());
        assertEquals(Set.of("start"),
                Main.commandLineFor(new String[] {"start", "--check-only"}, environment).getSubcommands().keySet());
        Set<String> whole = Main.commandLine(environment).getSubcommands().keySet();
        assertTrue(whole.containsAll(Set.of("start", "demo", "register", "audit")), whole.toString());
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"demo", "--help"},
                new String[] {"Start"}, new String[] {"--version", "start"})) {
            assertEquals(whole, Main.commandLineFor(args, environment).getSubcommands().keySet(),
                    String.join(" ", args));
        }
    }

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String[] args, Function<CliEnvironment, CommandLine> commandLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = commandLine.apply(environment(out, err)).execute(args);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static CliEnvironment environment(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new CliEnvironment(Clock.systemUTC(), RANDOM, Main.migrations(), FakeMatcher::imageEncoded,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
