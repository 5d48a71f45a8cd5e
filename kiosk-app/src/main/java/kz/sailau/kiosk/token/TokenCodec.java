package kz.sailau.kiosk.token;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * The byte and text forms of a signed ballot token.
 *
 * <pre>
 * body      = version (1 byte, = 1)
 *             precinct (3 bytes, unsigned big-endian, 1..999999)
 *             election id length (1 byte, 1..32) and election id (ASCII A-Z 0-9 -)
 *             token id (16 bytes, random)
 * signature = Ed25519 over body (64 bytes, RFC 8032)
 * QR payload = "SLT1:" + base32(body ‖ signature)     (RFC 4648 alphabet, no padding: QR alphanumeric mode)
 * </pre>
 *
 * No voter data and no time: the election id stands for the election day.
 */
public final class TokenCodec {

    /** The QR payload prefix: "Sailau token", format 1. */
    public static final String QR_PREFIX = "SLT1:";
    /** Length of the signature (Ed25519, RFC 8032 section 5.1.6). */
    public static final int SIGNATURE_LENGTH = 64;
    private static final int MAX_QR_LENGTH = 256;

    private TokenCodec() {
    }

    /**
     * A token with its signature, as read from a QR payload.
     *
     * @param token     the content
     * @param body      the signed bytes
     * @param signature the signature
     */
    public record SignedToken(BallotToken token, byte[] body, byte[] signature) {
        /** Copies the arrays. */
        public SignedToken {
            Objects.requireNonNull(token, "token");
            body = body.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SignedToken other && token.equals(other.token) && Arrays.equals(body, other.body)
                    && Arrays.equals(signature, other.signature);
        }

        @Override
        public int hashCode() {
            return token.hashCode();
        }

        @Override
        public String toString() {
            return "SignedToken[" + token + "]";
        }
    }

    /** The signed bytes of a token. */
    public static byte[] body(BallotToken token) {
        Objects.requireNonNull(token, "token");
        byte[] election = token.election().value().getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(5 + election.length + TokenId.LENGTH);
        out.write(token.version());
        int p = token.precinct().number();
        out.write(p >>> 16);
        out.write(p >>> 8);
        out.write(p);
        out.write(election.length);
        out.writeBytes(election);
        out.writeBytes(token.id().bytes());
        return out.toByteArray();
    }

    /** The QR payload of a token and its signature. */
    public static String qrPayload(BallotToken token, byte[] signature) {
        byte[] body = body(token);
        byte[] all = Arrays.copyOf(body, body.length + signature.length);
        System.arraycopy(signature, 0, all, body.length, signature.length);
        return QR_PREFIX + Base32.encode(all);
    }

    /** Whether text looks like a QR payload (as opposed to a typed code). */
    public static boolean isQrPayload(String text) {
        return text.startsWith(QR_PREFIX) || text.startsWith("SLT");
    }

    /**
     * Reads a QR payload. The signature is not checked here.
     *
     * @throws TokenFormatException {@link TokenRefusal#MALFORMED} or {@link TokenRefusal#UNSUPPORTED_VERSION}
     */
    public static SignedToken parseQr(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_QR_LENGTH) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "payload too long");
        }
        if (!text.startsWith(QR_PREFIX)) {
            throw new TokenFormatException(text.startsWith("SLT") ? TokenRefusal.UNSUPPORTED_VERSION
                    : TokenRefusal.MALFORMED, "unknown payload prefix");
        }
        byte[] all = Base32.decode(text.substring(QR_PREFIX.length()));
        if (all == null) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "payload is not base32");
        }
        if (all.length < 5 + 1 + TokenId.LENGTH + SIGNATURE_LENGTH) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "payload too short");
        }
        int version = all[0] & 0xFF;
        if (version != BallotToken.VERSION) {
            throw new TokenFormatException(TokenRefusal.UNSUPPORTED_VERSION, "token format version " + version);
        }
        int precinct = ((all[1] & 0xFF) << 16) | ((all[2] & 0xFF) << 8) | (all[3] & 0xFF);
        int electionLength = all[4] & 0xFF;
        int bodyLength = 5 + electionLength + TokenId.LENGTH;
        if (all.length != bodyLength + SIGNATURE_LENGTH) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "lengths do not add up");
        }
        try {
            ElectionId election = new ElectionId(new String(all, 5, electionLength, StandardCharsets.US_ASCII));
            TokenId id = new TokenId(Arrays.copyOfRange(all, 5 + electionLength, bodyLength));
            BallotToken token = new BallotToken(version, election, new PrecinctId(precinct), id);
            return new SignedToken(token, Arrays.copyOf(all, bodyLength), Arrays.copyOfRange(all, bodyLength,
                    all.length));
        } catch (IllegalArgumentException e) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "invalid election or precinct");
        }
    }
}
