package kz.sailau.kiosk.audit;

/** A file is not a readable end-of-day bundle. Message key {@code audit.error.bundleFormat}. */
public final class BundleFormatException extends RuntimeException {

    /** @param technicalMessage what is wrong; @param cause the parser's error, if any */
    public BundleFormatException(String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
    }

    /** Resource-bundle key. */
    public String messageKey() {
        return "audit.error.bundleFormat";
    }
}
