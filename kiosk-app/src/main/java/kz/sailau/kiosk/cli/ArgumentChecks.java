package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.KioskDataDirectory;

/**
 * The checks every command runs on its arguments before it changes anything: each refuses with a
 * {@link CliException} whose message key names the kind of problem and whose message names the option. None of
 * them creates a file or a directory.
 */
public final class ArgumentChecks {

    private ArgumentChecks() {
    }

    /** An existing regular file to read. */
    static Path existingFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new CliException("cli.error.isDirectory", option + ": " + file + " is a directory, not a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw notRegular(file, option);
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException("cli.error.noFile", option + ": no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new CliException("cli.error.accessDenied", option + ": " + file + " cannot be read");
        }
        return file;
    }

    /**
     * The most bytes a certificate, certification request, key or desk package file may have. Real ones are a few
     * kilobytes; the limit keeps a huge (or sparse) file given by mistake or on purpose out of memory.
     */
    static final int MAX_SMALL_FILE_BYTES = 1024 * 1024;

    /**
     * The content of an existing regular file of at most {@link #MAX_SMALL_FILE_BYTES} (a certificate, a request, a
     * key): its size is checked before a byte is read, and no more than the limit is ever read.
     *
     * @throws CliException {@code cli.error.fileTooLarge} for a larger file, or the keys of {@link #existingFile}
     */
    static byte[] smallFile(Path file, String option) {
        existingFile(file, option);
        try {
            if (Files.size(file) > MAX_SMALL_FILE_BYTES) {
                throw tooLarge(file, option);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_SMALL_FILE_BYTES + 1);
                if (bytes.length > MAX_SMALL_FILE_BYTES) {
                    throw tooLarge(file, option);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new CliException("cli.error.accessDenied", option + ": " + file + " cannot be read");
        }
    }

    private static CliException tooLarge(Path file, String option) {
        return new CliException("cli.error.fileTooLarge", option + ": " + file + " is larger than "
                + MAX_SMALL_FILE_BYTES + " bytes: no certificate, request or key is that large");
    }

    /** An existing directory to read. */
    static Path existingDirectory(Path directory, String option) {
        if (Files.isRegularFile(directory)) {
            throw new CliException("cli.error.notDirectory", option + ": " + directory + " is a file, not a directory");
        }
        if (!Files.isDirectory(directory)) {
            throw new CliException("cli.error.noDirectory", option + ": no such directory: " + directory);
        }
        return directory;
    }

    /**
     * A file to write: its directory exists, and it is not itself a directory or a device, pipe or socket (files are
     * replaced by rename, which would put a regular file in the place of {@code /dev/null}).
     */
    static Path fileToWrite(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new CliException("cli.error.isDirectory", option + ": " + file + " is a directory, not a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw notRegular(file, option);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CliException("cli.error.noDirectory", option + ": the directory of " + file + " does not exist");
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new CliException("cli.error.accessDenied", option + ": " + file + " cannot be written");
        }
        return file;
    }

    /**
     * A file to write that, if it exists, is an earlier output of the same kind (its first 4 KiB hold
     * {@code marker}): a slip of the hand ({@code --out DATA/kiosk.db}, {@code --out voters.csv}, the passphrase
     * file) must not replace the kiosk's database or an input with the output.
     *
     * @throws CliException {@code cli.error.wouldOverwrite} for another existing file, or the keys of
     *                      {@link #fileToWrite}
     */
    public static Path replaceableFile(Path file, String option, String what, String marker) {
        fileToWrite(file, option);
        if (Files.exists(file)) {
            byte[] head = new byte[4096];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                throw new CliException("cli.error.accessDenied", option + ": " + file + " cannot be read");
            }
            if (!new String(head, 0, read, StandardCharsets.ISO_8859_1).contains(marker)) {
                throw new CliException("cli.error.wouldOverwrite", option + ": " + file + " exists and is not "
                        + what + "; refusing to overwrite it (choose a new file name)");
            }
        }
        return file;
    }

