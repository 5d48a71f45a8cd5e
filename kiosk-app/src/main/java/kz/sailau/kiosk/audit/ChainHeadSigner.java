package kz.sailau.kiosk.audit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskSignatures;

/**
 * Signs the head of the audit chain. The signed message is the UTF-8 text
 * {@code sailau-audit-head-v1\n<sequence>\n<hash>} (see {@link #message}); the kiosk signs it with its
 * RSA key ({@link KioskSignatures#ALGORITHM}), so an observer checks it with the kiosk certificate.
 */
@FunctionalInterface
public interface ChainHeadSigner {

    /** Signs {@code message}. */
    byte[] sign(byte[] message);

    /** A signer with the kiosk's certified key. */
    static ChainHeadSigner kiosk(KioskCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return message -> KioskSignatures.sign(credentials, message);
    }

    /** The exact bytes signed for the head {@code (sequence, hash)}. */
    static byte[] message(long sequence, String hash) {
        return ("sailau-audit-head-v1\n" + sequence + "\n" + hash).getBytes(StandardCharsets.UTF_8);
    }
}
