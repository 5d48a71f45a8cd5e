package kz.sailau.kiosk.crypto;

/**
 * A cryptographic operation failed: wrong passphrase, bad signature, a package for another kiosk,
 * damaged ciphertext. Carries a message key for the clerk or administrator and a technical message for
 * the log; never key material or personal data.
 */
public class KioskCryptoException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey       resource-bundle key for the user
     * @param technicalMessage message for the log
     * @param cause            the underlying failure, may be null
     */
    public KioskCryptoException(String messageKey, String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
        this.messageKey = messageKey;
    }

    /** Resource-bundle key for the user. */
    public String messageKey() {
        return messageKey;
    }
}
