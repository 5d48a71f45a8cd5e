package kz.sailau.prints.cli;

/** A bad argument, found before anything is written: one line {@code error [sample-prints.error.usage]: ...}, exit 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the option */
    UsageException(String message) {
        super(message);
    }
}
