package kz.sailau.kiosk.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * The precinct token key: a 256-bit secret of one election and one precinct under which the kiosk
 * authenticates the short typed code of every ballot token (HMAC-SHA256, RFC 2104) and the ballot desk checks
 * it, offline (decision 0120).
 *
 * <p>The authority derives it, so that every kiosk of a precinct and its ballot desk hold the same key and it can
 * be issued again without being stored anywhere: HKDF-SHA256 (RFC 5869) with the authority's private scalar as
 * input keying material, salt {@code sailau-precinct-token-key-v1} and info {@code election 0x00 precinct}.
 * It travels in two packages, both signed by the authority:
 * <ul>
 *   <li>to a kiosk, signed and encrypted to the kiosk's certificate like a register package
 *       ({@link #toKioskPackage}, opened with the kiosk's key: {@link #openKioskPackage});</li>
 *   <li>to the ballot desk, signed and sealed under the desk's passphrase with Argon2id and AES-256-GCM
 *       ({@link #toDeskPackage}, {@link #openDeskPackage}).</li>
 * </ul>
 * {@link #toString()} reveals only election and precinct.
 */
public final class PrecinctTokenKey {

    /** The kiosk's package in its data directory. */
    public static final String KIOSK_FILE = "precinct-token-key.p7m";
    /** Format of the signed document inside either package. */
    public static final String FORMAT = "sailau-precinct-token-key-v1";
    /** Format of the desk package's signed wrapper (inside the passphrase seal). */
    static final String DESK_FORMAT = "sailau-desk-token-key-v1";
    /** Label of the desk package's passphrase seal. */
    static final String DESK_SEAL_LABEL = "desk-token-key";
    /**
     * Text found near the start of every desk package (its seal's label, quoted as its JSON writes it), so that a
     * command writing one may replace an earlier desk package and nothing else (a node's or kiosk's sealed key).
     */
    public static final String DESK_PACKAGE_MARKER = "\"" + DESK_SEAL_LABEL + "\"";
    /**
     * The bytes, read as ISO-8859-1, found at the start of every kiosk package: the DER object identifier of CMS
     * AuthEnvelopedData (1.2.840.113549.1.9.16.1.23, RFC 5083), so that a command writing one may replace an earlier
     * package and not a sealed key, a database or a text file.
     */
    public static final String KIOSK_PACKAGE_MARKER = "\u0006\u000b\u002a\u0086\u0048\u0086\u00f7\r\u0001\u0009\u0010"
            + "\u0001\u0017";
    /** Key length: 256 bits. */
    public static final int LENGTH = 32;

    private static final byte[] SALT = "sailau-precinct-token-key-v1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ElectionId election;
    private final PrecinctId precinct;
    private final byte[] key;

    /**
     * A key for {@code election} and {@code precinct}. Production keys come from {@link #derive} and the packages;
     * tests and the demo may make one from their own random bytes (then they are test or DEMO keys).
     *
     * @param key 32 bytes (copied)
     * @throws IllegalArgumentException on another length
     */
    public PrecinctTokenKey(ElectionId election, PrecinctId precinct, byte[] key) {
        this.election = Objects.requireNonNull(election, "election");
        this.precinct = Objects.requireNonNull(precinct, "precinct");
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a precinct token key has 32 bytes");
        }
        this.key = key.clone();
    }

    /** The authority's key for {@code election} and {@code precinct} (see the class comment). */
    public static PrecinctTokenKey derive(AuthorityCredentials authority, ElectionId election, PrecinctId precinct) {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(precinct, "precinct");
        if (!(authority.privateKey() instanceof ECPrivateKey ec)) {
            throw new KioskCryptoException("crypto.error.internal", "the authority key is not an EC key", null);
        }
        byte[] scalar = fixed(ec.getS(), 32);
        byte[] info = info(election, precinct);
        try {
            byte[] prk = hmac(SALT, scalar);
            byte[] block = hmac(prk, concat(info, new byte[] {1}));
            Arrays.fill(prk, (byte) 0);
            return new PrecinctTokenKey(election, precinct, block);
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** The election the key belongs to. */
    public ElectionId election() {
        return election;
    }

    /** The precinct the key belongs to. */
    public PrecinctId precinct() {
        return precinct;
    }

    /** HMAC-SHA256 of {@code message} under this key (32 bytes; callers truncate). */
    public byte[] mac(byte[] message) {
        return hmac(key, Objects.requireNonNull(message, "message"));
    }

    /**
     * The kiosk's package: the key document signed by the authority and encrypted to the kiosk certificate (CMS,
     * as the register package's records, {@link PackageCrypto#signAndEncrypt}).
     *
     * @throws KioskCryptoException {@code register.error.kioskCertificate} if the certificate is not this
     *                              authority's kiosk certificate
     */
    public byte[] toKioskPackage(AuthorityCredentials authority, X509Certificate kioskCertificate) {
        byte[] document = document();
        try {
            return PackageCrypto.signAndEncrypt(document, authority, kioskCertificate);
        } finally {
            Arrays.fill(document, (byte) 0);
        }
    }

    /**
     * Opens a kiosk's package with the kiosk's key and checks the authority's signature.
     *
     * @throws KioskCryptoException {@code register.error.wrongKiosk}, {@code register.error.damaged} or
     *                              {@code register.error.signature} from the envelope, or
     *                              {@code crypto.error.tokenKeyFormat} when the signed document is not a key
     */
    public static PrecinctTokenKey openKioskPackage(byte[] kioskPackage, KioskCredentials kiosk,
                                                    X509Certificate pinnedAuthority) {
        byte[] document = PackageCrypto.decryptAndVerify(Objects.requireNonNull(kioskPackage, "kioskPackage"),
                kiosk, pinnedAuthority);
        try {
            return parse(document);
        } finally {
            Arrays.fill(document, (byte) 0);
        }
    }

    /**
     * The ballot desk's package: the key document and the authority's detached signature of it, sealed under the
     * desk passphrase ({@link PassphraseSeal}, Argon2id and AES-256-GCM).
     */
    public byte[] toDeskPackage(AuthorityCredentials authority, char[] passphrase, Argon2idParameters parameters,
                                SecureRandom random) {
        byte[] document = document();
        byte[] wrapper = null;
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("format", DESK_FORMAT);
            root.put("document", Base64.getEncoder().encodeToString(document));
            root.put("signature", Base64.getEncoder().encodeToString(PackageCrypto.signDetached(document, authority)));
            wrapper = JSON.writeValueAsBytes(root);
            return PassphraseSeal.seal(passphrase, wrapper, DESK_SEAL_LABEL, parameters, random);
        } catch (IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "desk package cannot be written", e);
        } finally {
            Arrays.fill(document, (byte) 0);
            if (wrapper != null) {
                Arrays.fill(wrapper, (byte) 0);
            }
        }
    }

    /**
     * Opens a desk package with the desk passphrase and checks the authority's signature.
     *
     * @throws KioskCryptoException {@code crypto.error.wrongPassphrase} or {@code crypto.error.sealedFormat} from
     *                              the seal, {@code register.error.signature} when the authority did not sign it,
     *                              {@code crypto.error.tokenKeyFormat} when it is not a key document
     */
    public static PrecinctTokenKey openDeskPackage(byte[] deskPackage, char[] passphrase,
                                                   X509Certificate pinnedAuthority) {
        Objects.requireNonNull(pinnedAuthority, "pinnedAuthority");
        byte[] wrapper = PassphraseSeal.unseal(passphrase, Objects.requireNonNull(deskPackage, "deskPackage"),
                DESK_SEAL_LABEL);
        byte[] document;
        byte[] signature;
        try {
            JsonNode root = JSON.readTree(wrapper);
            if (root == null || !DESK_FORMAT.equals(root.path("format").asText())) {
                throw formatError("the desk package is not a " + DESK_FORMAT + " document", null);
            }
            document = Base64.getDecoder().decode(root.path("document").asText());
            signature = Base64.getDecoder().decode(root.path("signature").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw formatError("the desk package cannot be read (not a desk package document)", e);
        } finally {
            Arrays.fill(wrapper, (byte) 0);
        }
        try {
            PackageCrypto.verifyDetached(document, signature, pinnedAuthority);
            return parse(document);
        } finally {
            Arrays.fill(document, (byte) 0);
        }
    }

    private byte[] document() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("election", election.value());
        root.put("precinct", precinct.number());
        root.put("key", Base64.getEncoder().encodeToString(key));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "key document cannot be written", e);
        }
    }

    private static PrecinctTokenKey parse(byte[] document) {
        try {
            JsonNode root = JSON.readTree(document);
            if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("precinct").isInt()) {
                throw formatError("not a " + FORMAT + " document", null);
            }
            byte[] key = Base64.getDecoder().decode(root.path("key").asText());
            try {
                return new PrecinctTokenKey(new ElectionId(root.path("election").asText()),
                        new PrecinctId(root.path("precinct").asInt()), key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw formatError("the key document cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static KioskCryptoException formatError(String message, Throwable cause) {
        return new KioskCryptoException("crypto.error.tokenKeyFormat", message, cause);
    }

    private static byte[] info(ElectionId election, PrecinctId precinct) {
        byte[] e = election.value().getBytes(StandardCharsets.US_ASCII);
        int p = precinct.number();
        byte[] info = Arrays.copyOf(e, e.length + 4);
        info[e.length] = 0;
        info[e.length + 1] = (byte) (p >>> 16);
        info[e.length + 2] = (byte) (p >>> 8);
        info[e.length + 3] = (byte) p;
        return info;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "HMAC-SHA256 failed", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        Arrays.fill(raw, (byte) 0);
        return out;
    }

    @Override
    public String toString() {
        return "PrecinctTokenKey[" + election + ", precinct " + precinct + ", ***]";
    }
}
