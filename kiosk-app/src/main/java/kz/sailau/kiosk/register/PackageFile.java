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
 * number (container version 1), or four when the package carries the authority's redirection table (container
 * version 2, decision 0210), nothing after them.
 *
 * <pre>
 *   "SAILAUSRP\n"            10 bytes magic
 *   u16 big-endian           container version (1, or 2 with a redirection table)
 *   u32 + bytes              manifest, UTF-8 JSON ({@link PackageManifest}), at most 64 KiB
 *   u32 + bytes              CMS SignedData (RFC 5652), detached, over the manifest bytes, at most 64 KiB
 *   u32 + bytes              CMS AuthEnvelopedData (RFC 5083) holding a SignedData holding the records JSON
 *   u32 + bytes              version 2 only: the redirection table ({@link RedirectTable}), not empty; its SHA-256
 *                            is in the signed manifest, its key in the encrypted records
 * </pre>
 *
 * @param manifest          manifest bytes
 * @param manifestSignature detached signature bytes
 * @param envelope          envelope bytes
 * @param redirectTable     redirection table bytes, empty when the package has none
 */
public record PackageFile(byte[] manifest, byte[] manifestSignature, byte[] envelope, byte[] redirectTable) {

    static final byte[] MAGIC = "SAILAUSRP\n".getBytes(StandardCharsets.US_ASCII);
    static final int CONTAINER_VERSION = 1;
    static final int CONTAINER_VERSION_WITH_REDIRECTION = 2;
    static final int MAX_SMALL_SECTION = 64 * 1024;

    /** @throws NullPointerException on a null section */
    public PackageFile {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(manifestSignature, "manifestSignature");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(redirectTable, "redirectTable");
    }

    /** A package without a redirection table (container version 1). */
    public PackageFile(byte[] manifest, byte[] manifestSignature, byte[] envelope) {
        this(manifest, manifestSignature, envelope, new byte[0]);
    }

    /** The file bytes. */
    public byte[] toBytes() {
        try {
            boolean redirection = redirectTable.length > 0;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(envelope.length + redirectTable.length
                    + manifest.length + 4096);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeShort(redirection ? CONTAINER_VERSION_WITH_REDIRECTION : CONTAINER_VERSION);
            byte[][] sections = redirection ? new byte[][] {manifest, manifestSignature, envelope, redirectTable}
                    : new byte[][] {manifest, manifestSignature, envelope};
            for (byte[] section : sections) {
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
            if (version != CONTAINER_VERSION && version != CONTAINER_VERSION_WITH_REDIRECTION) {
                throw new RegisterException("register.error.malformed",
                        "unsupported package container version " + version, null);
            }
            byte[] manifest = section(buffer, MAX_SMALL_SECTION, "manifest");
            byte[] signature = section(buffer, MAX_SMALL_SECTION, "manifest signature");
            byte[] envelope = section(buffer, Integer.MAX_VALUE, "records");
            byte[] redirectTable = new byte[0];
            if (version == CONTAINER_VERSION_WITH_REDIRECTION) {
                redirectTable = section(buffer, Integer.MAX_VALUE, "redirection table");
                if (redirectTable.length == 0) {
                    throw new RegisterException("register.error.malformed", "redirection table section is empty",
                            null);
                }
            }
            if (buffer.hasRemaining()) {
                throw new RegisterException("register.error.malformed",
                        buffer.remaining() + " unexpected bytes after the last section", null);
            }
            return new PackageFile(manifest, signature, envelope, redirectTable);
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
        return "PackageFile[manifest " + manifest.length + " B, envelope " + envelope.length + " B, redirection table "
                + redirectTable.length + " B]";
    }
}
