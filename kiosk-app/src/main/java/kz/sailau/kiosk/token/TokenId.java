package kz.sailau.kiosk.token;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The 128-bit random identifier of a ballot token: the only thing the kiosk and the ballot desk store. */
public final class TokenId {

    /** Length in bytes: 128 bits. */
    public static final int LENGTH = 16;

    private final byte[] bytes;

    /**
     * @param bytes exactly 16 bytes (copied)
     * @throws IllegalArgumentException on another length
     */
    public TokenId(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("token id must be 16 bytes");
        }
        this.bytes = bytes.clone();
    }

    /** A fresh random id. */
    public static TokenId random(SecureRandom random) {
        byte[] b = new byte[LENGTH];
        Objects.requireNonNull(random, "random").nextBytes(b);
        return new TokenId(b);
    }

    /**
     * The id written as 32 lower-case hex digits ({@link #toString()}).
     *
     * @throws IllegalArgumentException on anything else
     */
    public static TokenId fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a token id is 32 lower-case hex digits");
        }
        return new TokenId(HexFormat.of().parseHex(hex));
    }

    /** A copy of the 16 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case hex; a token id is not personal data. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
