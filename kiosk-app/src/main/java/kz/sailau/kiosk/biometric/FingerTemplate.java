package kz.sailau.kiosk.biometric;

import java.util.Arrays;
import java.util.Objects;

/**
 * An enrolled or live fingerprint template: the matcher's serialized form plus the version of the
 * extractor that made it, so that templates can be re-extracted from images when the matcher changes.
 * Biometric data: {@link #toString()} reveals nothing but the version and size.
 */
public final class FingerTemplate {

    private final byte[] bytes;
    private final String extractorVersion;

    /**
     * @param bytes            the serialized template (copied)
     * @param extractorVersion the version of the extractor, e.g. {@code sourceafis-3.18.1}
     */
    public FingerTemplate(byte[] bytes, String extractorVersion) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(extractorVersion, "extractorVersion");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty template");
        }
        this.bytes = bytes.clone();
        this.extractorVersion = extractorVersion;
    }

    /** A copy of the serialized template. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The extractor that made the template. */
    public String extractorVersion() {
        return extractorVersion;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FingerTemplate other && extractorVersion.equals(other.extractorVersion)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * extractorVersion.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "FingerTemplate[" + extractorVersion + ", " + bytes.length + " bytes]";
    }
}
