package kz.sailau.kiosk.audit;

import java.util.Objects;

/** The election day cannot be closed as asked; nothing was changed. Carries a message key and a technical message. */
public final class DayCloseException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey       resource-bundle key, e.g. {@code audit.error.bundleOut}
     * @param technicalMessage what is wrong
     */
    public DayCloseException(String messageKey, String technicalMessage) {
        super(technicalMessage);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    }

    /** Resource-bundle key. */
    public String messageKey() {
        return messageKey;
    }
}
