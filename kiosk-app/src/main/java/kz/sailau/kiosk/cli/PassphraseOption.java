package kz.sailau.kiosk.cli;

import java.util.Locale;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import kz.sailau.kiosk.crypto.PassphraseSeal;
import picocli.CommandLine.Option;

/**
 * The administrator's passphrase: from {@code --passphrase-file} (first line, UTF-8) or typed at the
 * console without echo. Never a command-line argument, so it cannot end up in shell history or {@code ps}.
 */
public final class PassphraseOption {

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from the first line of FILE instead of the console.")
    Path file;

    /** The option that reads this passphrase from a file, named when there is no console to type it. */
    String option = "--passphrase-file";

    /** Whether the passphrase comes from {@code --passphrase-file} (else it is typed, at the console or on a screen). */
    public boolean fromFile() {
        return file != null;
    }

    /**
     * The passphrase from the first line of {@code file}, for a command whose passphrase can only come from a file:
     * {@code cli.error.noFile} when there is no such file, otherwise read as {@code --passphrase-file} is (a few
     * kilobytes at most, so that {@code /dev/zero} is refused, not read into memory).
     */
    public static char[] readFile(Path file, String option) {
        if (!Files.exists(file)) {
            throw new CliException("cli.error.noFile", option + ": no such file: " + file);
        }
        return SecretLine.read(file, "cli.error.passphrase", "passphrase");
    }

    /**
     * Reads the passphrase.
     *
     * @param confirm ask twice at the console (when creating a key)
     * @throws CliException {@code cli.error.passphrase} when no passphrase can be obtained
     */
    public char[] read(String prompt, boolean confirm) {
        if (file != null) {
            return SecretLine.read(file, "cli.error.passphrase", "passphrase");
        }
        Console console = System.console();
        if (console == null) {
            throw new CliException("cli.error.passphrase", "no console to type the "
                    + prompt.toLowerCase(Locale.ROOT) + "; use " + option);
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null || first.length == 0) {
            throw new CliException("cli.error.passphrase", "no passphrase entered");
        }
        if (confirm) {
            char[] again = console.readPassword("Repeat %s: ", prompt.toLowerCase(Locale.ROOT));
            if (!Arrays.equals(first, again)) {
                throw new CliException("cli.error.passphrase", "the two passphrases differ");
            }
        }
        return first;
    }

    /**
     * What a command does with a passphrase while it is in memory: unseal a key, or seal a new one.
     *
     * @param <T> what it gives back
     * @param <E> the checked exception it may throw
     */
    @FunctionalInterface
    public interface Use<T, E extends Exception> {
        /** @param passphrase the passphrase, wiped once this returns or throws @return the result */
        T with(char[] passphrase) throws E;
    }

    /**
     * Reads the passphrase ({@link #read(String, boolean)} without confirmation), gives it to {@code use} and wipes
     * it from memory afterwards, whether {@code use} worked or not.
     *
     * @throws CliException {@code cli.error.passphrase} when no passphrase can be obtained
     * @throws E            what {@code use} throws
     */
    public <T, E extends Exception> T use(String prompt, Use<T, E> use) throws E {
        return wiped(read(prompt, false), use);
    }

    /**
     * Reads a new passphrase (typed twice at the console), checks that it may seal a key
     * ({@link PassphraseSeal#checkNewPassphrase}), gives it to {@code use} and wipes it from memory afterwards.
     *
     * @throws CliException when no passphrase can be obtained
     * @throws E            what {@code use} throws
     */
    public <T, E extends Exception> T useNew(String prompt, Use<T, E> use) throws E {
        return wiped(read(prompt, true), secret -> {
            PassphraseSeal.checkNewPassphrase(secret);
            return use.with(secret);
        });
    }

    private static <T, E extends Exception> T wiped(char[] secret, Use<T, E> use) throws E {
        try {
            return use.with(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
