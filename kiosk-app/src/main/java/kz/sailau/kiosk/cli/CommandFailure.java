package kz.sailau.kiosk.cli;

import java.util.Locale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.model.PrintableText;

/**
 * What a failed command prints: exactly one line {@code error [<message key>]: <reason>} on standard error.
 * Every exception of the kiosk that carries a message key (a public {@code String messageKey()}, as
 * {@link CliException}, {@code RegisterException}, {@code KioskCryptoException}, {@code StoreException} ... do)
 * is reported with its own key; a file-system failure with a key naming its kind and the path; anything else,
 * which a command should have prevented by validating its input, with {@code cli.error.internal} and only the
 * exception's class name (its message could hold anything). Never a stack trace.
 *
 * @param messageKey the resource-bundle key naming the reason
 * @param reason     the technical sentence, on one line
 */
record CommandFailure(String messageKey, String reason) {

    /** The operating system's words for ENOSPC, as Java passes them on in an {@link IOException}'s message. */
    static final String NO_SPACE = "No space left on device";

    /** The key of a failure no command anticipated (a bug: every bad input should have its own key). */
    static final String INTERNAL = "cli.error.internal";

    /** @throws NullPointerException on null */
    CommandFailure {
        Objects.requireNonNull(messageKey, "messageKey");
        reason = oneLine(Objects.requireNonNull(reason, "reason"));
    }

    /** The failure a thrown exception stands for. */
    static CommandFailure of(Throwable thrown) {
        Throwable exception = thrown instanceof UncheckedIOException unchecked ? unchecked.getCause() : thrown;
        String key = keyOf(exception);
        if (key != null) {
            return new CommandFailure(key, String.valueOf(exception.getMessage()));
        }
        if (exception instanceof IOException && String.valueOf(exception.getMessage()).contains(NO_SPACE)) {
            // ENOSPC: said as such, not as "file error: IO failure" (an output file is written aside and renamed into
            // place, so the one that failed was not put there).
            String path = exception instanceof FileSystemException file && file.getFile() != null
                    ? " writing " + file.getFile() : "";
            return new CommandFailure("cli.error.full", "the disk is full (no space left on device)" + path
                    + ": free space and run the command again");
        }
        if (exception instanceof FileSystemException file) {
            String path = file.getFile() == null ? "?" : file.getFile();
            if (exception instanceof NoSuchFileException) {
                return new CommandFailure("cli.error.noFile", "no such file or directory: " + path);
            }
            if (exception instanceof AccessDeniedException) {
                return new CommandFailure("cli.error.accessDenied", "permission denied: " + path);
            }
            if (exception instanceof FileAlreadyExistsException) {
                return new CommandFailure("cli.error.exists", "already exists: " + path);
            }
            if (exception instanceof NotDirectoryException) {
                return new CommandFailure("cli.error.notDirectory", "not a directory: " + path);
            }
            if (exception instanceof DirectoryNotEmptyException) {
                return new CommandFailure("cli.error.isDirectory", "a directory is in the way: " + path);
            }
            return new CommandFailure("cli.error.io", "file error on " + path + ": " + file.getReason());
        }
        if (exception instanceof IOException) {
            return new CommandFailure("cli.error.io", "file error: " + exception.getClass().getSimpleName());
        }
        return new CommandFailure(INTERNAL, "unexpected " + exception.getClass().getName()
                + " (please report: this input should have been refused with its own reason)");
    }

    /** The line to print. */
    String line() {
        return "error [" + messageKey + "]: " + reason;
    }

    /** The message key of an exception that declares {@code public String messageKey()}, or null. */
    private static String keyOf(Throwable exception) {
        try {
            Method method = exception.getClass().getMethod("messageKey");
            if (method.getReturnType() != String.class) {
                return null;
            }
            method.trySetAccessible();
            Object key = method.invoke(exception);
            return key instanceof String text && !text.isBlank() ? text : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The reason on one printable line ({@link PrintableText}: a control character from a file, such as an escape
     * sequence that would clear or recolour the terminal, becomes {@code ?}), with any Java exception class name a
     * technical message carries put in words ({@code NoSuchFileException} becomes {@code no such file}): the
     * administrator reads a reason, not a type.
     */
    private static String oneLine(String text) {
        Matcher name = EXCEPTION_NAME.matcher(PrintableText.of(text.replaceAll("[\\r\\n]+", " ").strip()));
        StringBuilder out = new StringBuilder();
        while (name.find()) {
            String words = name.group(1).replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])",
                    "$1 $2");
            String phrase = words.chars().anyMatch(Character::isLowerCase)
                    ? words.toLowerCase(Locale.ROOT) : words + " failure";
            name.appendReplacement(out, Matcher.quoteReplacement(phrase));
        }
        name.appendTail(out);
        return out.toString();
    }

    /** A Java exception or error class name, simple or qualified. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)*([A-Z][A-Za-z0-9]*?)(?:Exception|Error)\\b");
}
