package kz.sailau.kiosk.crypto;

import java.util.Objects;

/**
 * A detached bundle signature ({@link KioskSignatures#verifyDetached}) that is not valid, with what kind of failure
 * it is, so that a verifier can name it with its own message key. Its own message key stays
 * {@code audit.error.bundleSignature}; its message is words, never an exception class name.
 */
public final class DetachedSignatureException extends KioskCryptoException {

    /** What is wrong with the signature. */
    public enum Kind {
        /** Not a CMS SignedData with exactly one signer and that signer's certificate (garbage, truncated). */
        UNREADABLE,
        /** A readable signature that does not match the signed bytes (another key, another content). */
        MISMATCH
    }

    private final Kind kind;

    /**
     * @param kind             what is wrong
     * @param technicalMessage words for the log and the report
     * @param cause            the underlying failure, may be null
     */
    public DetachedSignatureException(Kind kind, String technicalMessage, Throwable cause) {
        super("audit.error.bundleSignature", technicalMessage, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What is wrong with the signature. */
    public Kind kind() {
        return kind;
    }
}
