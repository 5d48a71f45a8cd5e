package kz.sailau.kiosk.precinct;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A ledger command as it travels through the consensus log: the command's own bytes ({@link PrecinctCommand}), the
 * certificate of the node that submitted it and that node's signature over the command bytes (decision 0285).
 *
 * <p>Wire form (big-endian): marker byte {@code 'S'}, version byte {@value #VERSION}, the certificate's DER length
 * (unsigned 16-bit) and bytes, the signature's length (unsigned 16-bit) and bytes, then the command's bytes to the
 * end. Lengths are bounded before anything is read, so a hostile entry is refused, never a large allocation.
 *
 * @param command     the command's wire form
 * @param certificate the submitting node's certificate, DER
 * @param signature   the node's signature of {@code command} ({@code NodeCredentials.COMMAND_SIGNATURE})
 */
record SignedCommand(byte[] command, byte[] certificate, byte[] signature) {

    /** Version of this envelope. */
    static final int VERSION = 1;
    private static final int MARKER = 'S';
    /** The largest certificate an envelope may carry (a node certificate is about 600 bytes). */
    static final int MAX_CERTIFICATE = 4_096;
    /** The largest signature (a DER ECDSA P-256 signature is at most 72 bytes). */
    static final int MAX_SIGNATURE = 512;

    SignedCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signature, "signature");
        if (command.length == 0 || certificate.length == 0 || certificate.length > MAX_CERTIFICATE
                || signature.length == 0 || signature.length > MAX_SIGNATURE) {
            throw new IllegalArgumentException("signed command out of bounds");
        }
        command = command.clone();
        certificate = certificate.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] command() {
        return command.clone();
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The wire form. */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(command.length + certificate.length + 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(MARKER);
            out.writeByte(VERSION);
            out.writeShort(certificate.length);
            out.write(certificate);
            out.writeShort(signature.length);
            out.write(signature);
            out.write(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads an envelope.
     *
     * @throws IllegalArgumentException if the bytes are not an envelope of this version (no certificate, a length
     *                                  beyond its bound or beyond the bytes, no command)
     */
    static SignedCommand decode(byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data");
        try {
            ByteBuffer in = ByteBuffer.wrap(data, offset, length);
            if (in.get() != MARKER || in.get() != VERSION) {
                throw new IllegalArgumentException("not a signed command of version " + VERSION);
            }
            byte[] certificate = bounded(in, MAX_CERTIFICATE, "certificate");
            byte[] signature = bounded(in, MAX_SIGNATURE, "signature");
            byte[] command = new byte[in.remaining()];
            in.get(command);
            return new SignedCommand(command, certificate, signature);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("signed command truncated");
        }
    }

    private static byte[] bounded(ByteBuffer in, int max, String what) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length == 0 || length > max || length > in.remaining()) {
            throw new IllegalArgumentException(what + " length " + length + " out of bounds");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCommand that && Arrays.equals(command, that.command)
                && Arrays.equals(certificate, that.certificate) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(command) + Arrays.hashCode(certificate)) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedCommand[" + command.length + " bytes]";
    }
}
