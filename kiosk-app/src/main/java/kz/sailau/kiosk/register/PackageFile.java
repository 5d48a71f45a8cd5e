package kz.sailau.kiosk.register;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The byte layout of a {@code .srp} register package file: three length-prefixed sections after a magic
 * number, nothing after them.
 *
 * <pre>
 *   "SAILAUSRP\n"            10 bytes magic
 *   u16 big-endian           container version (1)
 *   u32 + bytes              manifest, UTF-8 JSON ({@link PackageManifest}), at most 64 KiB
 *   u32 + bytes              CMS SignedData (RFC 5652), detached, over the manifest bytes, at most 64 KiB
 *   u32 + bytes              CMS AuthEnvelopedData (RFC 5083) holding a SignedData holding the records JSON
 * </pre>
 *
 * @param manifest          manifest bytes
 * @param manifestSignature detached signature bytes
 * @param envelope          envelope bytes
 */
public record PackageFile(byte[] manifest, byte[] manifestSignature, byte[] envelope) {

    static final byte[] MAGIC = "SAILAUSRP\n".getBytes(StandardCharsets.US_ASCII);
    static final int CONTAINER_VERSION = 1;
    static final int MAX_SMALL_SECTION = 64 * 1024;

    /** @throws NullPointerException on a null section */
    public PackageFile {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(manifestSignature, "manifestSignature");
        Objects.requireNonNull(envelope, "envelope");
    }

    /** The file bytes. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(envelope.length + manifest.length + 4096);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeShort(CONTAINER_VERSION);
            for (byte[] section : new byte[][] {manifest, manifestSignature, envelope}) {
                out.writeInt(section.length);
                out.write(section);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
    }

    /**
     * Parses file bytes.
     *
     * @throws RegisterException {@code register.error.notAPackage} for a foreign file,
     *                           {@code register.error.truncated} when the file ends early,
     *                           {@code register.error.malformed} for bad lengths or trailing bytes
     */
    public static PackageFile parse(byte[] file) {
        Objects.requireNonNull(file, "file");
        ByteBuffer buffer = ByteBuffer.wrap(file);
        try {
            byte[] magic = new byte[MAGIC.length];
            buffer.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new RegisterException("register.error.notAPackage", "not a Sailau register package", null);
            }
            int version = buffer.getShort() & 0xFFFF;
            if (version != CONTAINER_VERSION) {
                throw new RegisterException("register.error.malformed",
                        "unsupported package container version " + version, null);
            }
            byte[] manifest = section(buffer, MAX_SMALL_SECTION, "manifest");
            byte[] signature = section(buffer, MAX_SMALL_SECTION, "manifest signature");
            byte[] envelope = section(buffer, Integer.MAX_VALUE, "records");
            if (buffer.hasRemaining()) {
                throw new RegisterException("register.error.malformed",
                        buffer.remaining() + " unexpected bytes after the last section", null);
            }
            return new PackageFile(manifest, signature, envelope);
        } catch (BufferUnderflowException e) {
            throw new RegisterException("register.error.truncated",
                    "package file ends early (" + file.length + " bytes): truncated copy?", e);
        }
    }

    private static byte[] section(ByteBuffer buffer, int max, String name) {
        int length = buffer.getInt();
        if (length < 0 || length > max) {
            throw new RegisterException("register.error.malformed", name + " section has an impossible length", null);
        }
        if (length > buffer.remaining()) {
            throw new RegisterException("register.error.truncated", name + " section needs " + length
                    + " bytes, only " + buffer.remaining() + " left: truncated copy?", null);
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "PackageFile[manifest " + manifest.length + " B, envelope " + envelope.length + " B]";
    }
}