    /**
     * A file to write that is not in {@code directory} (the authority's directory, whose sealed key and certificate
     * an output must never replace).
     */
    static Path outside(Path file, String option, Path directory, String what) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null && Files.isDirectory(directory) && Files.isSameFile(parent, directory)) {
                throw new CliException("cli.error.wouldOverwrite", option + ": " + file + " is in " + what
                        + ", whose files an output must not replace; write it elsewhere");
            }
        } catch (IOException e) {
            throw new CliException("cli.error.accessDenied", option + ": " + file + " cannot be checked");
        }
        return file;
    }

    private static CliException notRegular(Path file, String option) {
        return new CliException("cli.error.notRegularFile", option + ": " + file
                + " is a device, pipe or socket, not a regular file");
    }

    /** A directory to create or fill: not an existing file. */
    static Path directoryToWrite(Path directory, String option) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new CliException("cli.error.notDirectory", option + ": " + directory + " is a file, not a directory");
        }
        return directory;
    }

    /** An initialised kiosk data directory (profile and keys present); nothing is created. */
    static KioskDataDirectory initialisedKiosk(Path data) {
        existingDirectory(data, "--data");
        Optional<String> unfinished = KioskDataDirectory.at(data).unfinishedInitialisation();
        if (unfinished.isPresent()) {
            throw new CliException("kiosk.error.notInitialised", "--data: " + unfinished.get());
        }
        if (!Files.isRegularFile(data.resolve(KioskDataDirectory.PROFILE_FILE))
                || !Files.isRegularFile(data.resolve(KioskCredentials.SEALED_KEYS_FILE))) {
            throw new CliException("kiosk.error.notInitialised", "--data: "
                    + noKioskData(data, " is not an initialised kiosk data directory; run 'kiosk init' first"));
        }
        return KioskDataDirectory.at(data);
    }

    /**
     * Why {@code data} is no kiosk data directory, in words: when a {@code data} subfolder holds a kiosk's key or
     * profile (the folder above the data directory was given), that subfolder is named; otherwise {@code data}
     * followed by {@code otherwise}.
     */
    static String noKioskData(Path data, String otherwise) {
        Path child = data.resolve("data");
        if (Files.isRegularFile(child.resolve(KioskCredentials.REQUEST_FILE))
                || Files.isRegularFile(child.resolve(KioskDataDirectory.PROFILE_FILE))) {
            return data + " holds no kiosk data; its subfolder " + child + " does: give --data " + child;
        }
        return data + otherwise;
    }

    /**
     * The most days of certificate validity: 100 years, far beyond any election's keys. More (8,200 years and up) ran
     * past what the certificate builder can write and was refused in the wrong words, after the passphrase:
     * "authority key generation failed", or a kiosk's "certificate parsing" blamed on its request.
     */
    static final int MAX_VALIDITY_DAYS = 36_500;

    /** A number of days of certificate validity, 1 to {@link #MAX_VALIDITY_DAYS}. */
    static int validityDays(int days) {
        if (days < 1 || days > MAX_VALIDITY_DAYS) {
            throw new CliException("cli.error.validity", "--validity-days must be from 1 to " + MAX_VALIDITY_DAYS
                    + ", got " + days);
        }
        return days;
    }

    /** A count that cannot be negative. */
    static long notNegative(long count, String option) {
        if (count < 0) {
            throw new CliException("cli.error.negative", option + " must not be negative, got " + count);
        }
        return count;
    }

    /** A precinct number 1..999999. */
    static PrecinctId precinct(String text, String option) {
        try {
            return PrecinctId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CliException("cli.error.precinct", option + ": " + e.getMessage());
        }
    }

    /** A precinct number 1..999999. */
    static PrecinctId precinct(long number, String option) {
        if (number < 1 || number > 999_999) {
            throw new CliException("cli.error.precinct", option + ": precinct number must be 1..999999, got " + number);
        }
        return new PrecinctId((int) number);
    }

    /** An election id of the documented form. */
    static ElectionId election(String text, String option) {
        try {
            return new ElectionId(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("cli.error.election", option + ": " + e.getMessage());
        }
    }
}
